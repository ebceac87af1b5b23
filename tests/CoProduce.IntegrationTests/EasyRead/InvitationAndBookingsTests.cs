using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>
/// A person's easy-read invitation and meetings, as pages and tagged PDFs, only ever their own;
/// and the organiser's easy-read summary, with the plain-English checker's advice beside it.
/// </summary>
public sealed class InvitationAndBookingsTests(PortalFixture portal, ITestOutputHelper output) : IClassFixture<PortalFixture>
{
    private const string PanelTitle = "Short breaks: co-write a tender question";
    private const string WorkshopTitle = "What makes a good break for carers?";

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private Task<int> ActivityIdAsync(string title) => WithDbAsync(db => db.Activities.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private Task<int> ProfileIdAsync(string email) => WithDbAsync(db => db.ExpertProfiles.Where(p => p.ContactEmail == email).Select(p => p.Id).SingleAsync());

    private async Task<HttpClient> SignedInAsAsync(string email)
    {
        var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, DemoUsers.Password(portal))).StatusCode);
        return client;
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument page) => string.Join('\n', PdfChecks.PageSentences(page));

    /// <summary>An activity made straight in the database, with these people asking for a place.</summary>
    private async Task<int> ActivityAsync(string title, ActivityMode mode, string? joining, params int[] people)
    {
        var projectId = await WithDbAsync(db => db.CommissioningProjects.Select(p => p.Id).FirstAsync());
        return await WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var date = DateOnly.FromDateTime(now).AddDays(30);
            var activity = new Activity(projectId, title, ActivityType.Workshop, "A workshop.",
                new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
                new ActivityPlace(mode, mode == ActivityMode.Online ? null : "Town Hall, Room 4", null, joining),
                6, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: false, "system", now);
            activity.MoveTo(ActivityStatus.Open, now);
            foreach (var person in people)
            {
                activity.RequestPlace(person, true, "A quiet room", now);
            }
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
    }

    // ----- The invitation -----

    [Fact]
    public async Task Invitation_ForJo_SaysWhatItIsAboutWhenWhereHelpPayAndHowToAnswer()
    {
        var panel = await ActivityIdAsync(PanelTitle);
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);

        var response = await jo.GetAsync(new Uri($"/my-involvement/activities/{panel}/invitation", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var text = Text(page);
        Assert.Contains("We would like you to come to this meeting.", text, StringComparison.Ordinal);
        Assert.Contains("This is an online meeting for families of children who have short breaks.", text, StringComparison.Ordinal);
        Assert.Contains("It starts at 6pm and ends at 7:30pm.", text, StringComparison.Ordinal);
        // Online, and Jo has no place yet: how to join comes later.
        Assert.Contains("We will send you how to join when you have a place.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("video call link", text, StringComparison.Ordinal);
        Assert.Contains("Sam Okafor from the council will run the meeting.", text, StringComparison.Ordinal);
        Assert.Contains("We have written down that you need easy read and a quiet room.", text, StringComparison.Ordinal);
        Assert.Contains("We pay £30 a session for your time.", text, StringComparison.Ordinal);
        Assert.Contains("Phone us on 01632 960 123.", text, StringComparison.Ordinal);
        var answer = page.QuerySelectorAll(".app-easy-read__section a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(answer, href => href!.StartsWith("http", StringComparison.Ordinal) && href.EndsWith("/my-involvement", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"a.app-easy-read__pdf-link[href='/my-involvement/activities/{panel}/invitation.pdf']"));
    }

    [Fact]
    public async Task InvitationPdf_ForJo_IsATaggedEasyReadPdfOfThePage()
    {
        var panel = await ActivityIdAsync(PanelTitle);
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        var page = await jo.GetPageAsync($"/my-involvement/activities/{panel}/invitation");

        var response = await jo.GetAsync(new Uri($"/my-involvement/activities/{panel}/invitation.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, "invitation");
    }

    [Fact]
    public async Task AnotherExpert_CannotGetJosInvitation_ByItsAddress()
    {
        var panel = await ActivityIdAsync(PanelTitle);
        var maya = await SignedInAsAsync("maya.khan@example.org");

        Assert.Equal(HttpStatusCode.NotFound, (await maya.GetAsync(new Uri($"/my-involvement/activities/{panel}/invitation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await maya.GetAsync(new Uri($"/my-involvement/activities/{panel}/invitation.pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Jo_CannotGetAnInvitation_ForSomeoneElsesActivity()
    {
        // Maya has asked for a place on the workshop; Jo has no sign-up on it.
        var workshop = await ActivityIdAsync(WorkshopTitle);
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);

        Assert.Equal(HttpStatusCode.NotFound, (await jo.GetAsync(new Uri($"/my-involvement/activities/{workshop}/invitation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jo.GetAsync(new Uri($"/my-involvement/activities/{workshop}/invitation.pdf", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jo.GetAsync(new Uri("/my-involvement/activities/999999/invitation", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Invitation_NamesNobodyElseTakingPart_AndGivesHowToJoinOnlyOnceThePlaceIsConfirmed()
    {
        var jo = await ProfileIdAsync("expert@example.org");
        var maya = await ProfileIdAsync("maya.khan@example.org");
        var id = await ActivityAsync("Online chat about day centres", ActivityMode.Online, "Join the video call at example.org/room-42.", jo, maya);
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);

        var waiting = Text(await client.GetPageAsync($"/my-involvement/activities/{id}/invitation"));
        Assert.Contains("You told us you would like to come.", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("room-42", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("Maya", waiting, StringComparison.Ordinal);
        // Not paid for time: costs are still paid.
        Assert.Contains("We do not pay for your time at this meeting.", waiting, StringComparison.Ordinal);
        Assert.Contains("We have not written about this meeting in easy read yet.", waiting, StringComparison.Ordinal);

        await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == id);
            activity.Confirm(activity.SignUps.Single(s => s.ExpertProfileId == jo).Id, true, null, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var confirmed = Text(await client.GetPageAsync($"/my-involvement/activities/{id}/invitation"));
        Assert.Contains("You have a place at this meeting.", confirmed, StringComparison.Ordinal);
        Assert.Contains("Join the video call at example.org/room-42.", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain("Maya", confirmed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_ToACancelledActivity_SaysSo_AndIsNotAmongTheMeetings()
    {
        var jo = await ProfileIdAsync("expert@example.org");
        var id = await ActivityAsync("Cancelled chat about transport", ActivityMode.InPerson, null, jo);
        await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == id);
            activity.MoveTo(ActivityStatus.Cancelled, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);

        var invitation = await client.GetPageAsync($"/my-involvement/activities/{id}/invitation");
        var bookings = Text(await client.GetPageAsync("/my-involvement/bookings"));

        Assert.Contains("This meeting is cancelled.", Text(invitation), StringComparison.Ordinal);
        Assert.DoesNotContain("How to say yes or no", Text(invitation), StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled chat about transport", bookings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationAttachment_IsBuiltForThatPersonOnly()
    {
        var panel = await ActivityIdAsync(PanelTitle);
        var workshop = await ActivityIdAsync(WorkshopTitle);
        var jo = await ProfileIdAsync("expert@example.org");
        await using var scope = portal.Services.CreateAsyncScope();
        var document = scope.ServiceProvider.GetServices<IAttachableDocument>().Single(d => d.Kind == "invitation");

        var built = await document.BuildAsync([panel, jo], EasyReadLanguage.English, CancellationToken.None);
        var none = await document.BuildAsync([workshop, jo], EasyReadLanguage.English, CancellationToken.None);
        var malformed = await document.BuildAsync([panel], EasyReadLanguage.English, CancellationToken.None);

        Assert.NotNull(built);
        Assert.Equal(EasyReadDocumentKind.Invitation, built.Kind);
        Assert.Contains($"The meeting is called {PanelTitle}.", built.Sentences);
        // Jo's needs (easy read, a quiet room) are on her own page, never in an email's copy.
        var onHerPage = (await (await portal.ClientForAsync(Roles.ExpertByExperience)).GetPageAsync($"/my-involvement/activities/{panel}/invitation")).Body!.TextContent;
        Assert.Contains("We have written down that you need", onHerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(built.Sentences, s => s.Contains("written down that you need", StringComparison.Ordinal) || s.Contains("quiet room", StringComparison.Ordinal) && s.Contains("you need", StringComparison.Ordinal));
        Assert.Contains("Tell us if you need any help to take part.", built.Sentences);
        Assert.Null(none);
        Assert.Null(malformed);
    }

    [Fact]
    public async Task InvolvementAndActivityPages_LinkToTheInvitationAndTheMeetings()
    {
        var panel = await ActivityIdAsync(PanelTitle);
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);

        var involvement = await jo.GetPageAsync("/my-involvement");
        var activity = await jo.GetPageAsync($"/activities/{panel}");

        Assert.NotNull(involvement.QuerySelector($"a[href='/my-involvement/activities/{panel}/invitation']"));
        Assert.NotNull(involvement.QuerySelector("a[href='/my-involvement/bookings']"));
        Assert.NotNull(activity.QuerySelector($"a[href='/my-involvement/activities/{panel}/invitation']"));
    }

    // ----- My meetings -----

    [Fact]
    public async Task Bookings_ForJo_GroupsTheirMeetings_WithLinksToEachInvitation()
    {
        var panel = await ActivityIdAsync(PanelTitle);
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);

        var response = await jo.GetAsync(new Uri("/my-involvement/bookings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var headings = page.QuerySelectorAll(".app-easy-read__heading").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Please say yes or no to these meetings", headings);
        Assert.Contains(PanelTitle, Text(page), StringComparison.Ordinal);
        // Past and other people's activities are not Jo's meetings.
        Assert.DoesNotContain(WorkshopTitle, Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("listening session", Text(page), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".app-easy-read__section a"),
            a => a.GetAttribute("href")!.EndsWith($"/my-involvement/activities/{panel}/invitation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BookingsPdf_ForJo_IsATaggedEasyReadPdfOfThePage()
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        var page = await jo.GetPageAsync("/my-involvement/bookings");

        var response = await jo.GetAsync(new Uri("/my-involvement/bookings.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, "bookings");
    }

    [Fact]
    public async Task Bookings_WithNothingBooked_PointToTheProgramme()
    {
        // Tom has not signed up for anything.
        var tom = await SignedInAsAsync("tom.evans@example.org");

        var page = await tom.GetPageAsync("/my-involvement/bookings");

        Assert.Contains("You have no meetings booked at the moment.", Text(page), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".app-easy-read__section a"), a => a.GetAttribute("href")!.EndsWith("/programme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bookings_ShowAtMost20_AndSaySoWhenThereAreMore()
    {
        var grace = await ProfileIdAsync("grace.adeyemi@example.org");
        for (var i = 0; i < 21; i++)
        {
            await ActivityAsync($"Grace's meeting {i:D2}", ActivityMode.InPerson, null, grace);
        }
        var client = await SignedInAsAsync("grace.adeyemi@example.org");

        var page = await client.GetPageAsync("/my-involvement/bookings");

        var links = page.QuerySelectorAll(".app-easy-read__section a").Count(a => a.GetAttribute("href")!.Contains("/invitation", StringComparison.Ordinal));
        Assert.Equal(20, links);
        Assert.Contains("You have more meetings than we can show here.", Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingsAndInvitation_SameCommands_WithTenTimesTheData()
    {
        var jo = await ProfileIdAsync("expert@example.org");
        var others = await WithDbAsync(db => db.ExpertProfiles.Where(p => p.Id != jo).Select(p => p.Id).ToListAsync());
        var id = await ActivityAsync("Counted meeting", ActivityMode.Hybrid, "A link by email.", jo);
        await ActivityAsync("Another counted meeting", ActivityMode.InPerson, null, jo);
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);
        var urls = new[] { "/my-involvement/bookings", $"/my-involvement/activities/{id}/invitation" };
        foreach (var url in urls)
        {
            await client.CountCommandsAsync(url);
        }
        var before = new List<int>();
        foreach (var url in urls)
        {
            before.Add(await client.CountCommandsAsync(url));
        }

        for (var i = 0; i < 18; i++)
        {
            await ActivityAsync($"More counted meetings {i:D2}", ActivityMode.Online, null, [jo, .. others]);
        }
        await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == id);
            foreach (var other in others)
            {
                activity.RequestPlace(other, true, string.Empty, DateTime.UtcNow);
            }
            return await db.SaveChangesAsync();
        });

        for (var i = 0; i < urls.Length; i++)
        {
            var after = await client.CountCommandsAsync(urls[i]);
            output.WriteLine($"{urls[i]}: {before[i]} commands, then {after}");
            Assert.Equal(before[i], after);
        }
    }

    // ----- The organiser's easy-read summary -----

    [Fact]
    public async Task EasyReadSummary_WithJargon_IsSaved_AndTheCheckersWarningsShowBesideItAndOnTheActivity()
    {
        var workshop = await ActivityIdAsync(WorkshopTitle);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{workshop}/edit";
        const string summary = "Help us with the commissioning of the new carers service. There is lunch.";
        var demo = await WithDbAsync(db => db.Activities.Where(a => a.Id == workshop).Select(a => a.EasyReadSummary).SingleAsync());
        var fields = await organiser.FormAsBrowserWouldSendAsync(url, url, [new("EasyReadSummary", summary)]);

        var saved = await organiser.SubmitFormAsync(url, url, fields.Where(f => f.Key != "ProjectId"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(summary, await WithDbAsync(db => db.Activities.Where(a => a.Id == workshop).Select(a => a.EasyReadSummary).SingleAsync()));
        var show = await organiser.GetPageAsync($"/manage/activities/{workshop}");
        var warnings = show.QuerySelector(".app-plain-english-warnings")?.TextContent ?? string.Empty;
        Assert.Contains("Check this wording", warnings, StringComparison.Ordinal);
        Assert.Contains("how the council plans and buys services", warnings, StringComparison.Ordinal);
        Assert.Contains("There is lunch.", show.QuerySelector(".app-easy-read-summary")!.TextContent, StringComparison.Ordinal);
        var edit = await organiser.GetPageAsync(url);
        Assert.Contains("commissioning", edit.QuerySelector(".app-plain-english-warnings")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(summary, edit.QuerySelector("textarea#EasyReadSummary")!.TextContent.Trim());

        // Put back what the demo says, for the other tests.
        var back = await organiser.FormAsBrowserWouldSendAsync(url, url, [new("EasyReadSummary", demo!)]);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitFormAsync(url, url, back.Where(f => f.Key != "ProjectId"))).StatusCode);
    }

    [Fact]
    public async Task EasyReadSummary_TooLong_GetsAnErrorByTheField_AndTheWarningsForWhatWasPosted()
    {
        var workshop = await ActivityIdAsync(WorkshopTitle);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{workshop}/edit";
        var tooLong = "Our stakeholders will meet. " + new string('a', 2000);
        var before = await WithDbAsync(db => db.Activities.Where(a => a.Id == workshop).Select(a => a.EasyReadSummary).SingleAsync());
        var fields = await organiser.FormAsBrowserWouldSendAsync(url, url, [new("EasyReadSummary", tooLong)]);

        var response = await organiser.SubmitFormAsync(url, url, fields.Where(f => f.Key != "ProjectId"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("#EasyReadSummary Easy-read summary must be 2,000 characters or fewer", page.ErrorSummaryLinks());
        Assert.Contains("Easy-read summary must be 2,000 characters or fewer", page.QuerySelector("#EasyReadSummary-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("stakeholders", page.QuerySelector(".app-plain-english-warnings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(db => db.Activities.Where(a => a.Id == workshop).Select(a => a.EasyReadSummary).SingleAsync()));
    }

    [Fact]
    public async Task DemoActivities_AllHaveEasyReadSummaries_ThatPassTheChecker()
    {
        var summaries = await WithDbAsync(db => db.Activities.Where(a => a.CreatedByUserId != "system")
            .Select(a => new { a.Title, a.EasyReadSummary }).ToListAsync());

        Assert.True(summaries.Count >= 6);
        Assert.All(summaries, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.EasyReadSummary), $"{a.Title} has no easy-read summary.");
            Assert.Empty(PlainEnglishChecker.Check(a.EasyReadSummary));
            Assert.InRange(PlainEnglishChecker.Sentences(a.EasyReadSummary!).Count(), 2, 4);
        });
    }
}
