using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Calendar = Ical.Net.Calendar;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Email through the outbox, on the real app and a real SQLite file: stored in the same save as
/// the change it reports, never lost when the mail server is down, sent once however many
/// instances share the database, and calendar invites that follow the activity.
/// </summary>
public sealed class OutboxTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The mail server's side of <see cref="IEmailSender"/>: it records every delivery and can be
    /// down. One can serve several app instances at once, so it is safe across threads.
    /// </summary>
    private sealed class MailServer
    {
        private readonly ConcurrentQueue<EmailMessage> _delivered = new();
        private volatile bool _down;

        public MailServer()
        {
            Mock.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
                .Returns<EmailMessage, CancellationToken>(DeliverAsync);
        }

        public Mock<IEmailSender> Mock { get; } = new();

        public bool Down
        {
            get => _down;
            set => _down = value;
        }

        public IReadOnlyList<EmailMessage> Delivered => [.. _delivered];

        public void Use(IServiceCollection services) => services.AddSingleton(Mock.Object);

        private async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            // Sending takes a moment, as it does over SMTP: long enough for a second sender to try the same message.
            await Task.Delay(5, cancellationToken);
            if (_down)
            {
                throw new IOException("The mail server is not answering");
            }
            _delivered.Enqueue(message);
        }
    }

    private sealed record Person(int ProfileId, int SignUpId, string Name, string? Email);

    private static async Task<T> WithDbAsync<T>(WebApplicationFactory<Program> app, Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private static async Task<HttpClient> OrganiserAsync(CoProduceAppFactory app)
    {
        var client = app.CreatePortalClient();
        var signedIn = await client.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), DemoUsers.Password(app));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>An open activity and people signed up for it (with consent), made in the database.</summary>
    private static Task<(int ActivityId, List<Person> People)> ActivityWithPeopleAsync(CoProduceAppFactory app, string title, DateOnly date, int people,
        bool confirmed, bool withEmail = true, int places = 20) =>
        WithDbAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            var projectId = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var activity = new Activity(projectId, title, ActivityType.Workshop, "A workshop to plan the service together.",
                new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 30), date.AddDays(-1)),
                new ActivityPlace(ActivityMode.InPerson, "Brackenfield Library", "Step-free", null),
                places, [], LadderRung.CoProduction, isPaid: false, "organiser", now);
            activity.MoveTo(ActivityStatus.Open, now);
            db.Activities.Add(activity);
            var profiles = new List<ExpertProfile>();
            for (var i = 0; i < people; i++)
            {
                var email = $"person-{i}-{Guid.NewGuid():N}@example.org";
                var user = new CoProduceUser { UserName = email, Email = email, DisplayName = $"Person {i}" };
                db.Users.Add(user);
                var profile = new ExpertProfile(user.Id, $"Person {i}", email, now);
                if (!withEmail)
                {
                    profile.SetContact($"Person {i}", null, "07700 900123", ContactMethod.TextMessage, now);
                }
                profile.GiveConsent("2026-11", now);
                db.ExpertProfiles.Add(profile);
                profiles.Add(profile);
            }
            await db.SaveChangesAsync();
            var signUps = profiles.Select(p => activity.RequestPlace(p.Id, true, string.Empty, now)).ToList();
            await db.SaveChangesAsync();
            if (confirmed)
            {
                signUps.ForEach(s => activity.Confirm(s.Id, true, null, now));
                await db.SaveChangesAsync();
            }
            return (activity.Id, profiles.Zip(signUps, (p, s) => new Person(p.Id, s.Id, p.PreferredName, p.ContactEmail)).ToList());
        });

    private static Task<List<OutboxMessage>> OutboxAsync(WebApplicationFactory<Program> app) =>
        WithDbAsync(app, db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>The reminder run, as an instance's hourly service runs it, on the day given.</summary>
    private static async Task<int> RemindAsync(CoProduceAppFactory app, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        return await ActivatorUtilities.CreateInstance<ReminderSender>(scope.ServiceProvider, clock).SendDueRemindersAsync(default);
    }

    private static Calendar Invite(EmailMessage message, string fileName)
    {
        var attachment = Assert.Single(message.Attachments, a => a.FileName == fileName);
        return Calendar.Load(Encoding.UTF8.GetString(attachment.Content))!;
    }

    [Fact]
    public async Task ConfirmingAPlace_StoresOneEmailWithTheChange_AndThePageDoesNotWaitForItToBeSent()
    {
        var mail = new MailServer();
        using var app = new CoProduceAppFactory { TestServices = mail.Use };
        using var organiser = await OrganiserAsync(app);
        var (activityId, people) = await ActivityWithPeopleAsync(app, "Outbox workshop", UkTime.Today(TimeProvider.System).AddDays(20), 1, confirmed: false);
        var person = people.Single();

        var response = await organiser.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/sign-ups/{person.SignUpId}/confirm", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        mail.Mock.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        var stored = Assert.Single(await OutboxAsync(app));
        Assert.Equal((OutboxStatus.Pending, 0, (DateTime?)null), (stored.Status, stored.Attempts, stored.SentUtc));
        Assert.Equal((person.Email, "Your place is confirmed: Outbox workshop", (int?)activityId, (int?)person.ProfileId),
            (stored.To, stored.Subject, stored.ActivityId, stored.ExpertProfileId));
        Assert.Contains($"The activity's page: https://localhost/activities/{activityId}", stored.TextBody, StringComparison.Ordinal);
        Assert.Equal("invite.ics", Assert.Single(stored.Attachments).FileName);
        Assert.Equal(SignUpStatus.Confirmed, await WithDbAsync(app, db => db.SignUps.Where(s => s.Id == person.SignUpId).Select(s => s.Status).SingleAsync()));

        var sent = await app.SendQueuedEmailsAsync();
        var sentAgain = await app.SendQueuedEmailsAsync();

        Assert.Equal((1, 0), (sent, sentAgain));
        var delivered = Assert.Single(mail.Delivered);
        Assert.Equal((person.Email, stored.Subject, stored.TextBody), (delivered.To, delivered.Subject, delivered.TextBody));
        Assert.Equal(stored.Attachments.Single().Content, delivered.Attachments.Single().Content);
        var afterwards = Assert.Single(await OutboxAsync(app));
        Assert.Equal(OutboxStatus.Sent, afterwards.Status);
        Assert.NotNull(afterwards.SentUtc);
        Assert.Null(afterwards.LeaseOwner);
    }

    [Fact]
    public async Task Email_ForAChangeThatIsRefused_IsNotStored_AndForOneRetriedAfterAConflict_IsStoredOnce()
    {
        var mail = new MailServer();
        using var app = new CoProduceAppFactory { TestServices = mail.Use };
        using var organiser = await OrganiserAsync(app);
        var (activityId, people) = await ActivityWithPeopleAsync(app, "One place", UkTime.Today(TimeProvider.System).AddDays(20), 3, confirmed: false, places: 1);
        var page = $"/manage/activities/{activityId}";

        var first = await organiser.SubmitFormAsync(page, $"{page}/sign-ups/{people[0].SignUpId}/confirm", []);
        // Every place is taken now: the rules refuse the second, and its email goes with it.
        var refused = await organiser.PostWithoutButtonAsync(page, $"{page}/sign-ups/{people[1].SignUpId}/confirm");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([people[0].ProfileId], (await OutboxAsync(app)).Select(m => m.ExpertProfileId!.Value));

        // The same change made many times at once (double clicks, several tabs), each in its own scope:
        // the saves collide, are made again from fresh copies, and the rules let one through, so the
        // email is stored once, with the save that counted.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ActivityService>().WaitListAsync(activityId, people[2].SignUpId, "organiser", default);
                return true;
            }
            catch (ActivityRuleException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(done => done));
        var waitingList = Assert.Single(await OutboxAsync(app), m => m.ExpertProfileId == people[2].ProfileId);
        Assert.Equal("You are on the waiting list: One place", waitingList.Subject);
    }

    [Fact]
    public async Task MailServerDown_TheEmailIsKeptWithItsAttempts_AndSentOnALaterRun()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var mail = new MailServer { Down = true };
        using var app = new CoProduceAppFactory
        {
            // The test moves the clock on by hours; the background worker, whose timer runs on that
            // clock, must not send alongside the runs the test makes itself.
            OutboxPollSeconds = 30 * 24 * 3600,
            TestServices = s => { mail.Use(s); s.AddSingleton<TimeProvider>(clock); },
        };
        using var client = app.CreatePortalClient();

        var asked = await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "maya.khan@example.org")]);
        var firstRun = await app.SendQueuedEmailsAsync();

        Assert.Equal("/forgot-password/sent", asked.Location());
        Assert.Equal(0, firstRun);
        var waiting = Assert.Single(await OutboxAsync(app));
        Assert.Equal((OutboxStatus.Pending, 1, "maya.khan@example.org"), (waiting.Status, waiting.Attempts, waiting.To));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(1), waiting.NextAttemptUtc);
        Assert.Equal("IOException: The mail server is not answering", waiting.LastError);
        Assert.Null(waiting.LeaseOwner);

        // Not due yet: a run now leaves it alone.
        Assert.Equal(0, await app.SendQueuedEmailsAsync());
        mail.Mock.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Once);

        // A minute on, still down: the next wait is twice as long.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.SendQueuedEmailsAsync());
        var again = Assert.Single(await OutboxAsync(app));
        Assert.Equal((OutboxStatus.Pending, 2), (again.Status, again.Attempts));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(2), again.NextAttemptUtc);

        // The server is back: the next run after the wait sends it, once.
        mail.Down = false;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.SendQueuedEmailsAsync());
        Assert.Equal(0, await app.SendQueuedEmailsAsync());

        var delivered = Assert.Single(mail.Delivered);
        Assert.Equal(("maya.khan@example.org", "Reset your CoProduce password"), (delivered.To, delivered.Subject));
        var sent = Assert.Single(await OutboxAsync(app));
        Assert.Equal((OutboxStatus.Sent, 3, (DateTime?)clock.GetUtcNow().UtcDateTime), (sent.Status, sent.Attempts, sent.SentUtc));
    }

    [Fact]
    public async Task MailServerDownForGood_GivesUpAfterTheMostAttempts_AndMarksTheEmailFailed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var mail = new MailServer { Down = true };
        using var factory = new CoProduceAppFactory
        {
            // The test moves the clock on by hours; the background worker, whose timer runs on that
            // clock, must not send alongside the runs the test makes itself.
            OutboxPollSeconds = 30 * 24 * 3600,
            TestServices = s => { mail.Use(s); s.AddSingleton<TimeProvider>(clock); },
        };
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Email:Outbox:MaxAttempts", "3"));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "maya.khan@example.org")]);

        for (var run = 0; run < 6; run++)
        {
            await app.SendQueuedEmailsAsync();
            clock.Advance(TimeSpan.FromHours(1));
        }

        mail.Mock.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        var failed = Assert.Single(await OutboxAsync(app));
        Assert.Equal((OutboxStatus.Failed, 3, (DateTime?)null), (failed.Status, failed.Attempts, failed.SentUtc));
        Assert.Contains("not answering", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SendEachEmailAndEachReminderExactlyOnce()
    {
        var mail = new MailServer();
        // Two instances of the portal on one database, their outbox job due every second.
        using var first = new CoProduceAppFactory { OutboxPollSeconds = 1, TestServices = mail.Use };
        _ = first.Services;
        using var second = new CoProduceAppFactory { SharedDatabasePath = first.DatabasePath, OutboxPollSeconds = 1, TestServices = mail.Use };
        _ = second.Services;
        var today = UkTime.Today(TimeProvider.System);
        // Twelve people with a place on an activity in two days' time, and thirty other emails waiting.
        var (activityId, people) = await ActivityWithPeopleAsync(first, "Two instances", today.AddDays(2), 12, confirmed: true);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < 30; i++)
            {
                outbox.Add(new EmailMessage($"waiting-{i}@example.org", $"Waiting {i}", "Hello"));
            }
            await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().SaveChangesAsync();
        }

        // Both instances run the reminders and send the outbox at the same moments, three times over.
        var claimed = 0;
        for (var round = 0; round < 3; round++)
        {
            using var start = new Barrier(4);
            var reminders = new[] { first, second }.Select(app => Task.Run(() =>
            {
                start.SignalAndWait();
                return RemindAsync(app, today);
            })).ToList();
            var senders = new[] { first, second }.Select(app => Task.Run(() =>
            {
                start.SignalAndWait();
                return app.SendQueuedEmailsAsync();
            })).ToList();
            await Task.WhenAll(reminders.Concat(senders));
            claimed += reminders.Sum(r => r.Result);
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await OutboxAsync(first)).Any(m => m.Status == OutboxStatus.Pending) && DateTime.UtcNow < deadline)
        {
            await Task.WhenAll(first.SendQueuedEmailsAsync(), second.SendQueuedEmailsAsync());
        }

        Assert.Equal(12, claimed);
        var stored = await OutboxAsync(first);
        Assert.Equal(42, stored.Count);
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var delivered = mail.Delivered;
        Assert.Equal(42, delivered.Count);
        Assert.All(delivered.GroupBy(m => (m.To, m.Subject)), sameEmail => Assert.Single(sameEmail));
        Assert.All(people, person => Assert.Single(delivered, m => m.To == person.Email && m.Subject == "Reminder: Two instances is in 2 days"));
        var reminded = await WithDbAsync(second, db => db.SignUps.Where(s => s.ActivityId == activityId).Select(s => s.ReminderForDate).ToListAsync());
        Assert.All(reminded, date => Assert.Equal(today.AddDays(2), date));
    }

    [Fact]
    public async Task DateChangedAfterTheReminder_TheReminderIsSentAgainForTheNewDate()
    {
        var mail = new MailServer();
        using var app = new CoProduceAppFactory { TestServices = mail.Use };
        using var organiser = await OrganiserAsync(app);
        var today = UkTime.Today(TimeProvider.System);
        var (activityId, people) = await ActivityWithPeopleAsync(app, "Moving day", today.AddDays(30), 1, confirmed: true);
        var oldDate = today.AddDays(30);
        var newDate = today.AddDays(37);

        var remindedBefore = await RemindAsync(app, oldDate.AddDays(-2));
        var moved = await organiser.SubmitFormAsync($"/manage/activities/{activityId}/edit", $"/manage/activities/{activityId}/edit",
            await organiser.FormAsBrowserWouldSendAsync($"/manage/activities/{activityId}/edit", $"/manage/activities/{activityId}/edit",
                [new("Date.Day", newDate.Day.ToString(Invariant)), new("Date.Month", newDate.Month.ToString(Invariant)), new("Date.Year", newDate.Year.ToString(Invariant))]));
        var remindedForOldDateAgain = await RemindAsync(app, oldDate.AddDays(-2));
        var remindedForNewDate = await RemindAsync(app, newDate.AddDays(-2));
        var remindedTwiceForNewDate = await RemindAsync(app, newDate.AddDays(-2));
        await app.SendQueuedEmailsAsync();

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal((1, 0, 1, 0), (remindedBefore, remindedForOldDateAgain, remindedForNewDate, remindedTwiceForNewDate));
        var reminders = mail.Delivered.Where(m => m.To == people[0].Email && m.Subject == "Reminder: Moving day is in 2 days").ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Contains(oldDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), reminders[0].TextBody, StringComparison.Ordinal);
        Assert.Contains(newDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), reminders[1].TextBody, StringComparison.Ordinal);
        Assert.Equal(newDate, await WithDbAsync(app, db => db.SignUps.Where(s => s.Id == people[0].SignUpId).Select(s => s.ReminderForDate).SingleAsync()));
    }

    [Fact]
    public async Task ChangeOfTimeThenCancellation_SendUpdatedInvitesWithAHigherSequence()
    {
        var mail = new MailServer();
        using var app = new CoProduceAppFactory { TestServices = mail.Use };
        using var organiser = await OrganiserAsync(app);
        var (activityId, people) = await ActivityWithPeopleAsync(app, "Invite updates", UkTime.Today(TimeProvider.System).AddDays(25), 2, confirmed: false);
        var page = $"/manage/activities/{activityId}";
        var edit = $"{page}/edit";
        await organiser.SubmitFormAsync(page, $"{page}/sign-ups/{people[0].SignUpId}/confirm", []);

        var retimed = await organiser.SubmitFormAsync(edit, edit, await organiser.FormAsBrowserWouldSendAsync(edit, edit, [new("StartTime", "2pm"), new("EndTime", "4pm")]));
        var renamed = await organiser.SubmitFormAsync(edit, edit, await organiser.FormAsBrowserWouldSendAsync(edit, edit, [new("Title", "Invite updates, renamed")]));
        var cancelled = await organiser.SubmitFormAsync(page, $"{page}/status", [new("to", "Cancelled")]);
        await app.SendQueuedEmailsAsync();

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], new[] { retimed.StatusCode, renamed.StatusCode, cancelled.StatusCode });
        var toPerson = mail.Delivered.Where(m => m.To == people[0].Email).ToList();
        Assert.Equal(["Your place is confirmed: Invite updates", "Changed: Invite updates", "Cancelled: Invite updates, renamed"], toPerson.Select(m => m.Subject));
        var confirmation = Invite(toPerson[0], "invite.ics").Events.Single();
        var change = Invite(toPerson[1], "invite.ics");
        var cancellation = Invite(toPerson[2], "cancellation.ics");
        Assert.Equal("REQUEST", change.Method);
        Assert.Equal("CANCEL", cancellation.Method);
        Assert.Equal($"activity-{activityId}@localhost", confirmation.Uid);
        Assert.Equal(confirmation.Uid, change.Events.Single().Uid);
        Assert.Equal(confirmation.Uid, cancellation.Events.Single().Uid);
        Assert.Equal([0, 1, 2], new[] { confirmation.Sequence, change.Events.Single().Sequence, cancellation.Events.Single().Sequence });
        Assert.Equal(14, change.Events.Single().DtStart!.Hour);
        Assert.Equal("CANCELLED", cancellation.Events.Single().Status);
        Assert.Contains("2pm to 4pm", toPerson[1].TextBody, StringComparison.Ordinal);
        Assert.All(toPerson, m => Assert.Contains($"https://localhost/activities/{activityId}", m.TextBody, StringComparison.Ordinal));
        // Someone without a place is told of the cancellation, with no invite to take out of their calendar.
        var toOther = Assert.Single(mail.Delivered, m => m.To == people[1].Email);
        Assert.Equal(("Cancelled: Invite updates, renamed", 0), (toOther.Subject, toOther.Attachments.Count));
    }

    [Fact]
    public async Task PersonWithNoEmailAddress_IsNotEmailed_AndTheOrganiserIsToldToRingOrTextThem()
    {
        var mail = new MailServer();
        using var app = new CoProduceAppFactory { TestServices = mail.Use };
        using var organiser = await OrganiserAsync(app);
        var (activityId, people) = await ActivityWithPeopleAsync(app, "Phone only", UkTime.Today(TimeProvider.System).AddDays(20), 1, confirmed: false, withEmail: false);
        var page = $"/manage/activities/{activityId}";

        var confirmed = await organiser.SubmitFormAsync(page, $"{page}/sign-ups/{people[0].SignUpId}/confirm", []);
        var shown = await organiser.GetPageAsync(page);
        await app.SendQueuedEmailsAsync();

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Person 0. They have no email address, so ring or text them", shown.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        mail.Mock.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        var stored = Assert.Single(await OutboxAsync(app));
        Assert.Equal((OutboxStatus.NoEmailAddress, (string?)null), (stored.Status, stored.To));
        Assert.Equal("Ring or text", shown.QuerySelector("#ring-or-text")!.TextContent.Trim());
        var cells = shown.QuerySelectorAll($"#ring-or-text-{stored.Id} td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Person 0", cells[0]);
        Assert.Equal("07700 900123 (prefers a text message)", cells[1]);
        Assert.StartsWith("Your place is confirmed: Phone only", cells[2], StringComparison.Ordinal);
        Assert.Contains($"https://localhost/activities/{activityId}", cells[2], StringComparison.Ordinal);
    }
}
