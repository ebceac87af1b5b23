using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Features.Commissioning;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.NextCycle;

/// <summary>What starting the next cycle did: the new project's id, or why it could not be started.</summary>
public sealed record NextCycleOutcome(int? NewProjectId, string? Refusal);

/// <summary>
/// Starts the next commissioning cycle from a project in Review: a new project in Analyse, owned by
/// the person starting it and assessed under the current rules, linked both ways, with the old
/// project's live themes carried forward (their names, root causes and what success looks like;
/// never their answers). Audited on both projects, in one transaction.
/// </summary>
public sealed class NextCycleService(CoProduceDbContext db, ProjectService projects, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<NextCycleOutcome> StartAsync(CommissioningProject project, string title, string userId, CancellationToken cancellationToken)
    {
        if (project.WhyNoNextCycle() is { } why)
        {
            return new(null, why);
        }
        var rules = await projects.CurrentRulesAsync(cancellationToken);
        var themes = await db.FeedbackThemes.AsNoTracking()
            .Where(t => t.ProjectId == project.Id && t.MergedIntoThemeId == null)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var next = project.StartNextCycle(title, userId, rules, Now);
        db.CommissioningProjects.Add(next);

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The new project needs its id before the old one can point to it and the themes can join it.
            await db.SaveChangesAsync(cancellationToken);
            project.LinkNextCycle(next.Id, Now);
            foreach (var theme in themes)
            {
                var carried = new FeedbackTheme(next.Id, theme.Name, userId, Now, carriedFromThemeId: theme.Id);
                carried.Understand(theme.RootCauses, theme.SuccessLooksLike, Now);
                db.FeedbackThemes.Add(carried);
            }
            var carriedText = themes.Count == 1 ? "1 theme carried forward" : $"{themes.Count} themes carried forward";
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.NextCycleStarted,
                $"Next cycle started as project {next.Id}; {carriedText}.", userId, Now, after: next.Title));
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(next.Id), next.Id, AuditActions.NextCycleStarted,
                $"Started as the next cycle of project {project.Id}, in Analyse; {carriedText}. {next.TierReason}.", userId, Now, before: project.Title, after: next.Title));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return new(next.Id, null);
    }
}
