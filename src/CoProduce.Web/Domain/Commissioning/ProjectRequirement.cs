using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Commissioning;

public enum RequirementStatus
{
    Outstanding,
    Evidenced,
    ExceptionRequested,
    ExceptionApproved,
    ExceptionDeclined,
}

/// <summary>
/// One required piece of co-production on one project, copied from the rule set it was assessed
/// under. Its status comes from its evidence and exceptions: evidence meets it; otherwise the
/// latest exception decides.
/// </summary>
public sealed class ProjectRequirement
{
    private readonly List<Evidence> _evidence = [];
    private readonly List<ExceptionRequest> _exceptions = [];

    private ProjectRequirement()
    {
    }

    internal ProjectRequirement(RequirementDefinition definition)
    {
        Code = definition.Code;
        ShortName = definition.ShortName;
        Wording = definition.Wording;
        DueBy = definition.DueBy;
        IsRequired = true;
    }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string ShortName { get; private set; } = string.Empty;
    public string Wording { get; private set; } = string.Empty;
    public CommissioningStage DueBy { get; private set; }

    /// <summary>False when a re-assessment (a lower value, say) no longer requires it. Its evidence is kept.</summary>
    public bool IsRequired { get; private set; }

    public IReadOnlyList<Evidence> Evidence => _evidence;
    public IReadOnlyList<ExceptionRequest> Exceptions => _exceptions;

    public ExceptionRequest? LatestException => _exceptions.OrderByDescending(e => e.RequestedUtc).ThenByDescending(e => e.Id).FirstOrDefault();

    public RequirementStatus Status
    {
        get
        {
            if (_evidence.Count > 0)
            {
                return RequirementStatus.Evidenced;
            }
            return LatestException switch
            {
                null => RequirementStatus.Outstanding,
                { Decision: null } => RequirementStatus.ExceptionRequested,
                { Decision: ExceptionDecision.Approved } => RequirementStatus.ExceptionApproved,
                _ => RequirementStatus.ExceptionDeclined,
            };
        }
    }

    /// <summary>Met means the stage gate lets it pass: evidenced, or excepted by a lead.</summary>
    public bool IsMet => Status is RequirementStatus.Evidenced or RequirementStatus.ExceptionApproved;

    /// <summary>
    /// Due in Review: an ongoing item (lived-experience input to contract monitoring each quarter, say)
    /// that is recorded again and again and never blocks, because Review is the last stage.
    /// </summary>
    public bool IsOngoing => DueBy == CommissioningStage.Review;

    /// <summary>Required, not met, and the project is already past the stage it was due by. Ongoing items are never overdue.</summary>
    public bool IsOverdue(CommissioningStage projectStage) => IsRequired && !IsOngoing && !IsMet && DueBy < projectStage;

    internal void Update(RequirementDefinition definition, bool isRequired)
    {
        ShortName = definition.ShortName;
        Wording = definition.Wording;
        DueBy = definition.DueBy;
        IsRequired = isRequired;
    }

    internal void MarkNotRequired() => IsRequired = false;

    /// <param name="activityId">The activity it was recorded from, when it was; null for evidence typed in by hand.</param>
    public Evidence AddEvidence(string whatWasDone, DateOnly doneOn, int livedExperienceCount, string notes, string addedByUserId, DateTime nowUtc, int? activityId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(whatWasDone);
        ArgumentOutOfRangeException.ThrowIfNegative(livedExperienceCount);
        if (activityId is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(activityId), "Evidence can only be recorded from an activity that has been saved.");
        }
        var evidence = new Evidence(whatWasDone, doneOn, livedExperienceCount, notes, addedByUserId, nowUtc, activityId);
        _evidence.Add(evidence);
        return evidence;
    }

    /// <summary>Asks a co-production lead to excuse this requirement. Not when it is met or already waiting.</summary>
    public ExceptionRequest RequestException(string reason, string requestedByUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsMet)
        {
            throw new InvalidOperationException($"{Code} is already met: it needs no exception.");
        }
        if (Status == RequirementStatus.ExceptionRequested)
        {
            throw new InvalidOperationException($"An exception for {Code} is already waiting for a decision.");
        }
        var exception = new ExceptionRequest(reason, requestedByUserId, nowUtc);
        _exceptions.Add(exception);
        return exception;
    }
}

/// <summary>What was done to meet a requirement, when, and with how many people with lived experience.</summary>
public sealed class Evidence
{
    public const int WhatWasDoneMaxLength = 2000;
    public const int NotesMaxLength = 2000;

    private readonly List<EvidenceAttachment> _attachments = [];

    private Evidence()
    {
    }

    internal Evidence(string whatWasDone, DateOnly doneOn, int livedExperienceCount, string notes, string addedByUserId, DateTime addedUtc, int? activityId)
    {
        ActivityId = activityId;
        WhatWasDone = whatWasDone;
        DoneOn = doneOn;
        LivedExperienceCount = livedExperienceCount;
        Notes = notes;
        AddedByUserId = addedByUserId;
        AddedUtc = addedUtc;
    }

    public int Id { get; private set; }
    public int ProjectRequirementId { get; private set; }
    public string WhatWasDone { get; private set; } = string.Empty;
    public DateOnly DoneOn { get; private set; }
    public int LivedExperienceCount { get; private set; }
    public string Notes { get; private set; } = string.Empty;
    public string AddedByUserId { get; private set; } = string.Empty;
    public DateTime AddedUtc { get; private set; }

    /// <summary>The activity this evidence was recorded from, if it was; null when someone typed it in.</summary>
    public int? ActivityId { get; private set; }

    public IReadOnlyList<EvidenceAttachment> Attachments => _attachments;

    public void Attach(EvidenceAttachment attachment) => _attachments.Add(attachment);
}

/// <summary>A file kept in the file store (not the database), with its checked type and a safe name.</summary>
public sealed class EvidenceAttachment
{
    private EvidenceAttachment()
    {
    }

    public EvidenceAttachment(string fileName, string contentType, long sizeBytes, string storageKey)
    {
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
    }

    public int Id { get; private set; }
    public int EvidenceId { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = string.Empty;
}

public enum ExceptionDecision
{
    Approved,
    Declined,
}

/// <summary>A request to excuse a requirement, and a co-production lead's written decision on it.</summary>
public sealed class ExceptionRequest : IConcurrencyVersioned
{
    public const int ReasonMaxLength = 2000;

    private ExceptionRequest()
    {
    }

    internal ExceptionRequest(string reason, string requestedByUserId, DateTime requestedUtc)
    {
        Reason = reason;
        RequestedByUserId = requestedByUserId;
        RequestedUtc = requestedUtc;
    }

    public int Id { get; private set; }
    public int ProjectRequirementId { get; private set; }
    public ProjectRequirement Requirement { get; private set; } = null!;
    public string Reason { get; private set; } = string.Empty;
    public string RequestedByUserId { get; private set; } = string.Empty;
    public DateTime RequestedUtc { get; private set; }
    public ExceptionDecision? Decision { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public DateTime? DecidedUtc { get; private set; }

    /// <summary>Two leads deciding at the same moment: the second save is refused, not silently applied.</summary>
    public Guid Version { get; set; }

    /// <summary>
    /// A lead decides, with a written reason. Nobody decides on an exception they asked for,
    /// lead or not: that is the point of asking.
    /// </summary>
    public void Decide(ExceptionDecision decision, string reason, string deciderUserId, bool deciderIsCoProductionLead, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!deciderIsCoProductionLead)
        {
            throw new ExceptionDecisionRefusedException("Only a co-production lead can decide on an exception.");
        }
        if (deciderUserId == RequestedByUserId)
        {
            throw new ExceptionDecisionRefusedException("You asked for this exception, so another co-production lead must decide on it.");
        }
        if (Decision is not null)
        {
            throw new ExceptionDecisionRefusedException("This exception has already been decided.");
        }
        Decision = decision;
        DecisionReason = reason;
        DecidedByUserId = deciderUserId;
        DecidedUtc = nowUtc;
    }
}

/// <summary>A decision on an exception that the rules do not allow.</summary>
public sealed class ExceptionDecisionRefusedException(string message) : InvalidOperationException(message);
