using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoProduce.IntegrationTests;

/// <summary>Commissioners running activities, filling places and using the roster, against the real app and database.</summary>
public sealed class OrganisingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    internal static List<KeyValuePair<string, string>> ActivityFields(string projectId, string title, string places = "3", string requirement = "", int daysAhead = 20)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        var closes = date.AddDays(-3);
        return
        [
            new("ProjectId", projectId), new("RequirementCode", requirement), new("Title", title), new("Type", "Workshop"),
            new("Description", "A workshop to plan the service together."),
            new("Date.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Date.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Date.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("StartTime", "10am"), new("EndTime", "12:30pm"), new("Mode", "InPerson"), new("Venue", "Brackenfield Library"),
            new("AccessInformation", "Step-free"), new("JoiningInstructions", ""), new("Places", places), new("LivedExperienceSought", "Carer"),
            new("Rung", "CoProduction"), new("PayBy", "none"),
            new("SignUpClosesOn.Day", closes.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("SignUpClosesOn.Month", closes.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("SignUpClosesOn.Year", closes.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private async Task<int> ProjectIdAsync(string title) =>
        await WithDbAsync(db => db.CommissioningProjects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

    /// <summary>People on the roster made directly in the database, each with consent.</summary>
    private async Task<List<int>> NewPeopleAsync(int count, LivedExperienceArea area = LivedExperienceArea.Carer) =>
        await WithDbAsync(async db =>
        {
            var ids = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var user = new CoProduceUser { UserName = $"person-{Guid.NewGuid():N}@example.org", Email = $"person-{Guid.NewGuid():N}@example.org", DisplayName = "Person" };
                db.Users.Add(user);
                var profile = new ExpertProfile(user.Id, $"Person {i}", user.Email, Now);
                profile.GiveConsent("2026-11", Now);
                profile.SetLivedExperience([area], null, Now);
                db.ExpertProfiles.Add(profile);
                await db.SaveChangesAsync();
                ids.Add(profile.Id);
            }
            return ids;
        });

    private async Task<int> OpenActivityAsync(HttpClient client, string title, string places, string requirement = "", int daysAhead = 20)
    {
        var projectId = (await ProjectIdAsync("Carers' support service")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await client.SubmitFormAsync("/manage/activities/new", "/manage/activities/new", ActivityFields(projectId, title, places, requirement, daysAhead));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var opened = await client.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/status", [new("to", "Open")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    [Fact]
    public async Task LastPlace_ManyParallelSignUpsAndConfirmations_NeverOverFilled()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Race for the last places", places: "3");
        var people = await NewPeopleAsync(12);
        var userIds = await WithDbAsync(db => db.ExpertProfiles.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.UserId!));

        // Twelve people sign up and are confirmed at once, each through their own scope and connection.
        var outcomes = await Task.WhenAll(people.Select(async profileId =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ActivityService>();
            await service.RequestPlaceAsync(activityId, userIds[profileId], "", default);
            var signUpId = await WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == activityId && s.ExpertProfileId == profileId).Select(s => s.Id).SingleAsync());
            try
            {
                await service.ConfirmAsync(activityId, signUpId, "organiser", default);
                return true;
            }
            catch (ActivityRuleException)
            {
                return false;
            }
        }));

        Assert.Equal(3, outcomes.Count(confirmed => confirmed));
        var saved = await WithDbAsync(db => db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId));
        Assert.Equal(3, saved.ConfirmedCount);
        Assert.Equal(3, saved.SignUps.Count(s => s.Status == SignUpStatus.Confirmed));
        Assert.Equal(12, saved.SignUps.Count);
    }

    [Fact]
    public async Task Confirm_EmailsACalendarInviteAndShowsTheAccessNeeds()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Invite test", places: "2");
        var jo = await WithDbAsync(db => db.ExpertProfiles.SingleAsync(p => p.ContactEmail == "expert@example.org"));
        var signUpId = await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var signUp = activity.RequestPlace(jo.Id, true, "Large print agenda please", Now);
            await db.SaveChangesAsync();
            return signUp.Id;
        });

        var page = await client.GetPageAsync($"/manage/activities/{activityId}");
        var card = page.QuerySelector($"#sign-up-{signUpId}")!.TextContent;
        Assert.Contains("Easy read", card, StringComparison.Ordinal);
        Assert.Contains("Quiet space", card, StringComparison.Ordinal);
        Assert.Contains("Large print agenda please", card, StringComparison.Ordinal);

        var confirmed = await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/sign-ups/{signUpId}/confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        await portal.SendQueuedEmailsAsync();
        var email = Directory.GetFiles(portal.MailFolder, "*.eml").Select(path => MimeMessage.Load(path))
            .Single(m => m.Subject == "Your place is confirmed: Invite test");
        Assert.Equal("expert@example.org", email.To.Mailboxes.Single().Address);
        var invite = email.Attachments.OfType<MimePart>().Single(a => a.FileName == "invite.ics");
        using var content = new MemoryStream();
        await invite.Content!.DecodeToAsync(content);
        var ics = System.Text.Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Invite test", ics, StringComparison.Ordinal);
        Assert.Contains("Europe/London", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_SendsTheKindMessage_AndAttendanceThenEvidence()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Evidence from activity", places: "2", requirement: "R4");
        var people = await NewPeopleAsync(2);
        var signUps = await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var list = people.Select(p => activity.RequestPlace(p, true, "", Now)).ToList();
            await db.SaveChangesAsync();
            return list.Select(s => s.Id).ToList();
        });

        var emptyDecline = await client.SubmitFormAsync($"/manage/activities/{activityId}/sign-ups/{signUps[1]}/decline", $"/manage/activities/{activityId}/sign-ups/{signUps[1]}/decline", [new("Message", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, emptyDecline.StatusCode);
        await client.SubmitFormAsync($"/manage/activities/{activityId}/sign-ups/{signUps[1]}/decline", $"/manage/activities/{activityId}/sign-ups/{signUps[1]}/decline",
            [new("Message", "Thank you. This one is for carers; we will tell you about the next.")]);
        await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/sign-ups/{signUps[0]}/confirm", []);
        await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/status", [new("to", "Closed")]);
        await portal.ArriveAtTheDayAsync(activityId);
        await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/status", [new("to", "Completed")]);

        var badHours = await client.SubmitFormAsync($"/manage/activities/{activityId}/sign-ups/{signUps[0]}/attendance", $"/manage/activities/{activityId}/sign-ups/{signUps[0]}/attendance",
            [new("Attendance", "Attended"), new("Hours", "lots")]);
        Assert.Equal(["#Hours Enter hours as a number above 0 and up to 24, like 2.5"], (await badHours.ReadPageAsync()).ErrorSummaryLinks());
        await client.SubmitFormAsync($"/manage/activities/{activityId}/sign-ups/{signUps[0]}/attendance", $"/manage/activities/{activityId}/sign-ups/{signUps[0]}/attendance",
            [new("Attendance", "Attended"), new("Hours", "2.5"), new("Debrief", "Wants to come again")]);

        var recorded = await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/record-evidence", []);
        // The button is gone now; posting again anyway (a second tab) is refused.
        Assert.Null((await client.GetPageAsync($"/manage/activities/{activityId}")).QuerySelector("form[action$='/record-evidence']"));
        var twice = await client.PostWithoutButtonAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/record-evidence");

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var carers = await WithDbAsync(db => db.CommissioningProjects.Include(p => p.Requirements).ThenInclude(r => r.Evidence).SingleAsync(p => p.Title == "Carers' support service"));
        var evidence = carers.Requirement("R4")!.Evidence.Single(e => e.WhatWasDone.Contains("Evidence from activity", StringComparison.Ordinal));
        Assert.Equal(1, evidence.LivedExperienceCount);
        Assert.Equal(RequirementStatus.Evidenced, carers.Requirement("R4")!.Status);
        var saved = await WithDbAsync(db => db.SignUps.SingleAsync(s => s.Id == signUps[0]));
        Assert.Equal((Attendance.Attended, 150, "Wants to come again"), (saved.Attendance, saved.ActivityMinutes, saved.DebriefNotes));
        // Who recorded it: the commissioner signed in.
        Assert.Equal(DemoUsers.EmailFor(Roles.Commissioner), await WithDbAsync(db => db.Users.Where(u => u.Id == saved.AttendanceRecordedByUserId).Select(u => u.Email).SingleAsync()));
        Assert.NotNull(saved.AttendanceRecordedUtc);
        await portal.SendQueuedEmailsAsync();
        Assert.Contains(Directory.GetFiles(portal.MailFolder, "*.eml").Select(path => MimeMessage.Load(path)),
            m => m.Subject == "About your sign-up: Evidence from activity" && m.TextBody!.Contains("This one is for carers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attendance_HoursOnlyMatterForSomeoneWhoAttended()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Attendance hours", places: "2", daysAhead: 61);
        var people = await NewPeopleAsync(2);
        var signUps = await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var list = people.Select(p => activity.RequestPlace(p, true, "", Now)).ToList();
            await db.SaveChangesAsync();
            list.ForEach(s => activity.Confirm(s.Id, true, null, Now));
            await db.SaveChangesAsync();
            return list.Select(s => s.Id).ToList();
        });
        await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/status", [new("to", "Closed")]);
        await portal.ArriveAtTheDayAsync(activityId);
        await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/status", [new("to", "Completed")]);
        string Url(int signUpId) => $"/manage/activities/{activityId}/sign-ups/{signUpId}/attendance";

        // Hours left in the box (or mistyped) for someone who did not come are not theirs to keep.
        var didNotAttend = await client.SubmitFormAsync(Url(signUps[0]), Url(signUps[0]), [new("Attendance", "DidNotAttend"), new("Hours", "25")]);
        // Someone who came needs their hours.
        var attendedWithoutHours = await client.SubmitFormAsync(Url(signUps[1]), Url(signUps[1]), [new("Attendance", "Attended"), new("Hours", "")]);

        Assert.Equal(HttpStatusCode.Redirect, didNotAttend.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, attendedWithoutHours.StatusCode);
        Assert.Equal(["#Hours Enter how many hours they took part in the activity, like 2.5"], (await attendedWithoutHours.ReadPageAsync()).ErrorSummaryLinks());
        var saved = await WithDbAsync(db => db.SignUps.Where(s => signUps.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal((Attendance.DidNotAttend, (int?)null), (saved[0].Attendance, saved[0].ActivityMinutes));
        Assert.Equal((Attendance.NotRecorded, (int?)null), (saved[1].Attendance, saved[1].ActivityMinutes));
    }

    [Fact]
    public async Task RecordEvidence_ManyParallelPosts_RecordOnceAndNobodySeesAServerError()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Evidence raced", places: "1", requirement: "R4", daysAhead: 67);
        var person = (await NewPeopleAsync(1)).Single();
        await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var signUp = activity.RequestPlace(person, true, "", Now);
            await db.SaveChangesAsync();
            activity.Confirm(signUp.Id, true, null, Now);
            activity.MoveTo(ActivityStatus.Closed, Now);
            // The activity's day comes: it is completed and attendance recorded then.
            var onTheDay = UkTime.ToUtc(activity.Date, activity.EndTime);
            activity.MoveTo(ActivityStatus.Completed, onTheDay);
            activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(120), new(null, null, null), "organiser", onTheDay);
            return await db.SaveChangesAsync();
        });
        var token = (await client.GetPageAsync($"/manage/activities/{activityId}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // A double click in several tabs at once: the same post, many times together.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            return await client.PostAsync(new Uri($"/manage/activities/{activityId}/record-evidence", UriKind.Relative), form);
        }));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            var page = await refused.ReadPageAsync();
            Assert.Matches("already been recorded as evidence|Someone else changed this at the same time",
                page.QuerySelector(".govuk-error-summary, h1")!.TextContent);
        }
        var carers = await WithDbAsync(db => db.CommissioningProjects.Include(p => p.Requirements).ThenInclude(r => r.Evidence).SingleAsync(p => p.Title == "Carers' support service"));
        Assert.Single(carers.Requirement("R4")!.Evidence, e => e.WhatWasDone.Contains("Evidence raced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_BadAnswers_ExplainedInPageOrder()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var fields = ActivityFields("", "", "0");
        fields.RemoveAll(f => f.Key == "EndTime");
        fields.Add(new("EndTime", "9am"));

        var response = await client.SubmitFormAsync("/manage/activities/new", "/manage/activities/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
        [
            "#ProjectId Select the commissioning project",
            "#Title Enter a title people will understand",
            "#EndTime The end time must be after the start time",
            "#Places Enter the number of places, from 1 to 500",
        ], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Theory]
    [InlineData("１２")]
    [InlineData("١٠:٣٠")]
    public async Task Create_TimeInOtherDigits_AsksForATimeByTheField(string time)
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var fields = ActivityFields((await ProjectIdAsync("Carers' support service")).ToString(System.Globalization.CultureInfo.InvariantCulture), "Other digits");
        fields.RemoveAll(f => f.Key == "StartTime");
        fields.Add(new("StartTime", time));

        var response = await client.SubmitFormAsync("/manage/activities/new", "/manage/activities/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#StartTime Enter the start time, like 10am or 14:30"], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task Roster_FiltersAndLeavesOutPeopleWithoutConsent()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var mentalHealth = await client.GetPageAsync("/roster?area=MentalHealth");
        var autism = await client.GetPageAsync("/roster?area=Autism");
        var bsl = await client.GetPageAsync("/roster?need=AnotherLanguage");
        var anyone = await WithDbAsync(db => db.ExpertProfiles.Select(p => p.PreferredName).ToListAsync());

        static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Jo"], Names(mentalHealth));
        Assert.Contains("Tom", anyone);
        for (var page = 1; page <= 5; page++)
        {
            Assert.DoesNotContain("Tom", Names(await client.GetPageAsync($"/roster?page={page}"))); // no consent
        }
        Assert.Equal(["Maya"], Names(autism));
        Assert.Equal(["Grace"], Names(bsl));
        Assert.Contains("Arabic", bsl.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roster_WithdrawingConsent_RemovesThePersonAtOnce()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var person = (await NewPeopleAsync(1, LivedExperienceArea.Homelessness)).Single();
        Assert.Contains("Person 0", (await client.GetPageAsync("/roster?area=Homelessness")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == person);
            profile.WithdrawConsent(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var after = await client.GetPageAsync("/roster?area=Homelessness");
        Assert.DoesNotContain("Person 0", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_TwoDaysBefore_SentOnce()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Reminder test", places: "1", daysAhead: 47); // a day no other test uses
        var person = (await NewPeopleAsync(1)).Single();
        await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var signUp = activity.RequestPlace(person, true, "", Now);
            await db.SaveChangesAsync();
            activity.Confirm(signUp.Id, true, null, Now);
            return await db.SaveChangesAsync();
        });
        var activityDate = await WithDbAsync(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.Date).SingleAsync());
        var twoDaysBefore = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(activityDate.AddDays(-2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var sender = new ReminderSender(db, scope.ServiceProvider.GetRequiredService<ActivityNotifier>(), twoDaysBefore);
        var first = await sender.SendDueRemindersAsync(default);
        var second = await sender.SendDueRemindersAsync(default);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        await portal.SendQueuedEmailsAsync();
        Assert.Contains(Directory.GetFiles(portal.MailFolder, "*.eml").Select(path => MimeMessage.Load(path)), m => m.Subject == "Reminder: Reminder test is in 2 days");
    }

    [Fact]
    public async Task WithdrawAndConfirm_AtTheSameMoment_CountStaysTrue()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Withdraw against confirm", places: "2", daysAhead: 53);
        var people = await NewPeopleAsync(6);
        var signUpIds = await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var list = people.Select(p => activity.RequestPlace(p, true, "", Now)).ToList();
            await db.SaveChangesAsync();
            return list.Select(s => (s.Id, s.ExpertProfileId)).ToList();
        });
        var userIds = await WithDbAsync(db => db.ExpertProfiles.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.UserId!));

        // Each person is confirmed by the organiser while they withdraw, all at once, each in its own scope.
        await Task.WhenAll(signUpIds.SelectMany(s => new Func<ActivityService, Task>[]
            {
                service => service.ConfirmAsync(activityId, s.Id, "organiser", default),
                service => service.WithdrawAsync(activityId, userIds[s.ExpertProfileId], default),
            })
            .Select(async change =>
            {
                await using var scope = portal.Services.CreateAsyncScope();
                try
                {
                    await change(scope.ServiceProvider.GetRequiredService<ActivityService>());
                }
                catch (ActivityRuleException)
                {
                    // Full, or already withdrawn: the rules said no.
                }
            }));

        var saved = await WithDbAsync(db => db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId));
        Assert.Equal(saved.SignUps.Count(s => s.Status == SignUpStatus.Confirmed), saved.ConfirmedCount);
        Assert.InRange(saved.ConfirmedCount, 0, 2);
    }

    [Fact]
    public async Task Confirm_PersonWhoWithdrewConsent_IsRefused()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var activityId = await OpenActivityAsync(client, "Consent withdrawn", places: "2", daysAhead: 59);
        var person = (await NewPeopleAsync(1)).Single();
        var signUpId = await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var signUp = activity.RequestPlace(person, true, "A quiet room", Now);
            await db.SaveChangesAsync();
            var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == person);
            profile.WithdrawConsent(Now);
            await db.SaveChangesAsync();
            return signUp.Id;
        });

        var page = await client.GetPageAsync($"/manage/activities/{activityId}");
        Assert.Contains("No consent", page.QuerySelector($"#sign-up-{signUpId}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"form[action$='/sign-ups/{signUpId}/confirm']"));
        var response = await client.PostWithoutButtonAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/sign-ups/{signUpId}/confirm");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has not given consent", (await response.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Requested, await WithDbAsync(db => db.SignUps.Where(s => s.Id == signUpId).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task WithdrawingConsent_ClearsWhatTheyWroteAboutTheirNeeds()
    {
        using var expert = portal.CreatePortalClient();
        var email = $"kai.{Guid.NewGuid():N}@example.org";
        await expert.RegisterAsync(portal, "Kai", email, "a long enough password");
        await expert.SubmitFormAsync("/profile/consent", "/profile/consent", [new("Agree", "true")]);
        var workshop = await WithDbAsync(db => db.Activities.Where(a => a.Title == "What makes a good break for carers?").Select(a => a.Id).SingleAsync());
        var signedUp = await expert.SubmitFormAsync($"/activities/{workshop}", $"/activities/{workshop}/sign-up", [new("WhatWouldHelp", "I use a wheelchair")]);
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);

        var withdrawn = await expert.SubmitFormAsync("/profile/consent/withdraw", "/profile/consent/withdraw", []);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var words = await WithDbAsync(db => db.SignUps.Join(db.ExpertProfiles, s => s.ExpertProfileId, p => p.Id, (s, p) => new { s.WhatWouldHelp, p.ContactEmail })
            .Where(x => x.ContactEmail == email).Select(x => x.WhatWouldHelp).SingleAsync());
        Assert.Equal(string.Empty, words);
    }
}
