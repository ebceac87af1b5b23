using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// A project's feedback: the notes still to theme, the themes, and publishing "you said, we did".
/// Pages are read by <see cref="YouSaidWeDidPages"/>; changes go through <see cref="YouSaidWeDidService"/>.
/// </summary>
[Authorize(Policy = Policies.ProjectsEdit)]
public sealed class FeedbackController(YouSaidWeDidService feedback, YouSaidWeDidPages pages, UserManager<CoProduceUser> users) : Controller
{
    private string Me => users.GetUserId(User)!;

    [HttpGet("projects/{id:int}/feedback")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) =>
        await pages.FeedbackAsync(id, new AddToThemeForm(), null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("projects/{id:int}/feedback/themes")]
    [SubmitOnce]
    public async Task<IActionResult> AddToTheme(int id, AddToThemeForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (themeId, added, field, problem) = await feedback.AddToThemeAsync(id, form.ItemIds, form.ThemeId, form.NewThemeName?.Trim(), Me, cancellationToken);
            if (themeId is not null)
            {
                // The notes actually moved: any put in a theme meanwhile by someone else are not counted.
                TempData["Success"] = added == 1 ? "1 note added to the theme" : $"{added} notes added to the theme";
                return Redirect(YouSaidWeDidPaths.Feedback(id) + $"#theme-{themeId}");
            }
            ModelState.AddModelError(field!, problem!);
        }
        return await AgainAsync(id, form, null, cancellationToken);
    }

    [HttpPost("projects/{id:int}/feedback/publish")]
    [SubmitOnce]
    public async Task<IActionResult> Publish(int id, PublishForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await feedback.PublishAsync(id, form.ShowOnPublicPage, form.ReviewOn.ToDate(), Me, cancellationToken);
            if (outcome.Published)
            {
                TempData["Success"] = $"You said, we did published. {outcome.PeopleTold} {(outcome.PeopleTold == 1 ? "person who took part is" : "people who took part are")} being told";
                if (outcome.FollowUpActivityId is { } activityId)
                {
                    TempData["FollowUpActivityId"] = activityId;
                }
                return Redirect(YouSaidWeDidPaths.Feedback(id));
            }
            if (outcome == PublishOutcome.NotFound)
            {
                return NotFound();
            }
            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError(problem.Field == "ReviewOn" ? nameof(PublishForm.ReviewOn) : "themes", problem.Message);
            }
        }
        return await AgainAsync(id, new AddToThemeForm(), form, cancellationToken);
    }

    private async Task<IActionResult> AgainAsync(int id, AddToThemeForm add, PublishForm? publish, CancellationToken cancellationToken)
    {
        if (await pages.FeedbackAsync(id, add, publish, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), model);
    }
}
