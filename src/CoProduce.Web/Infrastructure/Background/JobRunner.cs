using CoProduce.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Background;

/// <summary>What one look at a job did: it ran (with its outcome), or it failed.</summary>
public sealed record JobRun(string Name, bool Succeeded, string Outcome);

/// <summary>
/// Runs each scheduled job once across every instance of the portal, through the database. For each
/// registered <see cref="IScheduledJob"/>, one tick (<see cref="RunDueJobsAsync"/>):
/// <list type="number">
/// <item>adds the job's <see cref="JobLease"/> row if it has none, first due one interval from now
/// (another instance adding it at the same moment is fine: its row stands);</item>
/// <item>takes the lease with one conditional UPDATE, only while the job is due and nobody's lease
/// is running, then reads the row back: the database decides which instance wins, on SQLite and
/// SQL Server alike;</item>
/// <item>runs the job in a scope of its own, then records the outcome and when it is next due and
/// gives the lease up, only while it still holds it.</item>
/// </list>
/// A lease runs out after the job's <see cref="IScheduledJob.LeaseFor"/>, so an instance that stops
/// mid-run holds the job up for that long at most. Every instance runs this; none needs to be chosen.
/// </summary>
public sealed class JobRunner
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<IScheduledJob> _jobs;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobRunner> _logger;

    /// <summary>This instance, among every instance's: the machine, the process and a random part.</summary>
    private readonly string _instance = ThisInstance();

    public JobRunner(IServiceScopeFactory scopes, IEnumerable<IScheduledJob> jobs, TimeProvider clock, ILogger<JobRunner> logger)
    {
        _scopes = scopes;
        _jobs = [.. jobs];
        _clock = clock;
        _logger = logger;
        var twice = _jobs.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"Two scheduled jobs are both called \"{twice.Key}\": each job's name must be its own.");
        }
    }

    /// <summary>The registered jobs' names.</summary>
    public IReadOnlyList<string> JobNames => [.. _jobs.Select(j => j.Name)];

    /// <summary>Looks at every job once and runs each that is due and whose lease this instance wins. Returns what it ran.</summary>
    public async Task<IReadOnlyList<JobRun>> RunDueJobsAsync(CancellationToken cancellationToken = default)
    {
        var leases = await LeasesAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        // A job not due by the rows just read is not asked for: an idle tick is one SELECT. Due jobs
        // run side by side, each in scopes of its own, so that a long one (the nightly retention run)
        // does not hold up another (the outbox, with its password-reset emails).
        var due = _jobs.Where(job => leases.TryGetValue(job.Name, out var lease) && lease.IsTakeable(now)).ToList();
        var runs = await Task.WhenAll(due.Select(async job =>
            await TakeAsync(job, JobLease.Takeable(job.Name, _clock.GetUtcNow().UtcDateTime), cancellationToken) is { } claim
                ? await RunAsync(job, claim, cancellationToken)
                : null));
        return [.. runs.OfType<JobRun>()];
    }

    /// <summary>
    /// Runs <paramref name="work"/> now, on this instance, while holding the named job's lease,
    /// whether or not the job is due: a person asking for the job to run now. Null when another
    /// instance (or an earlier request) holds the lease, so that the two never run at once. When the
    /// work ends, the lease is given up and the outcome recorded; when the job is next due is left as
    /// it was.
    /// </summary>
    public async Task<T?> RunNowAsync<T>(string jobName, Func<IServiceProvider, CancellationToken, Task<T>> work, Func<T, string> outcome, CancellationToken cancellationToken)
        where T : class
    {
        var job = _jobs.SingleOrDefault(j => j.Name == jobName) ?? throw new ArgumentException($"No scheduled job is called \"{jobName}\".", nameof(jobName));
        await LeasesAsync(cancellationToken);
        if (await TakeAsync(job, JobLease.Free(job.Name, _clock.GetUtcNow().UtcDateTime), cancellationToken) is not { } claim)
        {
            return null;
        }
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var result = await work(scope.ServiceProvider, cancellationToken);
            await FinishAsync(job, claim, JobSchedule.Outcome("Run by hand: " + outcome(result)), nextRunUtc: null, ranToEnd: true);
            return result;
        }
        catch (Exception failure)
        {
            await FinishAsync(job, claim, JobSchedule.Outcome($"Run by hand, failed: {failure.GetType().Name}: {failure.Message}"), nextRunUtc: null, ranToEnd: true);
            throw;
        }
    }

    /// <summary>Every job's lease row, adding those that are missing.</summary>
    private async Task<Dictionary<string, JobLease>> LeasesAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var leases = await db.JobLeases.AsNoTracking().ToDictionaryAsync(j => j.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var job in _jobs.Where(j => !leases.ContainsKey(j.Name)))
        {
            // Not due at once: the first run is one interval after the first look, as a timer's would be.
            db.JobLeases.Add(new JobLease(job.Name, job.NextRunAfter(_clock.GetUtcNow().UtcDateTime)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance added it a moment ago: its row stands, and the next tick reads it.
            }
            db.ChangeTracker.Clear();
        }
        return leases;
    }

    /// <summary>Takes the job's lease for this instance, or null when it is not due or another instance has it.</summary>
    private async Task<string?> TakeAsync(IScheduledJob job, System.Linq.Expressions.Expression<Func<JobLease, bool>> takeable, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var now = _clock.GetUtcNow().UtcDateTime;
        var claim = $"{_instance}:{Guid.NewGuid():N}";
        var expires = now + job.LeaseFor;
        // The condition is checked again by the UPDATE itself: of two instances that both saw the job
        // due, only the first to write changes the row.
        var taken = await db.JobLeases.Where(takeable)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Owner, claim)
                .SetProperty(j => j.LeaseExpiresUtc, expires)
                .SetProperty(j => j.LastStartedUtc, now), cancellationToken);
        if (taken != 1)
        {
            return null;
        }
        var lease = await db.JobLeases.AsNoTracking().SingleAsync(j => j.Name == job.Name, cancellationToken);
        return lease.IsHeldBy(claim, now) ? claim : null;
    }

    private async Task<JobRun> RunAsync(IScheduledJob job, string claim, CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow().UtcDateTime;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var outcome = JobSchedule.Outcome(await job.RunAsync(scope.ServiceProvider, cancellationToken));
            var next = job.NextRunAfter(started);
            await FinishAsync(job, claim, outcome, next);
            _logger.LogDebug("Ran the {Job} job: {Outcome}", job.Name, outcome);
            return new JobRun(job.Name, true, outcome);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: give the lease up, so that another instance may run the job at once.
            await FinishAsync(job, claim, "Stopped part way: the instance was shutting down", nextRunUtc: null);
            throw;
        }
        catch (Exception failure)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var next = JobSchedule.NextRunAfterFailure(now, job.NextRunAfter(now));
            var outcome = JobSchedule.Outcome($"Failed: {failure.GetType().Name}: {failure.Message}");
            _logger.LogError(failure, "The {Job} job failed; it is due again at {NextRunUtc:u}", job.Name, next);
            await FinishAsync(job, claim, outcome, next);
            return new JobRun(job.Name, false, outcome);
        }
    }

    /// <summary>Records the outcome and gives the lease up, only while this instance still holds it.</summary>
    private async Task FinishAsync(IScheduledJob job, string claim, string outcome, DateTime? nextRunUtc, bool ranToEnd = false)
    {
        // Not cancelled with the run: the outcome is recorded even while the instance shuts down.
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var finished = _clock.GetUtcNow().UtcDateTime;
        var mine = db.JobLeases.Where(j => j.Name == job.Name && j.Owner == claim);
        var recorded = nextRunUtc is { } next
            ? await mine.ExecuteUpdateAsync(set => set
                .SetProperty(j => j.LastFinishedUtc, finished)
                .SetProperty(j => j.LastOutcome, outcome)
                .SetProperty(j => j.NextRunUtc, next)
                .SetProperty(j => j.Owner, (string?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None)
            : ranToEnd
            ? await mine.ExecuteUpdateAsync(set => set
                .SetProperty(j => j.LastFinishedUtc, finished)
                .SetProperty(j => j.LastOutcome, outcome)
                .SetProperty(j => j.Owner, (string?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None)
            : await mine.ExecuteUpdateAsync(set => set
                .SetProperty(j => j.LastOutcome, outcome)
                .SetProperty(j => j.Owner, (string?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
        if (recorded != 1)
        {
            _logger.LogWarning("The {Job} job ran longer than its lease of {LeaseFor}; another instance may have run it too", job.Name, job.LeaseFor);
        }
    }

    private static string ThisInstance()
    {
        var machine = Environment.MachineName;
        machine = machine.Length > 40 ? machine[..40] : machine;
        return $"{machine}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }
}

/// <summary>How often each instance looks for due jobs (section <c>Background</c>).</summary>
public sealed class BackgroundOptions
{
    public const string Section = "Background";

    /// <summary>
    /// Seconds between looks. A job runs at most this often, whatever its own interval; an idle look
    /// is one small query.
    /// </summary>
    public int PollSeconds { get; set; } = 15;
}

/// <summary>Runs <see cref="JobRunner"/> every <c>Background:PollSeconds</c> while the portal runs, on every instance.</summary>
internal sealed class ScheduledWork(JobRunner runner, IOptions<BackgroundOptions> options, TimeProvider clock, ILogger<ScheduledWork> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        // Each look starts without waiting for the last to end, so that a long job (the nightly
        // retention run) does not keep the others (the outbox) waiting for the next look. A job
        // still running holds its lease, so a later look does not start it again.
        var looks = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                looks.RemoveAll(look => look.IsCompleted);
                looks.Add(LookAsync(stoppingToken));
            }
        }
        finally
        {
            await Task.WhenAll(looks);
        }
    }

    private async Task LookAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunDueJobsAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: each job gave its lease up as it stopped.
        }
        catch (Exception error)
        {
            // The database may be out of reach for a moment: the next look tries again.
            logger.LogError(error, "Looking for background jobs to run failed; trying again at the next look");
        }
    }
}

public static class ScheduledJobSetup
{
    /// <summary>
    /// Registers a job to run on its schedule, once across every instance, and the runner and
    /// background service that run it (added once, however many jobs there are).
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        if (!services.Any(d => d.ServiceType == typeof(JobRunner)))
        {
            services.AddOptions<BackgroundOptions>()
                .BindConfiguration(BackgroundOptions.Section)
                .Validate(o => o.PollSeconds >= 1, "Background:PollSeconds must be at least 1")
                .ValidateOnStart();
            services.AddSingleton<JobRunner>();
            services.AddHostedService<ScheduledWork>();
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScheduledJob, TJob>());
        return services;
    }
}
