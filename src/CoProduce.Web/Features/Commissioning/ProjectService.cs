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
        // The project needs its id before the audit entry can name it.
        await InOneTransactionAsync(
            () => db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ProjectCreated,
                $"Project created. {project.TierReason}.", userId, Now, after: Describe(project))),
            cancellationToken);
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
        var added = requirement.AddEvidence(evidence.WhatWasDone, evidence.DoneOn, evidence.LivedExperienceCount, evidence.Notes, userId, Now, evidence.ActivityId);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.EvidenceAdded,
            $"Evidence added for {requirement.Code} ({requirement.ShortName}): {evidence.WhatWasDone}", userId, Now,
            after: $"{evidence.DoneOn:d MMMM yyyy}; {evidence.LivedExperienceCount} people with lived experience; {fileCount} file(s)"
                + (evidence.ActivityId is { } activityId ? $"; recorded from activity {activityId}" : string.Empty)));
        return added;
    }

    /// <summary>
    /// Asks a co-production lead to excuse a requirement. Returns why it cannot be asked for (already
    /// met, or already waiting for a decision), or null when it was asked for and saved.
    /// </summary>
    public async Task<string?> RequestExceptionAsync(CommissioningProject project, ProjectRequirement requirement, string reason, string userId, CancellationToken cancellationToken)
    {
        if (requirement.IsMet)
        {
            return $"{requirement.ShortName} is already met, so it needs no exception";
        }
        if (requirement.Status == RequirementStatus.ExceptionRequested)
        {
            return "An exception for this is already waiting for a co-production lead's decision";
        }
        var request = project.RequestException(requirement.Code, reason, userId, Now);
        // Saved as a change of the project even when the clock has not moved, so its version is
        // checked: two people asking at the same moment cannot both succeed.
        db.Entry(project).Property(p => p.UpdatedUtc).IsModified = true;
        // The audit entry names the request, which has an id only once it is saved.
        await InOneTransactionAsync(
            () => db.AuditEntries.Add(new AuditEntry(AuditSubject.Exception(request.Id), project.Id, AuditActions.ExceptionRequested,
                $"Exception requested for {requirement.Code} ({requirement.ShortName}).", userId, Now, after: reason)),
            cancellationToken);
        return null;
    }

    /// <summary>
    /// A co-production lead approves or declines an exception request, with a reason. Returns the
    /// outcome, with the domain's reason when the decision is not allowed.
    /// </summary>
    public async Task<ExceptionDecisionOutcome> DecideExceptionAsync(int requestId, ExceptionDecision decision, string reason, string userId, bool isCoProductionLead, CancellationToken cancellationToken)
    {
        var request = await db.ExceptionRequests.Include(x => x.Requirement).SingleOrDefaultAsync(x => x.Id == requestId, cancellationToken);
        if (request is null)
        {
            return ExceptionDecisionOutcome.NotFound;
        }
        try
        {
            request.Decide(decision, reason, userId, isCoProductionLead, Now);
        }
        catch (ExceptionDecisionRefusedException refused)
        {
            return new(ExceptionDecisionOutcome.Kind.Refused, refused.Message);
        }
        var requirement = request.Requirement;
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Exception(request.Id), requirement.ProjectId, AuditActions.ExceptionDecided,
            $"Exception for {requirement.Code} ({requirement.ShortName}) {(decision == ExceptionDecision.Approved ? "approved" : "declined")}.",
            userId, Now, "Requested: " + request.Reason, "Decision: " + reason));
        await db.SaveChangesAsync(cancellationToken);
        return ExceptionDecisionOutcome.Decided;
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

    /// <summary>
    /// Saves the pending change, then adds its audit entry (which needs the new row's id) and saves
    /// again: two saves in one transaction, so both are kept or neither. It runs through the
    /// execution strategy because SQL Server's retrying strategy requires it.
    /// </summary>
    private Task InOneTransactionAsync(Action addAuditEntry, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            addAuditEntry();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    private static string ValueText(CommissioningProject p) =>
        $"{p.EstimatedValue.Format()}{(p.IsKeyDecision ? ", key decision" : string.Empty)} (tier {p.Tier})";

    private static string Describe(CommissioningProject p) =>
        $"{p.Title}; {p.ServiceArea}; {ValueText(p)}";
}

public sealed record ProjectDetails(string Title, string ServiceArea, string Summary, Money Value, bool IsKeyDecision);

/// <param name="ActivityId">The activity the evidence was recorded from, if it was.</param>
public sealed record NewEvidence(string WhatWasDone, DateOnly DoneOn, int LivedExperienceCount, string Notes, IReadOnlyList<CheckedFile> Files, int? ActivityId = null);

/// <summary>What happened to a decision on an exception: decided, refused (with the reason), or no such request.</summary>
public sealed record ExceptionDecisionOutcome(ExceptionDecisionOutcome.Kind Result, string? Refusal = null)
{
    public enum Kind { Decided, Refused, NotFound }

    public static readonly ExceptionDecisionOutcome Decided = new(Kind.Decided);
    public static readonly ExceptionDecisionOutcome NotFound = new(Kind.NotFound);
}

/// <summary>An uploaded file that has passed <see cref="AttachmentRules"/>.</summary>
public sealed record CheckedFile(string SafeFileName, string ContentType, long Length, Func<Stream> Open);
