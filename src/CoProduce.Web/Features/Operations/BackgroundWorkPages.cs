using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Operations;

/// <summary>One job as the page shows it: every time already in UK time and words.</summary>
public sealed record BackgroundJobRow(string Name, string Description, string Status, string LastStarted, string LastFinished, string LastOutcome, string NextRun);

public sealed record BackgroundWorkPage(IReadOnlyList<BackgroundJobRow> Jobs);

/// <summary>Reads the job leases (one row per job, so one short query) for <see cref="BackgroundWorkController"/>.</summary>
public sealed class BackgroundWorkPages(CoProduceDbContext db, JobRunner runner, TimeProvider clock)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["outbox"] = "Sends the emails waiting in the outbox",
        ["reminders"] = "Reminds people with a place two days before an activity",
        ["retention"] = "Deletes and anonymises what the retention policy says is no longer needed",
    };

    public async Task<BackgroundWorkPage> ReadAsync(CancellationToken cancellationToken)
    {
        var leases = await db.JobLeases.AsNoTracking().ToDictionaryAsync(j => j.Name, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = runner.JobNames.Concat(leases.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => Row(name, leases.GetValueOrDefault(name), now)).ToList();
        return new BackgroundWorkPage(rows);
    }

    private static BackgroundJobRow Row(string name, JobLease? lease, DateTime now)
    {
        var description = Descriptions.GetValueOrDefault(name, "A scheduled job");
        if (lease is null)
        {
            return new(name, description, "Not looked at yet", "Never", "Never", "None", "Soon after an instance starts");
        }
        var status = lease.IsRunning(now) ? "Running now"
            : lease.LastOutcome?.StartsWith("Failed", StringComparison.Ordinal) == true ? "Last run failed"
            : lease.LastFinishedUtc is null ? "Not run yet"
            : "Waiting";
        return new(name, description, status, When(lease.LastStartedUtc), When(lease.LastFinishedUtc), lease.LastOutcome ?? "None", When(lease.NextRunUtc));
    }

    private static string When(DateTime? utc) =>
        utc is { } value ? UkTime.ToUk(value).ToString("d MMMM yyyy 'at' HH:mm:ss", Uk) : "Never";
}
