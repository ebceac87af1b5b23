using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Commissioning;

/// <summary>
/// Loads and saves commissioning projects. The domain decides (tiers, gates, exceptions); this
/// class fetches what it needs, writes the audit log beside each change, and saves once.
/// </summary>
public sealed class ProjectService(CoProduceDbContext db, TimeProvider clock, IFileStore files)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<CommissioningProject?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.CommissioningProjects
            .Include(p => p.Requirements).ThenInclude(r => r.Evidence).ThenInclude(e => e.Attachments)
            .Include(p => p.Requirements).ThenInclude(r => r.Exceptions)
            .Include(p => p.StageMoves)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<TierRuleSet> CurrentRulesAsync(CancellationToken cancellationToken) =>
        db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync(cancellationToken);

    public async Task<TierRuleSet> RulesOfAsync(CommissioningProject project, CancellationToken cancellationToken) =>
        await db.TierRuleSets.SingleOrDefaultAsync(r => r.Id == project.RuleSetId, cancellationToken)
        ?? await CurrentRulesAsync(cancellationToken);

    public async Task<int> CreateAsync(ProjectDetails details, string userId, CancellationToken cancellationToken)
    {
        var rules = await CurrentRulesAsync(cancellationToken);
        var project = new CommissioningProject(details.Title, details.ServiceArea, details.Summary, userId, details.Value, details.IsKeyDecision, Now);
        project.Assess(rules);
        db.CommissioningProjects.Add(project);
        // The project needs its id before the audit entry can name it: two saves, one transaction,
        // run through the execution strategy because SQL Server's retrying strategy requires it.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ProjectCreated,
                $"Project created. {project.TierReason}.", userId, Now, after: Describe(project)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return project.Id;
    }

    /// <summary>Saves edited details; a new value or key-decision flag re-assesses at once. Returns what changed.</summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(CommissioningProject project, ProjectDetails details, Guid editedVersion, string userId, CancellationToken cancellationToken)
    {
        // The form was filled in from this version: if someone has saved since, refuse rather than overwrite.
        db.Entry(project).Property(p => p.Version).OriginalValue = editedVersion;
        var before = Describe(project);
        var changes = new List<string>();
        if (details.Title != project.Title || details.ServiceArea != project.ServiceArea || details.Summary != project.Summary)
        {
            project.Describe(details.Title, details.ServiceArea, details.Summary, Now);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ProjectDetailsChanged, "Project details changed.", userId, Now, before, Describe(project)));
        }
        if (details.Value != project.EstimatedValue || details.IsKeyDecision != project.IsKeyDecision)
        {
            var valueBefore = ValueText(project);
            var tierBefore = project.Tier;
            changes.AddRange(project.ChangeValue(details.Value, details.IsKeyDecision, await RulesOfAsync(project, cancellationToken), Now));
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ValueChanged,
                $"Value or key decision changed: tier {tierBefore} to tier {project.Tier}. " + string.Join(" ", changes),
                userId, Now, valueBefore, ValueText(project)));
        }
        await db.SaveChangesAsync(cancellationToken);
        return changes;
    }

    public async Task AddEvidenceAsync(CommissioningProject project, ProjectRequirement requirement, NewEvidence evidence, string userId, CancellationToken cancellationToken)
    {
        var added = StageEvidence(project, requirement, evidence with { Files = [] }, userId, evidence.Files.Count);
        foreach (var file in evidence.Files)
        {
            await using var stream = file.Open();
            var key = await files.SaveAsync(stream, cancellationToken);
            added.Attach(new EvidenceAttachment(file.SafeFileName, file.ContentType, file.Length, key));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds evidence without files, and its audit entry, to be saved with the caller's next save:
    /// for evidence that must be saved together with another change.
    /// </summary>
    public Evidence StageEvidence(CommissioningProject project, ProjectRequirement requirement, NewEvidence evidence, string userId)
    {
        if (evidence.Files.Count > 0)
        {
            throw new ArgumentException("Evidence with files is added by AddEvidenceAsync.", nameof(evidence));
        }
        return StageEvidence(project, requirement, evidence, userId, 0);
    }

    private Evidence StageEvidence(CommissioningProject project, ProjectRequirement requirement, NewEvidence evidence, string userId, int fileCount)
    {
        var added = requirement.AddEvidence(evidence.WhatWasDone, evidence.DoneOn, evidence.LivedExperienceCount, evidence.Notes, userId, Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.EvidenceAdded,
            $"Evidence added for {requirement.Code} ({requirement.ShortName}): {evidence.WhatWasDone}", userId, Now,
            after: $"{evidence.DoneOn:d MMMM yyyy}; {evidence.LivedExperienceCount} people with lived experience; {fileCount} file(s)"));
        return added;
    }

    public async Task RequestExceptionAsync(CommissioningProject project, ProjectRequirement requirement, string reason, string userId, CancellationToken cancellationToken)
    {
        project.RequestException(requirement.Code, reason, userId, Now);
        // Saved as a change of the project even when the clock has not moved, so its version is checked.
        db.Entry(project).Property(p => p.UpdatedUtc).IsModified = true;
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ExceptionRequested,
            $"Exception requested for {requirement.Code} ({requirement.ShortName}).", userId, Now, after: reason));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<GateResult> MoveToNextStageAsync(CommissioningProject project, string note, string userId, CancellationToken cancellationToken)
    {
        var from = project.Stage;
        var gate = project.MoveToNextStage(userId, note, Now);
        if (gate.MayLeave)
        {
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.StageMoved,
                $"Moved from {from} to {project.Stage}." + (string.IsNullOrWhiteSpace(note) ? string.Empty : " " + note),
                userId, Now, from.ToString(), project.Stage.ToString()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return gate;
    }

    public async Task<Stream?> OpenAttachmentAsync(string storageKey, CancellationToken cancellationToken) =>
        await files.OpenAsync(storageKey, cancellationToken);

    private static string ValueText(CommissioningProject p) =>
        $"{p.EstimatedValue.Format()}{(p.IsKeyDecision ? ", key decision" : string.Empty)} (tier {p.Tier})";

    private static string Describe(CommissioningProject p) =>
        $"{p.Title}; {p.ServiceArea}; {ValueText(p)}";
}

public sealed record ProjectDetails(string Title, string ServiceArea, string Summary, Money Value, bool IsKeyDecision);

public sealed record NewEvidence(string WhatWasDone, DateOnly DoneOn, int LivedExperienceCount, string Notes, IReadOnlyList<CheckedFile> Files);

/// <summary>An uploaded file that has passed <see cref="AttachmentRules"/>.</summary>
public sealed record CheckedFile(string SafeFileName, string ContentType, long Length, Func<Stream> Open);
