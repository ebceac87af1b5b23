using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Every change an organiser makes to an activity and its places is audited, naming its subject,
/// with nothing anyone wrote about the person; inviting from the roster; and each request showing
/// how often the person took part in the last 12 months.
/// </summary>
public sealed class ActivityAuditTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string HealthDetail = "Needs a quiet room because of anxiety";

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private Task<List<AuditEntry>> EntriesAsync(AuditSubjectType type, int id) =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == type && e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());

    private async Task<int> OpenActivityAsync(HttpClient client, string title, int daysAhead)
    {
        var projectId = await WithDbAsync(db => db.CommissioningProjects.Where(p => p.Title == "Carers' support service").Select(p => p.Id).SingleAsync());
        var created = await client.SubmitFormAsync("/manage/activities/new", "/manage/activities/new",
            OrganisingTests.ActivityFields(projectId.ToString(System.Globalization.CultureInfo.InvariantCulture), title, "2", "R4", daysAhead));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/status", [new("to", "Open")])).StatusCode);
        return id;
    }

    /// <summary>A person on the roster with consent and an account, who can sign in.</summary>
    private async Task<(int ProfileId, string UserId, string Name)> PersonAsync(string name, string? email)
    {
        return await WithDbAsync(async db =>
        {
            var address = $"p-{Guid.NewGuid():N}@example.org";
            var user = new CoProduceUser { UserName = address, Email = address, DisplayName = name };
            db.Users.Add(user);
            var now = DateTime.UtcNow;
            var profile = new ExpertProfile(user.Id, name, email ?? address, now);
            if (email is null)
            {
                profile.SetContact(name, null, "07700 900456", ContactMethod.TextMessage, now);
            }
            profile.GiveConsent("2026-11", now);
            profile.SetLivedExperience([LivedExperienceArea.Carer], null, now);
            db.ExpertProfiles.Add(profile);
            await db.SaveChangesAsync();
            return (profile.Id, user.Id, name);
        });
    }

    [Fact]
    public async Task EveryChangeToAnActivityAndItsPlaces_IsAuditedWithItsSubject_AndNoPersonalWords()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var organiserId = await WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync());
        var id = await OpenActivityAsync(client, $"Audited {Guid.NewGuid():N}", 30);
        var asker = await PersonAsync("Ash Audit", "ash@example.org");
        var waiter = await PersonAsync("Wes Audit", "wes@example.org");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<Web.Features.Activities.ActivityService>();
            await service.RequestPlaceAsync(id, asker.UserId, HealthDetail, default);
            await service.RequestPlaceAsync(id, waiter.UserId, HealthDetail, default);
        }
        var signUps = await WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == id).ToDictionaryAsync(s => s.ExpertProfileId, s => s.Id));
        var askerSignUp = signUps[asker.ProfileId];
        var waiterSignUp = signUps[waiter.ProfileId];

        await client.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/sign-ups/{askerSignUp}/confirm", []);
        await client.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/sign-ups/{waiterSignUp}/wait-list", []);
        var declineUrl = $"/manage/activities/{id}/sign-ups/{waiterSignUp}/decline";
        await client.SubmitFormAsync(declineUrl, declineUrl, [new("Message", "Sorry: " + HealthDetail)]);
        await portal.ArriveAtTheDayAsync(id);
        await client.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/status", [new("to", "Completed")]);
        var attendanceUrl = $"/manage/activities/{id}/sign-ups/{askerSignUp}/attendance";
        var recorded = await client.SubmitFormAsync(attendanceUrl, attendanceUrl,
            [new("Attendance", "Attended"), new("Hours", "2"), new("PreparationHours", "0.5"), new("TravelHours", "1"), new("Debrief", HealthDetail)]);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        // Opened again to correct it, the form holds what was recorded, so saving it loses nothing.
        var again = await client.GetPageAsync(attendanceUrl);
        Assert.Equal(("2", "0.5", "1", HealthDetail), (again.QuerySelector("#Hours")!.GetAttribute("value"), again.QuerySelector("#PreparationHours")!.GetAttribute("value"),
            again.QuerySelector("#TravelHours")!.GetAttribute("value"), again.QuerySelector("#Debrief")!.TextContent.Trim()));
        var evidence = await client.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/record-evidence", []);
        Assert.Equal(HttpStatusCode.Redirect, evidence.StatusCode);

        var activityEntries = await EntriesAsync(AuditSubjectType.Activity, id);
        Assert.Equal(
            [AuditActions.ActivityCreated, AuditActions.ActivityStatusChanged, AuditActions.ActivityStatusChanged, AuditActions.ActivityRecordedAsEvidence],
            activityEntries.Select(e => e.Action));
        Assert.All(activityEntries, e => Assert.Equal((organiserId, (int?)e.ProjectId), (e.ByUserId, e.ProjectId)));
        Assert.Equal(("Open", "Completed"), (activityEntries[2].Before, activityEntries[2].After));

        var askerEntries = await EntriesAsync(AuditSubjectType.SignUp, askerSignUp);
        Assert.Equal([AuditActions.PlaceRequested, AuditActions.PlaceConfirmed, AuditActions.AttendanceRecorded], askerEntries.Select(e => e.Action));
        Assert.Equal(asker.UserId, askerEntries[0].ByUserId);
        Assert.Equal(("Requested", "Confirmed"), (askerEntries[1].Before, askerEntries[1].After));
        Assert.Equal("Attended; activity 120 min, preparation 30 min, travel 60 min", askerEntries[2].After);
        var waiterEntries = await EntriesAsync(AuditSubjectType.SignUp, waiterSignUp);
        Assert.Equal([AuditActions.PlaceRequested, AuditActions.PlaceWaitListed, AuditActions.PlaceDeclined], waiterEntries.Select(e => e.Action));

        // Nothing the person or the organiser wrote, nor the person's name, is in the log.
        foreach (var entry in activityEntries.Concat(askerEntries).Concat(waiterEntries))
        {
            foreach (var text in new[] { entry.Summary, entry.Before, entry.After })
            {
                Assert.DoesNotContain("anxiety", text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Audit", (text ?? string.Empty).Replace("Audited", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }

        // The attendance keeps who recorded it, and the three kinds of time apart.
        var saved = await WithDbAsync(db => db.SignUps.AsNoTracking().SingleAsync(s => s.Id == askerSignUp));
        Assert.Equal((120, 30, 60, organiserId), (saved.ActivityMinutes, saved.PreparationMinutes, saved.TravelMinutes, saved.AttendanceRecordedByUserId));
        // The project page links the evidence to the activity it came from.
        var projectPage = await client.GetPageAsync(evidence.Location()!.Split('#')[0]);
        Assert.NotNull(projectPage.QuerySelector($"a[href='/manage/activities/{id}']"));
    }

    [Fact]
    public async Task Edit_FromAFormOpenedBeforeSomeoneElseSaved_IsRefusedWithTheirChangesKept_ThenSavesKnowingly()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await OpenActivityAsync(client, $"Edited twice {Guid.NewGuid():N}", 45);
        var url = $"/manage/activities/{id}/edit";
        var opened = (await client.GetPageAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        // Someone else saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, url, OrganisingTests.ActivityFields("0", "Their title", "2", "R4", 45))).StatusCode);

        var stale = await client.SubmitFormAsync(url, url, [.. OrganisingTests.ActivityFields("0", "My title", "2", "R4", 45), new("Version", opened)]);

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var page = await stale.ReadPageAsync();
        Assert.Contains("Someone else changed this activity", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(opened, page.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        Assert.Equal("Their title", await WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
        // Saving again, having seen the warning, keeps this organiser's changes.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, url, OrganisingTests.ActivityFields("0", "My title", "2", "R4", 45))).StatusCode);
        Assert.Equal("My title", await WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task OfferAcceptChangeAndCancel_AreEachAudited()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await OpenActivityAsync(client, $"Offers {Guid.NewGuid():N}", 35);
        var person = await PersonAsync("Otto Offer", "otto@example.org");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<Web.Features.Activities.ActivityService>();
            await service.RequestPlaceAsync(id, person.UserId, string.Empty, default);
            var signUpId = await WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == id).Select(s => s.Id).SingleAsync());
            await service.WaitListAsync(id, signUpId, "organiser", default);
            await service.OfferAsync(id, signUpId, "organiser", default);
            await service.AcceptOfferAsync(id, person.UserId, default);
        }
        var fields = OrganisingTests.ActivityFields("0", "Offers, moved", "2", "R4", 36);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/manage/activities/{id}/edit", $"/manage/activities/{id}/edit", fields)).StatusCode);
        await client.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/status", [new("to", "Cancelled")]);

        var signUp = await WithDbAsync(db => db.SignUps.AsNoTracking().SingleAsync(s => s.ActivityId == id));
        Assert.Equal(
            [AuditActions.PlaceRequested, AuditActions.PlaceWaitListed, AuditActions.PlaceOffered, AuditActions.OfferAccepted],
            (await EntriesAsync(AuditSubjectType.SignUp, signUp.Id)).Select(e => e.Action));
        var activityEntries = await EntriesAsync(AuditSubjectType.Activity, id);
        Assert.Equal(
            [AuditActions.ActivityCreated, AuditActions.ActivityStatusChanged, AuditActions.ActivityChanged, AuditActions.ActivityStatusChanged],
            activityEntries.Select(e => e.Action));
        Assert.Contains("Offers, moved", activityEntries[2].After, StringComparison.Ordinal);
        Assert.Equal("Cancelled", activityEntries[3].After);
    }

    [Fact]
    public async Task InviteFromTheRoster_EmailsOrListsToRingOrText_ShowsOnTheRoster_AndIsAudited()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await OpenActivityAsync(client, $"Invitations {Guid.NewGuid():N}", 25);
        var ivyEmail = $"ivy.{Guid.NewGuid():N}@example.org";
        var emailed = await PersonAsync("Ivy Invite", ivyEmail);
        var phoned = await PersonAsync("Pat Phone", null);

        var roster = await client.GetPageAsync($"/roster?inviteTo={id}");
        Assert.Contains("You are inviting people to", roster.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        foreach (var person in new[] { emailed, phoned })
        {
            var response = await client.SubmitFormAsync($"/roster?inviteTo={id}", $"/manage/activities/{id}/invite",
                [new("expertProfileId", person.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("returnTo", $"/roster?inviteTo={id}")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"/roster?inviteTo={id}", response.Location(), StringComparison.Ordinal);
        }
        // Inviting the same person again is refused, with the reason on the activity's page.
        var again = await client.SubmitFormAsync($"/roster?inviteTo={id}", $"/manage/activities/{id}/invite",
            [new("expertProfileId", emailed.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already been invited", (await again.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var signUps = await WithDbAsync(db => db.SignUps.AsNoTracking().Where(s => s.ActivityId == id).ToListAsync());
        Assert.All(signUps, s => Assert.Equal(SignUpStatus.Invited, s.Status));
        foreach (var signUp in signUps)
        {
            var entry = Assert.Single(await EntriesAsync(AuditSubjectType.SignUp, signUp.Id));
            Assert.Equal(AuditActions.PersonInvited, entry.Action);
        }
        await portal.SendQueuedEmailsAsync();
        // The invitation links to the page where they answer it.
        var invitation = Assert.Single(Mailbox.To(portal.MailFolder, ivyEmail));
        Assert.StartsWith("You are invited: Invitations", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains($"{portal.PublicBaseUrl}/my-involvement", invitation.TextBody, StringComparison.Ordinal);
        var page = await client.GetPageAsync($"/manage/activities/{id}");
        Assert.Contains("Pat Phone", page.QuerySelector("#ring-or-text")!.ParentElement!.TextContent, StringComparison.Ordinal);
        // Back on the roster, both now show where they stand instead of an Invite button.
        var after = await client.GetPageAsync($"/roster?inviteTo={id}");
        foreach (var person in new[] { emailed, phoned })
        {
            Assert.Null(after.QuerySelector($"#person-{person.ProfileId} form[action$='/invite']"));
            Assert.Contains("Invited", after.QuerySelector($"#person-{person.ProfileId}")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Requests_ShowTimesTakenPartInTheLastYear_AndSortLeastRecentFirst()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await OpenActivityAsync(client, $"Fair shares {Guid.NewGuid():N}", 40);
        var often = await PersonAsync("Olive Often", "olive@example.org");
        var never = await PersonAsync("Nell Never", "nell@example.org");
        // Olive took part twice in the last year and once, long ago, before that.
        await WithDbAsync(async db =>
        {
            var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
            foreach (var daysAgo in new[] { 30, 200, 500 })
            {
                var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo);
                var before = DateTime.UtcNow.AddDays(-daysAgo - 5);
                var past = new Activity(projectId, $"Past {daysAgo}", ActivityType.Workshop, "Past.",
                    new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-2)),
                    new ActivityPlace(ActivityMode.Online, null, null, "Link"), 2, [], LadderRung.CoDesign, true, "organiser", before);
                past.MoveTo(ActivityStatus.Open, before);
                past.RequestPlace(often.ProfileId, true, string.Empty, before);
                db.Activities.Add(past);
                await db.SaveChangesAsync();
                past.Confirm(past.SignUps.Single().Id, true, null, before);
                var onTheDay = Web.Domain.Common.UkTime.ToUtc(date, new TimeOnly(12, 0));
                past.RecordAttendance(past.SignUps.Single().Id, Attendance.Attended, new TimeGiven(120), new SessionNotes(null, null, null), "organiser", onTheDay);
                await db.SaveChangesAsync();
            }
            return 0;
        });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<Web.Features.Activities.ActivityService>();
            await service.RequestPlaceAsync(id, often.UserId, string.Empty, default);
            await service.RequestPlaceAsync(id, never.UserId, string.Empty, default);
        }

        var byRequest = await client.GetPageAsync($"/manage/activities/{id}");
        var leastFirst = await client.GetPageAsync($"/manage/activities/{id}?sort=least-involved");

        string Card(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
            page.QuerySelectorAll(".app-requirement").Single(c => c.QuerySelector("h3")!.TextContent.Contains(name, StringComparison.Ordinal)).TextContent;
        Assert.Contains("Took part in the last 12 months: 2 times", Card(byRequest, "Olive Often"), StringComparison.Ordinal);
        Assert.Contains("Took part in the last 12 months: 0 times (never recorded)", Card(byRequest, "Nell Never"), StringComparison.Ordinal);
        string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll(".app-requirement h3").Select(h => h.TextContent).Where(t => t.Contains("Often", StringComparison.Ordinal) || t.Contains("Never", StringComparison.Ordinal))
                .Select(t => t.Contains("Often", StringComparison.Ordinal) ? "Olive" : "Nell")];
        Assert.Equal(["Olive", "Nell"], Names(byRequest));
        Assert.Equal(["Nell", "Olive"], Names(leastFirst));
    }
}
