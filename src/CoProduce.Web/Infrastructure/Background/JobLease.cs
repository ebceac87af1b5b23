using System.Linq.Expressions;

namespace CoProduce.Web.Infrastructure.Background;

/// <summary>
/// One row per kind of background work (sending email, activity reminders, retention): when it is
/// next due, and which instance of the portal holds it now. Several instances share one database;
/// an instance runs a job only after a conditional update has given it the lease, so each run
/// happens once across them all. A lease that runs out (its instance stopped mid-run) can be taken
/// by another instance.
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 100;
    public const int OwnerMaxLength = 200;
    public const int OutcomeMaxLength = 500;

    private JobLease()
    {
    }

    public JobLease(string name, DateTime nextRunUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        NextRunUtc = nextRunUtc;
    }

    /// <summary>The job's name, as <see cref="IScheduledJob.Name"/> gives it.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The instance running it now (machine, process and a random part), or null.</summary>
    public string? Owner { get; private set; }

    public DateTime? LeaseExpiresUtc { get; private set; }

    /// <summary>When the job is next due; an instance takes the lease only once this has passed.</summary>
    public DateTime NextRunUtc { get; private set; }

    public DateTime? LastStartedUtc { get; private set; }

    public DateTime? LastFinishedUtc { get; private set; }

    /// <summary>What the last run said it did ("3 emails sent"), or why it failed, for the operators.</summary>
    public string? LastOutcome { get; private set; }

    /// <summary>
    /// The lease may be taken now: the job is due and nobody's lease is running. The scheduler puts
    /// this in the WHERE of its one conditional UPDATE, so the database decides between instances.
    /// </summary>
    public static Expression<Func<JobLease, bool>> Takeable(string name, DateTime nowUtc) =>
        j => j.Name == name && j.NextRunUtc <= nowUtc && (j.LeaseExpiresUtc == null || j.LeaseExpiresUtc <= nowUtc);

    /// <summary>The job's lease is free (nobody's is running), due or not: for a person asking for the job to run now.</summary>
    public static Expression<Func<JobLease, bool>> Free(string name, DateTime nowUtc) =>
        j => j.Name == name && (j.LeaseExpiresUtc == null || j.LeaseExpiresUtc <= nowUtc);

    /// <summary>The same test as <see cref="Takeable"/>, on a row already read (to skip asking for a job that is not due).</summary>
    public bool IsTakeable(DateTime nowUtc) => NextRunUtc <= nowUtc && (LeaseExpiresUtc is null || LeaseExpiresUtc <= nowUtc);

    /// <summary>Whether the lease is held by <paramref name="owner"/> and has not run out.</summary>
    public bool IsHeldBy(string owner, DateTime nowUtc) =>
        string.Equals(Owner, owner, StringComparison.Ordinal) && LeaseExpiresUtc is { } expires && expires > nowUtc;

    /// <summary>Whether some instance is running the job now (its lease has not run out).</summary>
    public bool IsRunning(DateTime nowUtc) => Owner is not null && LeaseExpiresUtc is { } expires && expires > nowUtc;
}

/// <summary>
/// A piece of background work that must happen once across every instance of the portal, on a
/// schedule. The scheduler takes the job's <see cref="JobLease"/> before each run.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Unique among jobs: the lease row's key ("outbox", "reminders", "retention").</summary>
    string Name { get; }

    /// <summary>How long a run may take before another instance may assume this one has stopped.</summary>
    TimeSpan LeaseFor { get; }

    /// <summary>When the job is next due, given when a run (or the first look at it) happened.</summary>
    DateTime NextRunAfter(DateTime nowUtc);

    /// <summary>Does the work, with services from a scope of its own. Returns a short outcome for <see cref="JobLease.LastOutcome"/>.</summary>
    Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
