using CoProduce.Web.Data;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// One theme: its notes (take one out), its name, what was understood about it (root causes, what
/// success looks like), its answer, and merging it into another theme.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class FeedbackThemesController(YouSaidWeDidService feedback, YouSaidWeDidPages pages, UserManager<CoProduceUser> users) : Controller
{
    private const string Route = "projects/{id:int}/feedback/themes/{themeId:int}";

    private string Me => users.GetUserId(User)!;

    [HttpGet(Route)]
    public async Task<IActionResult> Theme(int id, int themeId, CancellationToken cancellationToken) =>
        await pages.ThemeAsync(id, themeId, new ThemeForms(), cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost(Route + "/rename")]
    public Task<IActionResult> Rename(int id, int themeId, RenameThemeForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, themeId, new ThemeForms(Rename: form), "Theme renamed",
            theme => feedback.RenameAsync(theme, form.ThemeName!, form.Version ?? theme.Version, Me, cancellationToken), cancellationToken);

    [HttpPost(Route + "/understand")]
    public Task<IActionResult> Understand(int id, int themeId, UnderstandThemeForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, themeId, new ThemeForms(Understand: form), "Root causes and what success looks like saved",
            theme => feedback.UnderstandAsync(theme, form.RootCauses, form.SuccessLooksLike, form.Version ?? theme.Version, Me, cancellationToken), cancellationToken);

    [HttpPost(Route + "/answer")]
    public Task<IActionResult> Answer(int id, int themeId, AnswerThemeForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, themeId, new ThemeForms(Answer: form), "Answer saved. Publish it from the feedback page when every theme is answered",
            theme => feedback.AnswerAsync(theme, form.ToResponse(), form.Version ?? theme.Version, Me, cancellationToken), cancellationToken);

    [HttpPost(Route + "/merge")]
    public async Task<IActionResult> Merge(int id, int themeId, MergeThemeForm form, CancellationToken cancellationToken)
    {
        var theme = await feedback.LoadThemeAsync(id, themeId, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid && await feedback.MergeAsync(theme, form.IntoThemeId!.Value, Me, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(MergeThemeForm.IntoThemeId), refusal);
        }
        if (!ModelState.IsValid)
        {
            return await AgainAsync(id, themeId, new ThemeForms(Merge: form), cancellationToken);
        }
        TempData["Success"] = $"Theme \"{theme.Name}\" merged: its notes moved";
        return Redirect(YouSaidWeDidPaths.Theme(id, form.IntoThemeId!.Value));
    }

    [HttpPost(Route + "/notes/{itemId:long}/take-out")]
    public async Task<IActionResult> TakeOut(int id, int themeId, long itemId, CancellationToken cancellationToken)
    {
        var theme = await feedback.LoadThemeAsync(id, themeId, cancellationToken);
        if (theme is null || !await feedback.TakeOutAsync(theme, itemId, Me, cancellationToken))
        {
            return NotFound();
        }
        TempData["Success"] = "Note taken out of the theme. It is back with the notes to theme";
        return Redirect(YouSaidWeDidPaths.Theme(id, themeId));
    }

    private async Task<IActionResult> ChangeAsync(int id, int themeId, ThemeForms forms, string success, Func<FeedbackTheme, Task> change, CancellationToken cancellationToken)
    {
        var theme = await feedback.LoadThemeAsync(id, themeId, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await AgainAsync(id, themeId, forms, cancellationToken);
        }
        await change(theme);
        TempData["Success"] = success;
        return Redirect(YouSaidWeDidPaths.Theme(id, themeId));
    }

    private async Task<IActionResult> AgainAsync(int id, int themeId, ThemeForms forms, CancellationToken cancellationToken)
    {
        if (await pages.ThemeAsync(id, themeId, forms, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Theme), model);
    }
}
