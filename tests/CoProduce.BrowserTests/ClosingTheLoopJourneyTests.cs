using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// Closing the loop, keyboard only: a commissioner writes down what someone said at a workshop,
/// puts it in a new theme, answers it and publishes "you said, we did"; a person who took part
/// gets the email and opens the easy-read "you said, we did" from its link.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ClosingTheLoopJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task CommissionerRecordsThemesAndPublishes_ParticipantGetsTheEmailAndOpensTheEasyRead()
    {
        var said = $"The bus timetable does not fit the meeting times {Guid.NewGuid():N}"[..60];
        var themeName = $"Getting there {Guid.NewGuid():N}"[..22];
        const string answer = "We moved the meetings to start at 11 o'clock, after the morning buses.";
        var (projectId, activityId, joEmail) = await PastWorkshopJoAttendedAsync();

        // The commissioner writes down what was said at the workshop.
        var commissioner = await browser.NewPageAsync();
        await browser.SignInWithKeyboardAsync(commissioner, Roles.Commissioner);
        await commissioner.GotoAsync($"/manage/activities/{activityId}");
        await Keyboard.ActivateAsync(commissioner, $"main a[href='/manage/activities/{activityId}/feedback']");
        // A group of radios is one stop for the Tab key; the arrow keys move along it and select.
        await Keyboard.TabToAsync(commissioner, "input[name=Kind]");
        await commissioner.Keyboard.PressAsync("ArrowDown");
        Assert.True(await commissioner.Locator("input[name=Kind][value=NotWorking]").IsCheckedAsync());
        await Keyboard.TabToAsync(commissioner, "#Text");
        await commissioner.Keyboard.TypeAsync(said);
        await Keyboard.TabToAsync(commissioner, "input[name=Keys][value=Freedom]");
        await commissioner.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(commissioner, "main form button[type=submit]");
        await BrowserFixture.ScreenshotAsync(commissioner, "loop-1-note");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        Assert.Contains(said, await commissioner.Locator("#notes-notworking").InnerTextAsync(), StringComparison.Ordinal);
        var noteId = await NoteIdAsync(said);

        // On the project's feedback page, the note goes into a new theme.
        await commissioner.GotoAsync($"/projects/{projectId}/feedback");
        await Keyboard.TabToAsync(commissioner, $"#note-{noteId}");
        await commissioner.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(commissioner, "#NewThemeName");
        await commissioner.Keyboard.TypeAsync(themeName);
        await Keyboard.TabToAsync(commissioner, "form[action$='/feedback/themes'] button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        var card = commissioner.Locator(".govuk-summary-card", new() { HasTextString = themeName });
        Assert.Contains(said, await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Not answered", await card.InnerTextAsync(), StringComparison.Ordinal);

        // The theme is answered honestly: we did.
        var themeId = await ThemeIdAsync(themeName);
        await Keyboard.ActivateAsync(commissioner, $"#theme-{themeId} a[href='/projects/{projectId}/feedback/themes/{themeId}']");
        await Keyboard.TabToAsync(commissioner, "form[action$='/answer'] input[name=Kind]");
        await commissioner.Keyboard.PressAsync("Space");
        Assert.True(await commissioner.Locator("input[name=Kind][value=WeDid]").IsCheckedAsync());
        await Keyboard.TabToAsync(commissioner, "form[action$='/answer'] textarea[name=Text]");
        await commissioner.Keyboard.TypeAsync(answer);
        await Keyboard.TabToAsync(commissioner, "form[action$='/answer'] button[type=submit]");
        await BrowserFixture.ScreenshotAsync(commissioner, "loop-2-answer");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        Assert.Contains("Answer saved", await commissioner.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        // Back on the feedback page, the answer waits to be published; it is published, on the project's public page too.
        await commissioner.GotoAsync($"/projects/{projectId}/feedback");
        Assert.Contains(answer, await commissioner.Locator($"#theme-{themeId}").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Not published yet", await commissioner.Locator($"#theme-{themeId}").InnerTextAsync(), StringComparison.Ordinal);
        if (!await commissioner.Locator("#ShowOnPublicPage").IsCheckedAsync())
        {
            await Keyboard.TabToAsync(commissioner, "#ShowOnPublicPage");
            await commissioner.Keyboard.PressAsync("Space");
        }
        await Keyboard.TabToAsync(commissioner, "form[action$='/feedback/publish'] button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        Assert.Contains("published", await commissioner.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await BrowserFixture.ScreenshotAsync(commissioner, "loop-3-published");

        // Jo took part: the email comes, in easy read (her access needs say so), with the easy-read copy attached.
        await browser.App.SendQueuedEmailsAsync();
        var email = Mailbox.To(browser.App.MailFolder, joEmail).Last();
        Assert.StartsWith("What we did after you told us", email.Subject, StringComparison.Ordinal);
        Assert.Contains(email.Attachments, a => a.ContentType.MimeType == "application/pdf");
        var link = Mailbox.LinkTo(browser.App.MailFolder, joEmail, $"/my-involvement/you-said-we-did/{projectId}");

        // She signs in and follows the link to the easy-read "you said, we did".
        var jo = await browser.NewPageAsync();
        await browser.SignInWithKeyboardAsync(jo, Roles.ExpertByExperience);
        await jo.GotoAsync(link);
        var document = jo.Locator(".app-easy-read").First;
        Assert.Contains(themeName, await document.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(answer, await document.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(jo, "loop-4-easy-read");

        // And the public page shows the answer, with nobody's name.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/you-said-we-did/{projectId}");
        var publicText = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains(answer, publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo", publicText.Split([' ', '\n', ',', '.', ':'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The demo's co-writing session for the carers' project: a past workshop that Jo attended.</summary>
    private async Task<(int ProjectId, int ActivityId, string JoEmail)> PastWorkshopJoAttendedAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var joEmail = DemoUsers.EmailFor(Roles.ExpertByExperience);
        var jo = await db.ExpertProfiles.Where(p => p.ContactEmail == joEmail).Select(p => p.Id).SingleAsync();
        var activity = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Completed && a.SignUps.Any(s => s.ExpertProfileId == jo && s.Attendance == Attendance.Attended))
            .OrderByDescending(a => a.Date).Select(a => new { a.Id, a.ProjectId }).FirstAsync();
        return (activity.ProjectId, activity.Id, joEmail);
    }

    private async Task<int> ThemeIdAsync(string name)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.FeedbackThemes.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private async Task<long> NoteIdAsync(string text)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.FeedbackItems.Where(i => i.Text == text).Select(i => i.Id).SingleAsync();
    }
}
