using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Retention;
using CoProduce.Web.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.Retention;

/// <summary>When the daily job last ran, from its lease row.</summary>
public sealed record RetentionJobStatus(DateTime? LastStartedUtc, DateTime? LastFinishedUtc, string? LastOutcome, DateTime NextRunUtc);

/// <summary>One run of the policy from the audit log.</summary>
public sealed record RetentionRunRow(DateTime AtUtc, string By, string Summary);

/// <summary>The lead's retention page: the policy in words, the dry run, the job, the last runs and the form to run it now.</summary>
public sealed record RetentionPage(
    RetentionOptions Settings, RetentionReport Report, RetentionJobStatus? Job, IReadOnlyList<RetentionRunRow> Runs, bool Understood)
{
    public const int RunsShown = 5;

    public const string AuditLink = "/audit?act=" + AuditActions.RetentionRun;

    /// <summary>The address of this page with one rule's table on another page, the others where they were.</summary>
    public string Link(RetentionRule rule, int page)
    {
        var parts = Report.Rules
            .Select(r => (r.Rule, Page: r.Rule == rule ? page : r.Paging.Page))
            .Where(p => p.Page > 1)
            .Select(p => $"{RetentionWords.Slug(p.Rule)}Page={p.Page}");
        var query = string.Join("&", parts);
        return "/retention" + (query.Length == 0 ? string.Empty : "?" + query) + $"#{RetentionWords.Slug(rule)}";
    }
}

/// <summary>Reads the retention page: a fixed number of SQL commands whatever the data.</summary>
public sealed class RetentionPages(CoProduceDbContext db, RetentionService retention, IOptions<RetentionOptions> options)
{
    public async Task<RetentionPage> ReadAsync(IReadOnlyDictionary<RetentionRule, int> pages, bool understood, CancellationToken cancellationToken)
    {
        var report = await retention.PlanAsync(retention.Today, pages, cancellationToken);
        var job = await db.JobLeases.AsNoTracking().Where(j => j.Name == RetentionJob.JobName)
            .Select(j => new RetentionJobStatus(j.LastStartedUtc, j.LastFinishedUtc, j.LastOutcome, j.NextRunUtc))
            .SingleOrDefaultAsync(cancellationToken);
        var runs = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.RetentionRun)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(RetentionPage.RunsShown)
            .Select(a => new
            {
                a.AtUtc,
                a.ByUserId,
                By = db.Users.Where(u => u.Id == a.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                a.Summary,
            })
            .ToListAsync(cancellationToken);
        return new RetentionPage(options.Value, report, job,
            runs.Select(r => new RetentionRunRow(r.AtUtc, r.By ?? (r.ByUserId == RetentionService.SystemUserId ? "The daily run" : "Someone no longer listed"), r.Summary)).ToList(),
            understood);
    }
}
