using CoProduce.Web.Domain.Audit;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Background;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Files;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoProduce.IntegrationTests.Scale;

/// <summary>
/// Two instances of the portal on one database, as behind a load balancer: each email, each
/// reminder and each run of a job happens once across both, and a file uploaded through one is
/// served by the other. Both run on one fake clock, and their own timers are set too far apart to
/// tick, so that the test runs each instance's scheduler itself, at the moments it chooses.
/// </summary>
public sealed class TwoHostTests
{
    private static readonly TimeSpan JobInterval = TimeSpan.FromHours(1);

    /// <summary>The mail server both instances send through: it records every delivery, from any thread.</summary>
    private sealed class MailServer
    {
        private readonly ConcurrentQueue<EmailMessage> _delivered = new();

        public MailServer() =>
            Mock.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
                .Returns<EmailMessage, CancellationToken>(async (message, cancellationToken) =>
                {
                    // Sending takes a moment, as over SMTP: long enough for the other instance to try the same.
                    await Task.Delay(5, cancellationToken);
                    _delivered.Enqueue(message);
                });

        public Mock<IEmailSender> Mock { get; } = new();

        public IReadOnlyList<EmailMessage> Delivered => [.. _delivered];
    }

    /// <summary>
    /// A job that waits at its gate until the test opens it: an instance that holds the lease and has
    /// not finished (it may have stopped mid-run). Each instance has its own.
    /// </summary>
    private sealed class GateJob : IScheduledJob
    {
        private int _runs;

        public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => _runs;

        public string Name => "gate";

        public TimeSpan LeaseFor => Lease;

        public DateTime NextRunAfter(DateTime nowUtc) => nowUtc + JobInterval;

        public async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
            return $"ran on {services.GetRequiredService<Marker>().Name}";
        }
    }

    /// <summary>Which instance a service belongs to.</summary>
    private sealed record Marker(string Name);

    private sealed class TwoHosts : IDisposable
    {
        public TwoHosts(Action<IServiceCollection>? more = null)
        {
            First = Host("first", null, more);
            _ = First.Services;
            Second = Host("second", First.DatabasePath, more);
            _ = Second.Services;
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public MailServer Mail { get; } = new();

        public CoProduceAppFactory First { get; }

        public CoProduceAppFactory Second { get; }

        public IEnumerable<CoProduceAppFactory> Both => [First, Second];

        private CoProduceAppFactory Host(string name, string? database, Action<IServiceCollection>? more) => new()
        {
            SharedDatabasePath = database,
            // Each instance's own timer would tick only after 30 days: the test runs the scheduler itself.
            Settings = new Dictionary<string, string> { ["Background:PollSeconds"] = (30 * 24 * 3600).ToString(CultureInfo.InvariantCulture) },
            TestServices = services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton(Mail.Mock.Object);
                services.AddSingleton(new Marker(name));
                more?.Invoke(services);
            },
        };

        /// <summary>Both instances look for due jobs at the same moment. Returns what each ran.</summary>
        public async Task<IReadOnlyList<JobRun>> TickBothAsync()
        {
            using var start = new Barrier(2);
            var ticks = Both.Select(app => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Runner(app).RunDueJobsAsync();
            })).ToList();
            return [.. (await Task.WhenAll(ticks)).SelectMany(runs => runs)];
        }

        public void Dispose()
        {
            Second.Dispose();
            First.Dispose();
        }
    }

    private static JobRunner Runner(WebApplicationFactory<Program> app) => app.Services.GetRequiredService<JobRunner>();

    private static async Task<T> WithDbAsync<T>(WebApplicationFactory<Program> app, Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>An open activity on the day given, with people who have a confirmed place.</summary>
    private static Task<List<string>> ActivityWithPlacesAsync(CoProduceAppFactory app, string title, DateOnly date, int people) =>
        WithDbAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            var projectId = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var activity = new Activity(projectId, title, ActivityType.Workshop, "A workshop to plan the service together.",
                new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 30), date.AddDays(-1)),
                new ActivityPlace(ActivityMode.InPerson, "Brackenfield Library", "Step-free", null),
                20, [], LadderRung.CoProduction, isPaid: false, "organiser", now);
            activity.MoveTo(ActivityStatus.Open, now);
            db.Activities.Add(activity);
            var profiles = new List<ExpertProfile>();
            for (var i = 0; i < people; i++)
            {
                var email = $"person-{i}-{Guid.NewGuid():N}@example.org";
                var user = new CoProduceUser { UserName = email, Email = email, DisplayName = $"Person {i}" };
                db.Users.Add(user);
                var profile = new ExpertProfile(user.Id, $"Person {i}", email, now);
                profile.GiveConsent("2026-11", now);
                db.ExpertProfiles.Add(profile);
                profiles.Add(profile);
            }
            await db.SaveChangesAsync();
            var signUps = profiles.Select(p => activity.RequestPlace(p.Id, true, string.Empty, now)).ToList();
            await db.SaveChangesAsync();
            signUps.ForEach(s => activity.Confirm(s.Id, true, null, now));
            await db.SaveChangesAsync();
            return profiles.Select(p => p.ContactEmail!).ToList();
        });

    [Fact]
    public async Task EachEmailAndEachReminder_HappenOnceAcrossBothInstances()
    {
        using var hosts = new TwoHosts();
        // The first look adds each job's lease row, due one interval later, as a timer's first tick would be.
        Assert.Empty(await hosts.TickBothAsync());
        var leases = await WithDbAsync(hosts.First, db => db.JobLeases.AsNoTracking().OrderBy(j => j.Name).ToListAsync());
        Assert.Equal(["outbox", "reminders", "retention"], leases.Select(j => j.Name));
        Assert.All(leases.Where(j => j.Name != "retention"), j => Assert.Equal(hosts.Clock.GetUtcNow().UtcDateTime + JobInterval, j.NextRunUtc));
        // Retention is daily, at 03:00 UK time.
        var retentionDue = Assert.Single(leases, j => j.Name == "retention").NextRunUtc;
        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(UkTime.ToUk(retentionDue)));

        var people = await ActivityWithPlacesAsync(hosts.First, "Two hosts", UkTime.Today(hosts.Clock).AddDays(2), 8);
        await using (var scope = hosts.Second.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < 25; i++)
            {
                outbox.Add(new EmailMessage($"waiting-{i}@example.org", $"Waiting {i}", "Hello"));
            }
            await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().SaveChangesAsync();
        }

        // Each hour, both instances look for due jobs at the same moment, several times over.
        var runs = new List<IReadOnlyList<JobRun>>();
        for (var hour = 0; hour < 3; hour++)
        {
            hosts.Clock.Advance(JobInterval + TimeSpan.FromSeconds(1));
            for (var look = 0; look < 3; look++)
            {
                runs.Add(await hosts.TickBothAsync());
            }
        }

        // In each hour one instance ran each job, once: the first look of the hour, never the others.
        // (Retention is left out: its 03:00 may fall in these hours; it is checked on its own below.)
        runs = runs.Select(look => (IReadOnlyList<JobRun>)look.Where(r => r.Name != "retention").ToList()).ToList();
        for (var hour = 0; hour < 3; hour++)
        {
            var firstLook = runs[hour * 3];
            Assert.Equal(["outbox", "reminders"], firstLook.Select(r => r.Name).Order(StringComparer.Ordinal));
            Assert.All(firstLook, r => Assert.True(r.Succeeded, r.Outcome));
            Assert.Empty(runs[(hour * 3) + 1]);
            Assert.Empty(runs[(hour * 3) + 2]);
        }
        Assert.Equal("8 reminders put in the outbox", Assert.Single(runs[0], r => r.Name == "reminders").Outcome);
        Assert.All(runs.Skip(1).SelectMany(r => r).Where(r => r.Name == "reminders"), r => Assert.Equal("0 reminders put in the outbox", r.Outcome));

        var stored = await WithDbAsync(hosts.First, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.Equal(25 + 8, stored.Count);
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var delivered = hosts.Mail.Delivered;
        Assert.Equal(25 + 8, delivered.Count);
        Assert.All(delivered.GroupBy(m => (m.To, m.Subject)), sameEmail => Assert.Single(sameEmail));
        Assert.All(people, person => Assert.Single(delivered, m => m.To == person && m.Subject == "Reminder: Two hosts is in 2 days"));

        // What operators see of each job: its last run and when it is next due, with no lease left held.
        var after = await WithDbAsync(hosts.Second, db => db.JobLeases.AsNoTracking().Where(j => j.Name != "retention").OrderBy(j => j.Name).ToListAsync());
        Assert.All(after, j =>
        {
            Assert.Null(j.Owner);
            Assert.Null(j.LeaseExpiresUtc);
            Assert.Equal(hosts.Clock.GetUtcNow().UtcDateTime + JobInterval, j.NextRunUtc);
            Assert.Equal(j.LastStartedUtc, j.LastFinishedUtc);
        });
        Assert.Equal("0 emails sent", after[0].LastOutcome);

        // Retention: past its next 03:00 UK time, both instances look again and again; one runs it, once.
        var retentionNext = await WithDbAsync(hosts.First, db => db.JobLeases.AsNoTracking().Where(j => j.Name == "retention").Select(j => j.NextRunUtc).SingleAsync());
        var retentionRunsBefore = await WithDbAsync(hosts.First, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.RetentionRun));
        var untilDue = retentionNext - hosts.Clock.GetUtcNow().UtcDateTime;
        if (untilDue > TimeSpan.Zero)
        {
            hosts.Clock.Advance(untilDue + TimeSpan.FromSeconds(1));
        }
        var retentionLooks = new List<JobRun>();
        for (var look = 0; look < 3; look++)
        {
            retentionLooks.AddRange((await hosts.TickBothAsync()).Where(r => r.Name == "retention"));
        }
        var retentionRun = Assert.Single(retentionLooks);
        Assert.True(retentionRun.Succeeded, retentionRun.Outcome);
        Assert.Equal(retentionRunsBefore + 1, await WithDbAsync(hosts.First, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.RetentionRun)));
    }

    [Fact]
    public async Task FileUploadedThroughOneInstance_IsDownloadedThroughTheOther_ByteForByte()
    {
        using var hosts = new TwoHosts();
        using var onFirst = hosts.First.CreatePortalClient();
        using var onSecond = hosts.Second.CreatePortalClient();
        var password = DemoUsers.Password(hosts.First);
        Assert.Equal(HttpStatusCode.Redirect, (await onFirst.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await onSecond.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), password)).StatusCode);
        var created = await onFirst.SubmitFormAsync("/projects/new", "/projects/new",
        [
            new("Title", "Files on two instances"),
            new("ServiceArea", "Adult social care"),
            new("Summary", "A service planned with the people who use it."),
            new("Value", "40000"),
            new("KeyDecision", "no"),
        ]);
        var projectId = int.Parse(created.Location()!.Split('/').Last(), CultureInfo.InvariantCulture);
        // Every byte value, so that nothing on the way treats the file as text.
        var pdf = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 256))).ToArray();

        var url = $"/projects/{projectId}/requirements/R1/evidence";
        var token = (await onFirst.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Workshop with the carers' forum"), "WhatWasDone" },
            { new StringContent("3"), "DoneOn.Day" },
            { new StringContent("11"), "DoneOn.Month" },
            { new StringContent("2026"), "DoneOn.Year" },
            { new StringContent(""), "Notes" },
            { new StringContent("8"), "LivedExperienceCount" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Attachment", "Workshop notes.pdf");
        var uploaded = await onFirst.PostAsync(new Uri(url, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        var project = await WithDbAsync(hosts.Second, db => db.CommissioningProjects.AsNoTracking()
            .Include(p => p.Requirements).ThenInclude(r => r.Evidence).ThenInclude(e => e.Attachments).SingleAsync(p => p.Id == projectId));
        var evidence = Assert.Single(project.Requirements.SelectMany(r => r.Evidence));
        var attachment = Assert.Single(evidence.Attachments);
        var (evidenceId, attachmentId, key) = (evidence.Id, attachment.Id, attachment.StorageKey);
        // Kept in the database, where both instances read it; no folder holds it.
        var stored = await WithDbAsync(hosts.Second, db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Key == key));
        Assert.Equal(pdf.LongLength, stored.Length);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(hosts.First.DatabasePath)!, "files")));

        var download = await onSecond.GetAsync(new Uri($"/projects/{projectId}/evidence/{evidenceId}/files/{attachmentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task JobLeaseHeldByOneInstance_TheOtherWaitsUntilItRunsOut_ThenRunsTheJob()
    {
        using var hosts = new TwoHosts(services => services.AddScheduledJob<GateJob>());
        var firstGate = (GateJob)hosts.First.Services.GetServices<IScheduledJob>().Single(j => j.Name == "gate");
        var secondGate = (GateJob)hosts.Second.Services.GetServices<IScheduledJob>().Single(j => j.Name == "gate");
        secondGate.Gate.SetResult();
        await hosts.TickBothAsync();
        hosts.Clock.Advance(JobInterval);

        // The first instance takes the gate job's lease and does not finish (as if it had stopped mid-run).
        var firstRun = Runner(hosts.First).RunDueJobsAsync();
        await firstGate.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var held = await WithDbAsync(hosts.Second, db => db.JobLeases.AsNoTracking().SingleAsync(j => j.Name == "gate"));
        Assert.True(held.IsRunning(hosts.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(hosts.Clock.GetUtcNow().UtcDateTime + GateJob.Lease, held.LeaseExpiresUtc);

        // The second looks, again and again, while the lease lasts: it leaves the job alone.
        for (var look = 0; look < 3; look++)
        {
            Assert.DoesNotContain(await Runner(hosts.Second).RunDueJobsAsync(), r => r.Name == "gate");
            hosts.Clock.Advance(TimeSpan.FromMinutes(3));
        }
        Assert.Equal(0, secondGate.Runs);
        Assert.Equal(held.Owner, (await WithDbAsync(hosts.Second, db => db.JobLeases.AsNoTracking().SingleAsync(j => j.Name == "gate"))).Owner);

        // The lease runs out: the second instance takes the job and runs it, once.
        hosts.Clock.Advance(TimeSpan.FromMinutes(1));
        var taken = await Runner(hosts.Second).RunDueJobsAsync();
        Assert.Equal("ran on second", Assert.Single(taken, r => r.Name == "gate").Outcome);
        Assert.Equal(1, secondGate.Runs);
        Assert.DoesNotContain(await Runner(hosts.Second).RunDueJobsAsync(), r => r.Name == "gate");

        // The first finishes late: its lease is no longer its own, so what the second recorded stands.
        firstGate.Gate.SetResult();
        await firstRun;
        var after = await WithDbAsync(hosts.First, db => db.JobLeases.AsNoTracking().SingleAsync(j => j.Name == "gate"));
        Assert.Equal(("ran on second", (string?)null), (after.LastOutcome, after.Owner));
        Assert.Equal(1, firstGate.Runs);
    }

    [Fact]
    public async Task FailingJob_RecordsWhy_AndIsDueAgainAfterAShortWait()
    {
        using var hosts = new TwoHosts(services => services.AddScheduledJob<BrokenJob>());
        await hosts.TickBothAsync();
        hosts.Clock.Advance(JobInterval);
        var failedAt = hosts.Clock.GetUtcNow().UtcDateTime;

        var runs = await hosts.TickBothAsync();

        var failed = Assert.Single(runs, r => r.Name == "broken");
        Assert.False(failed.Succeeded);
        var lease = await WithDbAsync(hosts.First, db => db.JobLeases.AsNoTracking().SingleAsync(j => j.Name == "broken"));
        Assert.Equal("Failed: InvalidOperationException: The service this job needs is down", lease.LastOutcome);
        Assert.Equal(JobSchedule.NextRunAfterFailure(failedAt, failedAt + JobInterval), lease.NextRunUtc);
        Assert.Null(lease.Owner);
        // The other jobs ran as usual beside it.
        Assert.Contains(runs, r => r.Name == "outbox" && r.Succeeded);

        hosts.Clock.Advance(JobSchedule.LongestBackOff);
        Assert.Single(await hosts.TickBothAsync(), r => r.Name == "broken");
    }

    private sealed class BrokenJob : IScheduledJob
    {
        public string Name => "broken";

        public TimeSpan LeaseFor => TimeSpan.FromMinutes(5);

        public DateTime NextRunAfter(DateTime nowUtc) => nowUtc + JobInterval;

        public Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The service this job needs is down");
    }

    [Fact]
    public async Task FileStore_RefusesKeysThatAreNotItsOwn_AndDeletesOnce()
    {
        using var hosts = new TwoHosts();
        var first = hosts.First.Services.GetRequiredService<IFileStore>();
        var second = hosts.Second.Services.GetRequiredService<IFileStore>();
        Assert.IsType<DatabaseFileStore>(first);

        var key = await first.SaveAsync(new MemoryStream([1, 2, 3]));

        Assert.Matches("^[0-9a-f]{32}$", key);
        await using (var read = await second.OpenAsync(key))
        {
            using var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal([1, 2, 3], copy.ToArray());
        }
        Assert.Null(await second.OpenAsync("../" + key));
        Assert.Null(await second.OpenAsync(key.ToUpperInvariant() + "0"));
        Assert.False(await second.DeleteAsync(key + "0"));
        Assert.True(await second.DeleteAsync(key));
        Assert.False(await first.DeleteAsync(key));
        Assert.Null(await first.OpenAsync(key));

        // Larger than Files:MostBytes (10 MB by default): refused, and nothing is stored.
        await Assert.ThrowsAsync<FileTooLargeException>(() => first.SaveAsync(new MemoryStream(new byte[FileStoreOptions.DefaultMostBytes + 1])));
        Assert.Equal(0, await WithDbAsync(hosts.First, db => db.StoredFiles.CountAsync()));
    }
}
