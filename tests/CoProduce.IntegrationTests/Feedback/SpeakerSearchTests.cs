using System.Globalization;
using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Feedback;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Feedback;

/// <summary>
/// Choosing who said something at an activity: a select of everyone who attended when they are
/// few, a search by name (a GOV.UK input and radios) when they are many. The search keeps
/// everything typed in the note, finds people in the database, and the note saves the same speaker.
/// </summary>
public sealed class SpeakerSearchTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>People on the roster with the given names, in one save; their profile ids in the same order.</summary>
    private Task<List<int>> PeopleAsync(IReadOnlyList<string> names) => WithDbAsync(async db =>
    {
        var profiles = names.Select(name =>
        {
            var address = $"s-{Guid.NewGuid():N}@example.org";
            var user = new CoProduceUser { UserName = address, Email = address, DisplayName = name };
            db.Users.Add(user);
            var profile = new ExpertProfile(user.Id, name, address, DateTime.UtcNow);
            profile.GiveConsent(CoProduce.Web.Features.Public.PrivacyNotice.Version, DateTime.UtcNow);
            db.ExpertProfiles.Add(profile);
            return profile;
        }).ToList();
        await db.SaveChangesAsync();
        return profiles.Select(p => p.Id).ToList();
    });

    /// <summary>An activity two days ago that everyone given attended.</summary>
    private Task<int> ActivityAsync(List<int> attended) => WithDbAsync(async db =>
    {
        var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var date = UkTime.Today(TimeProvider.System).AddDays(-2);
        var before = UkTime.ToUtc(date.AddDays(-5), new TimeOnly(12, 0));
        var activity = new Activity(projectId, $"Big listening event {Guid.NewGuid():N}", ActivityType.Workshop, "An event.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.Online, null, null, null), Math.Max(6, attended.Count), [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: false, "system", before);
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
        var after = UkTime.ToUtc(date, new TimeOnly(13, 0));
        activity.MoveTo(ActivityStatus.Completed, after);
        foreach (var signUp in activity.SignUps)
        {
            activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), new SessionNotes(null, null, null), "organiser", after);
        }
        await db.SaveChangesAsync();
        return activity.Id;
    });

    /// <summary>More people than are listed in a select: "Attendee 001" and so on, plus the ones named.</summary>
    private async Task<(int ActivityId, List<int> Named)> CrowdAsync(params string[] named)
    {
        var crowd = await PeopleAsync([.. Enumerable.Range(1, FeedbackPages.MostListed + 5).Select(i => $"Attendee {i:D3}")]);
        var ids = await PeopleAsync(named);
        return (await ActivityAsync([.. crowd, .. ids]), ids);
    }

    [Fact]
    public async Task FewWhoAttended_AreAllOfferedInASelect()
    {
        var ids = await PeopleAsync(["Sam Okafor", "Ravi Shah"]);
        var id = await ActivityAsync(ids);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);

        var page = await organiser.GetPageAsync($"/manage/activities/{id}/feedback");

        Assert.Equal(["The group / not recorded", "Ravi Shah", "Sam Okafor"], page.QuerySelectorAll("select#SaidBy option").Select(o => o.TextContent));
        Assert.Null(page.QuerySelector("#SpeakerSearch"));
        Assert.Null(page.QuerySelector("button[name=FindSpeaker]"));
    }

    [Fact]
    public async Task ManyWhoAttended_SearchFindsThePerson_KeepsWhatWasTyped_AndTheNoteSavesWithThem()
    {
        var (id, named) = await CrowdAsync("Zofia Nowak", "Zofia Brown");
        var nowak = named[0];
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/feedback";

        var empty = await organiser.GetPageAsync(url);
        Assert.Null(empty.QuerySelector("select#SaidBy"));
        Assert.NotNull(empty.QuerySelector("form[action='" + url + "'] input#SpeakerSearch[type=text]"));
        Assert.Contains($"{FeedbackPages.MostListed + 7} people attended", empty.QuerySelector("#SpeakerSearch-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([FeedbackNoteForm.TheGroup], empty.QuerySelectorAll("input[name=SaidBy][type=radio]").Select(r => r.GetAttribute("value")));
        Assert.True(empty.QuerySelector("input[name=SaidBy][type=radio]")!.HasAttribute("checked"));

        const string words = "Letters about respite arrive after the date has gone";
        var found = await organiser.SubmitFormAsync(url, url,
            [new("Kind", "NotWorking"), new("Text", words), new("Keys", "Home"), new("SaidBy", ""), new("MayNameThem", "true"),
             new("SpeakerSearch", " nowak "), new("FindSpeaker", "true")]);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var page = await found.ReadPageAsync();
        Assert.Null(page.QuerySelector(".govuk-error-summary"));
        Assert.Equal(words, page.QuerySelector("textarea#Text")!.TextContent);
        Assert.True(page.QuerySelector("input[name=Kind][value=NotWorking]")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name=Keys][value=Home]")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name=MayNameThem]")!.HasAttribute("checked"));
        Assert.Equal(" nowak ", page.QuerySelector("input#SpeakerSearch")!.GetAttribute("value"));
        Assert.Contains("1 person matches", page.QuerySelector("#speaker-matches")!.TextContent, StringComparison.Ordinal);
        var radios = page.QuerySelectorAll("input[name=SaidBy][type=radio]");
        Assert.Equal([FeedbackNoteForm.TheGroup, N(nowak)], radios.Select(r => r.GetAttribute("value")));
        Assert.Equal($"Zofia Nowak ({ExpertProfile.PayeeReferenceOf(nowak)})", page.QuerySelector($"label[for={radios[1].Id}]")!.TextContent.Trim());
        Assert.False(await WithDbAsync(db => db.FeedbackItems.AnyAsync(i => i.ActivityId == id)));

        var added = await organiser.SubmitFormAsync(url, url,
            [new("Kind", "NotWorking"), new("Text", words), new("Keys", "Home"), new("SaidBy", N(nowak)), new("SpeakerSearch", "nowak")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var item = await WithDbAsync(db => db.FeedbackItems.AsNoTracking().SingleAsync(i => i.ActivityId == id));
        Assert.Equal((FeedbackKind.NotWorking, words, (int?)nowak, false), (item.Kind, item.Text, item.SaidByExpertProfileId, item.MayNameThem));

        // Changing the note later: the person already chosen is offered, checked, without searching again.
        var editUrl = $"/manage/activities/{id}/feedback/{item.Id}/edit";
        var edit = await organiser.GetPageAsync(editUrl);
        Assert.Equal(N(nowak), edit.QuerySelector("input[name=SaidBy][checked]")!.GetAttribute("value"));
        var other = await organiser.SubmitFormAsync(editUrl, editUrl,
            [new("Kind", "NotWorking"), new("Text", "Changed words"), new("SaidBy", N(nowak)), new("SpeakerSearch", "zofia"), new("FindSpeaker", "true")]);
        var both = await other.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("Changed words", both.QuerySelector("textarea#Text")!.TextContent);
        Assert.Equal([FeedbackNoteForm.TheGroup, N(nowak), N(named[1])], both.QuerySelectorAll("input[name=SaidBy][type=radio]").Select(r => r.GetAttribute("value")));
        Assert.Equal(N(nowak), both.QuerySelector("input[name=SaidBy][checked]")!.GetAttribute("value"));
        Assert.NotNull(both.QuerySelector("input[name=Seen]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ManyWhoAttended_ABroadSearchShowsTheFirstTwenty_PartOfANameFindsOne_ContactDetailsAreNotSearched_AndAWildcardIsTakenLiterally()
    {
        var (id, named) = await CrowdAsync("Oliver");
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/feedback";

        var broad = await (await organiser.SubmitFormAsync(url, url, [new("Text", "Kept"), new("SpeakerSearch", "Attendee"), new("FindSpeaker", "true")])).ReadPageAsync();
        Assert.Equal(FeedbackPages.MostMatches + 1, broad.QuerySelectorAll("input[name=SaidBy][type=radio]").Length);
        Assert.Contains($"More than {FeedbackPages.MostMatches} people match", broad.QuerySelector("#speaker-matches")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept", broad.QuerySelector("textarea#Text")!.TextContent);

        var byName = await (await organiser.SubmitFormAsync(url, url, [new("SpeakerSearch", "OLIV"), new("FindSpeaker", "true")])).ReadPageAsync();
        Assert.Equal([FeedbackNoteForm.TheGroup, N(named[0])], byName.QuerySelectorAll("input[name=SaidBy][type=radio]").Select(r => r.GetAttribute("value")));
        Assert.Equal(FeedbackNoteForm.TheGroup, byName.QuerySelector("input[name=SaidBy][checked]")!.GetAttribute("value"));
        // Namesakes are told apart by their reference, never by contact details.
        Assert.Contains(byName.QuerySelectorAll("input[name=SaidBy] + label").Select(l => l.TextContent.Trim()),
            label => label.Contains(ExpertProfile.PayeeReferenceOf(named[0]), StringComparison.Ordinal));
        Assert.DoesNotContain("@", string.Concat(broad.QuerySelectorAll("input[name=SaidBy] + label").Select(l => l.TextContent)), StringComparison.Ordinal);

        // Contact details are not searched: some withdrew their consent, some prefer the phone.
        var email = await WithDbAsync(db => db.ExpertProfiles.Where(p => p.Id == named[0]).Select(p => p.ContactEmail!).SingleAsync());
        var byEmail = await (await organiser.SubmitFormAsync(url, url, [new("SpeakerSearch", email[..14]), new("FindSpeaker", "true")])).ReadPageAsync();
        Assert.Single(byEmail.QuerySelectorAll("input[name=SaidBy][type=radio]"));

        // Someone already chosen does not hide that more than the most shown match.
        var chosen = await (await organiser.SubmitFormAsync(url, url, [new("SaidBy", N(named[0])), new("SpeakerSearch", "Attendee"), new("FindSpeaker", "true")])).ReadPageAsync();
        Assert.Equal(FeedbackPages.MostMatches + 2, chosen.QuerySelectorAll("input[name=SaidBy][type=radio]").Length);
        Assert.Contains($"More than {FeedbackPages.MostMatches} people match", chosen.QuerySelector("#speaker-matches")!.TextContent, StringComparison.Ordinal);

        var wildcard = await (await organiser.SubmitFormAsync(url, url, [new("Text", "Kept"), new("SpeakerSearch", "%"), new("FindSpeaker", "true")])).ReadPageAsync();
        Assert.Single(wildcard.QuerySelectorAll("input[name=SaidBy][type=radio]"));
        Assert.Contains("No one who attended matches", wildcard.QuerySelector("#speaker-matches")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyWhoAttended_SomeoneWhoDidNotAttend_IsStillRefused()
    {
        var (id, _) = await CrowdAsync();
        var stranger = (await PeopleAsync(["Not There"]))[0];
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}/feedback";

        var response = await organiser.SubmitFormAsync(url, url, [new("Kind", "Working"), new("Text", "Good tea"), new("SaidBy", N(stranger)), new("SpeakerSearch", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("#SaidBy Select someone who attended, or the group", page.ErrorSummaryLinks());
        Assert.Equal("Good tea", page.QuerySelector("textarea#Text")!.TextContent);
    }

    [Fact]
    public async Task NotesAndEditPages_SameCommands_WithAFewOrMoreThanAHundredWhoAttended()
    {
        var few = await ActivityAsync(await PeopleAsync(["Sam Okafor", "Ravi Shah"]));
        var (many, _) = await CrowdAsync("Zofia Nowak");
        var fewNote = await NoteAsync(few);
        var manyNote = await NoteAsync(many);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        await organiser.CountCommandsAsync($"/manage/activities/{few}/feedback");

        foreach (var (a, b) in new[]
        {
            ($"/manage/activities/{few}/feedback", $"/manage/activities/{many}/feedback"),
            ($"/manage/activities/{few}/feedback/{fewNote}/edit", $"/manage/activities/{many}/feedback/{manyNote}/edit"),
        })
        {
            var small = await organiser.RecordCommandsAsync(a);
            var big = await organiser.RecordCommandsAsync(b);
            Assert.True(small.Count == big.Count, $"{a} sent {small.Count} SQL commands, {b} {big.Count}:\n\n" + string.Join("\n\n", big));
            Assert.DoesNotContain(big, sql => sql.Contains("FROM \"SignUps\"", StringComparison.Ordinal)
                && !sql.Contains("COUNT(", StringComparison.Ordinal) && !sql.Contains("LIMIT", StringComparison.Ordinal) && !sql.Contains("EXISTS", StringComparison.Ordinal));
        }
    }

    private Task<long> NoteAsync(int activityId) => WithDbAsync(async db =>
    {
        var projectId = await db.Activities.Where(a => a.Id == activityId).Select(a => a.ProjectId).SingleAsync();
        var item = new FeedbackItem(activityId, projectId, FeedbackKind.Working, "The room was warm", SevenKeys.Home, null, false, "organiser", DateTime.UtcNow);
        db.FeedbackItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    });
}
