using System.Globalization;
using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Feedback capture: the organiser writes down what people said at an activity that has happened,
/// under the three Working Together for Change questions with the 7 Keys, and who said it stays
/// private unless they agreed; people who attended read and correct the notes until they are
/// themed; nobody else sees them. Every change is audited without the words or the speaker.
/// </summary>
public sealed class FeedbackCaptureTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string NotWorkingWords = "The letters about respite arrive after the date has gone";

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private Task<int> JoAsync() => WithDbAsync(db => db.ExpertProfiles.Where(p => p.ContactEmail == DemoUsers.EmailFor(Roles.ExpertByExperience)).Select(p => p.Id).SingleAsync());

    /// <summary>Someone on the roster without an account that the tests sign in with.</summary>
    private Task<int> PersonAsync(string name) => WithDbAsync(async db =>
    {
        var address = $"p-{Guid.NewGuid():N}@example.org";
        var user = new CoProduceUser { UserName = address, Email = address, DisplayName = name };
        db.Users.Add(user);
        var profile = new ExpertProfile(user.Id, name, address, DateTime.UtcNow);
        profile.GiveConsent(CoProduce.Web.Features.Public.PrivacyNotice.Version, DateTime.UtcNow);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    /// <summary>An activity <paramref name="daysAgo"/> days ago (negative: still to come) where <paramref name="attended"/> took part.</summary>
    private Task<int> ActivityAsync(int daysAgo, params int[] attended) => WithDbAsync(async db =>
    {
        var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var date = UkTime.Today(TimeProvider.System).AddDays(-daysAgo);
        var before = UkTime.ToUtc(date.AddDays(-5), new TimeOnly(12, 0));
        var activity = new Activity(projectId, $"Carers' breaks workshop {Guid.NewGuid():N}", ActivityType.Workshop, "A workshop.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.Online, null, null, null), 6, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: false, "system", before);
        activity.MoveTo(ActivityStatus.Open, before);
        foreach (var person in attended)
        {
            activity.RequestPlace(person, true, string.Empty, before);
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        foreach (var signUp in activity.SignUps)
        {
            activity.Confirm(signUp.Id, true, null, before);
        }
        if (daysAgo >= 0)
        {
            var after = UkTime.ToUtc(date, new TimeOnly(13, 0));
            activity.MoveTo(ActivityStatus.Completed, after);
            foreach (var signUp in activity.SignUps)
            {
                activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), new SessionNotes(null, null, null), "organiser", after);
            }
        }
        await db.SaveChangesAsync();
        return activity.Id;
    });

    private Task<long> NoteAsync(int activityId, FeedbackKind kind, string text, int? saidBy = null, bool mayName = false, bool themed = false) => WithDbAsync(async db =>
    {
        var projectId = await db.Activities.Where(a => a.Id == activityId).Select(a => a.ProjectId).SingleAsync();
        var item = new FeedbackItem(activityId, projectId, kind, text, SevenKeys.Home, saidBy, mayName, "organiser", DateTime.UtcNow);
        db.FeedbackItems.Add(item);
        if (themed)
        {
            var theme = new FeedbackTheme(projectId, "Letters and timing", "organiser", DateTime.UtcNow);
            db.FeedbackThemes.Add(theme);
            await db.SaveChangesAsync();
            item.PutInTheme(theme.Id, DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
        return item.Id;
    });

    private Task<List<AuditEntry>> AuditAsync(AuditSubject subject, string action) =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == subject.Type && e.SubjectId == subject.Id && e.Action == action).ToListAsync());

    private static void AssertSaysNothingOf(AuditEntry entry, params string[] words)
    {
        foreach (var text in new[] { entry.Summary, entry.Before ?? string.Empty, entry.After ?? string.Empty })
        {
            foreach (var word in words)
            {
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static List<KeyValuePair<string, string>> Note(string? kind, string? text, string saidBy = "", bool mayName = false, params string[] keys)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Text", text ?? string.Empty), new("SaidBy", saidBy) };
        if (kind is not null)
        {
            fields.Add(new("Kind", kind));
        }
        fields.AddRange(keys.Select(k => new KeyValuePair<string, string>("Keys", k)));
        if (mayName)
        {
            fields.Add(new("MayNameThem", "true"));
        }
        return fields;
    }

    [Fact]
    public async Task Record_PutsTheNoteUnderItsQuestion_WithKeysAndAPrivateSpeaker_ThenAnEmptyFormForTheNext()
    {
        var sam = await PersonAsync("Sam Okafor");
        var id = await ActivityAsync(2, sam);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/feedback";

        var activityPage = await organiser.GetPageAsync($"/manage/activities/{id}");
        Assert.NotNull(activityPage.QuerySelector($"a[href='{url}']"));
        var form = await organiser.GetPageAsync(url);
        Assert.Contains(form.QuerySelectorAll("#SaidBy option"), o => o.TextContent == "Sam Okafor" && o.GetAttribute("value") == N(sam));
        Assert.Equal("The group / not recorded", form.QuerySelector("#SaidBy option[selected]")?.TextContent ?? form.QuerySelector("#SaidBy option")!.TextContent);

        var added = await organiser.SubmitFormAsync(url, url, Note("NotWorking", NotWorkingWords, N(sam), false, "Home", "Help"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"{url}#add-note", added.Location());
        var page = await organiser.GetPageAsync(url);
        Assert.Contains("Note added under What is not working", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, page.QuerySelector("textarea#Text")!.TextContent);
        Assert.Null(page.QuerySelector("input[name=Kind][checked]"));
        var note = page.QuerySelector("#notes-notworking .app-note")!;
        Assert.Contains(NotWorkingWords, note.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Home", "Help"], note.QuerySelectorAll(".app-key").Select(k => k.TextContent));
        Assert.Contains("Sam Okafor (private)", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not themed yet", note.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#notes-working"));

        var item = await WithDbAsync(db => db.FeedbackItems.AsNoTracking().SingleAsync(i => i.ActivityId == id));
        Assert.Equal((FeedbackKind.NotWorking, SevenKeys.Home | SevenKeys.Help, (int?)sam, false), (item.Kind, item.Keys, item.SaidByExpertProfileId, item.MayNameThem));
        var entry = Assert.Single(await AuditAsync(AuditSubject.FeedbackItem(item.Id), AuditActions.FeedbackRecorded));
        Assert.Contains("What is not working", entry.Summary, StringComparison.Ordinal);
        AssertSaysNothingOf(entry, "letters", "respite", "Sam", "Okafor");
    }

    [Theory]
    [InlineData(null, "They said the bus is late", "Kind", "Select which question the note answers")]
    [InlineData("Working", "   ", "Text", "Enter what was said")]
    [InlineData("Working", "long", "Text", "What was said must be 1,000 characters or fewer")]
    [InlineData("Sometimes", "They said the bus is late", "Kind", "Select which question the note answers")]
    public async Task Record_BadInput_ShowsTheMessageByTheField_AndKeepsWhatWasTyped(string? kind, string text, string field, string message)
    {
        var id = await ActivityAsync(1);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/feedback";
        var typed = text == "long" ? new string('a', 1001) : text;

        var response = await organiser.SubmitFormAsync(url, url, Note(kind, typed, keys: "Money"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"#{field} {message}", page.ErrorSummaryLinks());
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("textarea#Text")!.TextContent);
        Assert.True(page.QuerySelector("input[name=Keys][value=Money]")!.HasAttribute("checked"));
        Assert.False(await WithDbAsync(db => db.FeedbackItems.AnyAsync(i => i.ActivityId == id)));
    }

    [Fact]
    public async Task Record_BeforeTheActivityHappened_OrWhenCancelled_IsRefusedWithAMessage()
    {
        var coming = await ActivityAsync(-3);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{coming}/feedback";

        var page = await organiser.GetPageAsync(url);
        Assert.Contains("Notes can be recorded once the activity has happened", page.QuerySelector(".app-no-feedback")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"form[action='{url}']"));

        // A form sent anyway (from a page opened elsewhere) is refused with the same reason.
        var token = (await organiser.GetPageAsync($"/manage/activities/{coming}/keys")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([.. Note("Working", "The room was good"), new("__RequestVerificationToken", token)]);
        var response = await organiser.PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Notes can be recorded once the activity has happened", (await response.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.FeedbackItems.AnyAsync(i => i.ActivityId == coming)));

        var cancelled = await ActivityAsync(1);
        await WithDbAsync(db => db.Activities.Where(a => a.Id == cancelled).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, ActivityStatus.Cancelled)));
        var cancelledPage = await organiser.GetPageAsync($"/manage/activities/{cancelled}/feedback");
        Assert.Contains("This activity was cancelled", cancelledPage.QuerySelector(".app-no-feedback")!.TextContent, StringComparison.Ordinal);
        Assert.Null(cancelledPage.QuerySelector($"form[action='/manage/activities/{cancelled}/feedback']"));

        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(new Uri("/manage/activities/999999/feedback", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Record_SomeoneWhoDidNotAttend_CannotBeNamedAsTheSpeaker()
    {
        var stranger = await PersonAsync("Not There");
        var id = await ActivityAsync(1);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/feedback";

        var response = await organiser.SubmitFormAsync(url, url, Note("Working", "Good tea", N(stranger)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("#SaidBy Select someone who attended, or the group", (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task Edit_ChangesAnyField_AlsoAfterAParticipantCorrectedIt_AndIsAudited()
    {
        var sam = await PersonAsync("Sam Okafor");
        var id = await ActivityAsync(3, sam);
        var itemId = await NoteAsync(id, FeedbackKind.Working, "The room was warm and quiet");
        await WithDbAsync(async db =>
        {
            var item = await db.FeedbackItems.SingleAsync(i => i.Id == itemId);
            item.CorrectByParticipant("The room was warm, quiet and easy to find", SevenKeys.Home, sam, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/feedback/{itemId}/edit";
        var form = await organiser.GetPageAsync(url);
        Assert.Equal("The room was warm, quiet and easy to find", form.QuerySelector("textarea#Text")!.TextContent);
        Assert.Contains("Someone who attended has corrected this note", form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var saved = await organiser.SubmitFormAsync(url, url, Note("ImportantForFuture", "Keep using rooms that are warm, quiet and easy to find", N(sam), true, "Life"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await WithDbAsync(db => db.FeedbackItems.AsNoTracking().SingleAsync(i => i.Id == itemId));
        Assert.Equal((FeedbackKind.ImportantForFuture, "Keep using rooms that are warm, quiet and easy to find", SevenKeys.Life, (int?)sam, true),
            (item.Kind, item.Text, item.Keys, item.SaidByExpertProfileId, item.MayNameThem));
        var list = await organiser.GetPageAsync($"/manage/activities/{id}/feedback");
        Assert.Contains("Said by: Sam Okafor", list.QuerySelector($"#note-{itemId}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(private)", list.QuerySelector($"#note-{itemId}")!.TextContent, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(AuditSubject.FeedbackItem(itemId), AuditActions.FeedbackChanged));
        AssertSaysNothingOf(entry, "room", "warm", "quiet", "Sam", "Okafor");
        Assert.Contains("agreed to be named", entry.After, StringComparison.Ordinal);

        // A form filled in before someone else's change is not saved over it.
        await WithDbAsync(async db =>
        {
            var again = await db.FeedbackItems.SingleAsync(i => i.Id == itemId);
            again.CorrectByParticipant("Rooms must be warm", SevenKeys.Life, sam, DateTime.UtcNow.AddSeconds(5));
            return await db.SaveChangesAsync();
        });
        var stale = await organiser.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(
            [.. Note("Working", "Old words"), new("Seen", N(item.UpdatedUtc.Ticks)),
             new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Someone changed this note after you opened it", (await stale.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Rooms must be warm", await WithDbAsync(db => db.FeedbackItems.Where(i => i.Id == itemId).Select(i => i.Text).SingleAsync()));
    }

    [Fact]
    public async Task Participant_WhoAttended_ReadsTheNotes_SeesSpeakersOnlyAsAllowed_AndCorrectsOne()
    {
        var jo = await JoAsync();
        var sam = await PersonAsync("Sam Okafor");
        var ria = await PersonAsync("Ria Patel");
        var id = await ActivityAsync(4, jo, sam, ria);
        var mine = await NoteAsync(id, FeedbackKind.NotWorking, "Jo: the forms are too long", jo);
        var samsPrivate = await NoteAsync(id, FeedbackKind.Working, "The staff listen", sam, mayName: false);
        var riasNamed = await NoteAsync(id, FeedbackKind.ImportantForFuture, "Breaks at weekends", ria, mayName: true);
        var expert = await portal.ClientForAsync(Roles.ExpertByExperience);
        var url = $"/my-involvement/activities/{id}/feedback";

        var involvement = await expert.GetPageAsync("/my-involvement");
        Assert.NotNull(involvement.QuerySelector($"a.app-notes-link[href='{url}']"));
        var page = await expert.GetPageAsync(url);
        Assert.Equal("You said this.", page.QuerySelector($"#note-{mine} .app-speaker")!.TextContent);
        Assert.Null(page.QuerySelector($"#note-{samsPrivate} .app-speaker"));
        Assert.DoesNotContain("Sam", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("Ria Patel said this.", page.QuerySelector($"#note-{riasNamed} .app-speaker")!.TextContent);

        // What someone else said is theirs to correct: the page says why, and a change sent anyway is refused.
        var others = $"{url}/{samsPrivate}";
        Assert.Contains("Someone else said this", page.QuerySelector($"#note-{samsPrivate} .app-fixed")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await expert.GetPageAsync(others)).QuerySelector("textarea"));
        var token = (await expert.GetPageAsync($"{url}/{mine}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("Text", "The staff never listen"), new("__RequestVerificationToken", token)]);
        var refused = await expert.PostAsync(new Uri(others, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("only they can change it", (await refused.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The staff listen", await WithDbAsync(db => db.FeedbackItems.Where(i => i.Id == samsPrivate).Select(i => i.Text).SingleAsync()));

        // Their own note, not yet themed, they can correct.
        var correct = $"{url}/{mine}";
        var saved = await expert.SubmitFormAsync(correct, correct, [new("Text", "Jo: the forms are far too long"), new("Keys", "Help"), new("Keys", "Freedom")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await WithDbAsync(db => db.FeedbackItems.AsNoTracking().SingleAsync(i => i.Id == mine));
        Assert.Equal(("Jo: the forms are far too long", SevenKeys.Freedom | SevenKeys.Help, (int?)jo), (item.Text, item.Keys, item.SaidByExpertProfileId));
        Assert.NotNull(item.CorrectedByParticipantUtc);
        var entry = Assert.Single(await AuditAsync(AuditSubject.FeedbackItem(mine), AuditActions.FeedbackCorrectedByParticipant));
        AssertSaysNothingOf(entry, "forms", "long", "Jo", "Pritchard");

        // Bad input keeps what was typed.
        var empty = await expert.SubmitFormAsync(correct, correct, [new("Text", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("#Text Write what was said", (await empty.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task Participant_WhoDidNotAttend_OrAnotherActivity_GetsNotFound()
    {
        var jo = await JoAsync();
        var sam = await PersonAsync("Sam Okafor");
        var notThere = await ActivityAsync(2, sam);
        var there = await ActivityAsync(2, jo);
        var theirs = await NoteAsync(notThere, FeedbackKind.Working, "Sam's note");
        var expert = await portal.ClientForAsync(Roles.ExpertByExperience);
        var token = (await expert.GetPageAsync($"/my-involvement/activities/{there}/feedback/{await NoteAsync(there, FeedbackKind.Working, "Jo's note")}"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in new[]
        {
            $"/my-involvement/activities/{notThere}/feedback", $"/my-involvement/activities/{notThere}/feedback/{theirs}",
            "/my-involvement/activities/999999/feedback",
            // A note of another activity, asked for under one they attended.
            $"/my-involvement/activities/{there}/feedback/{theirs}",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        foreach (var url in new[] { $"/my-involvement/activities/{notThere}/feedback/{theirs}", $"/my-involvement/activities/{there}/feedback/{theirs}" })
        {
            using var content = new FormUrlEncodedContent([new("Text", "Changed by someone else"), new("__RequestVerificationToken", token)]);
            Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsync(new Uri(url, UriKind.Relative), content)).StatusCode);
        }
        Assert.Equal("Sam's note", await WithDbAsync(db => db.FeedbackItems.Where(i => i.Id == theirs).Select(i => i.Text).SingleAsync()));

        // Someone with a place who has not attended (the activity is still to come) cannot read the notes either.
        var coming = await ActivityAsync(-2, jo);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync(new Uri($"/my-involvement/activities/{coming}/feedback", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Participant_CannotCorrectAThemedNote_AndIsToldWhy()
    {
        var jo = await JoAsync();
        var id = await ActivityAsync(5, jo);
        var themed = await NoteAsync(id, FeedbackKind.NotWorking, "Nobody rings back", jo, themed: true);
        var open = await NoteAsync(id, FeedbackKind.Working, "Lunch was good");
        var expert = await portal.ClientForAsync(Roles.ExpertByExperience);
        var url = $"/my-involvement/activities/{id}/feedback";

        var list = await expert.GetPageAsync(url);
        Assert.Contains("It cannot be changed now", list.QuerySelector($"#note-{themed} .app-fixed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector($"#note-{themed} a[href='{url}/{themed}']"));
        var form = await expert.GetPageAsync($"{url}/{themed}");
        Assert.Null(form.QuerySelector("textarea"));
        Assert.NotNull(form.QuerySelector(".app-fixed"));

        // Sent anyway, the change is refused with the rule's reason.
        var token = (await expert.GetPageAsync($"{url}/{open}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("Text", "Somebody rings back"), new("__RequestVerificationToken", token)]);
        var response = await expert.PostAsync(new Uri($"{url}/{themed}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already been grouped into a theme", (await response.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nobody rings back", await WithDbAsync(db => db.FeedbackItems.Where(i => i.Id == themed).Select(i => i.Text).SingleAsync()));
    }

    [Fact]
    public async Task ActivityKeys_AreSaved_ShownToStaffAndParticipants_AndAudited()
    {
        var jo = await JoAsync();
        var id = await ActivityAsync(1, jo);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/keys";
        var form = await organiser.GetPageAsync(url);
        Assert.Equal(7, form.QuerySelectorAll("input[name=Keys]").Length);
        Assert.Equal("a place that is your own", form.QuerySelector("#Keys-3-item-hint")!.TextContent);

        var saved = await organiser.SubmitFormAsync(url, url, [new("Keys", "Meaning"), new("Keys", "Home")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(SevenKeys.Home | SevenKeys.Meaning, await WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Keys).SingleAsync()));
        var staffPage = await organiser.GetPageAsync($"/manage/activities/{id}");
        Assert.Equal(["Home", "Meaning"], staffPage.QuerySelectorAll(".app-key").Select(k => k.TextContent));
        var expertPage = await (await portal.ClientForAsync(Roles.ExpertByExperience)).GetPageAsync($"/activities/{id}");
        Assert.Contains("Home and Meaning", expertPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(AuditSubject.Activity(id), AuditActions.ActivityKeysTagged));
        Assert.Equal(("7 Keys: None", "7 Keys: Home, Meaning"), (entry.Before, entry.After));

        var bad = await organiser.SubmitFormAsync(url, url, [new("Keys", "Happiness")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("#Keys Select only keys from the list", (await bad.ReadPageAsync()).ErrorSummaryLinks());
    }
}
