using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Commissioning;

/// <summary>
/// A service being commissioned, and its tender. Its value and key-decision flag decide its tier
/// and so the co-production it requires; it moves through Analyse → Plan → Do → Review only when
/// the requirements due by each stage are met.
/// </summary>
public class CommissioningProject : IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int ServiceAreaMaxLength = 100;
    public const int SummaryMaxLength = 2000;
    public const int TierReasonMaxLength = 300;

    /// <summary>Far beyond any council contract; guards against typing mistakes and overflow.</summary>
    public static readonly Money MaximumValue = Money.FromPounds(100_000_000_000m);

    private readonly List<ProjectRequirement> _requirements = [];
    private readonly List<StageMove> _stageMoves = [];

    private CommissioningProject()
    {
    }

    public CommissioningProject(string title, string serviceArea, string summary, string ownerId, Money estimatedValue, bool isKeyDecision, DateTime createdUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        estimatedValue = CheckedValue(estimatedValue);
        Title = title;
        ServiceArea = serviceArea;
        Summary = summary;
        OwnerId = ownerId;
        EstimatedValue = estimatedValue;
        IsKeyDecision = isKeyDecision;
        Stage = CommissioningStage.Analyse;
        CreatedUtc = createdUtc;
        UpdatedUtc = createdUtc;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string ServiceArea { get; private set; } = string.Empty;
    public string Summary { get; private set; } = string.Empty;
    public string OwnerId { get; private set; } = string.Empty;

    /// <summary>Estimated whole-life contract value, including extensions.</summary>
    public Money EstimatedValue { get; private set; }

    public bool IsKeyDecision { get; private set; }
    public CommissioningStage Stage { get; private set; }

    /// <summary>The rule set this project was assessed under (kept, so history is never rewritten).</summary>
    public int? RuleSetId { get; private set; }

    public int RuleSetVersion { get; private set; }
    public int Tier { get; private set; }
    public string TierReason { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public Guid Version { get; set; }

    /// <summary>The project whose Review started this cycle, if this is a next cycle.</summary>
    public int? PreviousProjectId { get; private set; }

    /// <summary>Set on a project in Review once its next cycle has been started (one next cycle per project).</summary>
    public int? NextProjectId { get; private set; }

    public IReadOnlyList<ProjectRequirement> Requirements => _requirements;
    public IReadOnlyList<StageMove> StageMoves => _stageMoves;

    public ProjectRequirement? Requirement(string code) => _requirements.FirstOrDefault(r => r.Code == code);

    /// <summary>
    /// Asks a co-production lead for an exception to one of this project's requirements. It goes
    /// through the project, so that the project's version guards it: two requests made at the
    /// same moment cannot both be saved.
    /// </summary>
    public ExceptionRequest RequestException(string requirementCode, string reason, string requestedByUserId, DateTime nowUtc)
    {
        var requirement = Requirement(requirementCode) ?? throw new ArgumentException($"The project has no requirement {requirementCode}.", nameof(requirementCode));
        var request = requirement.RequestException(reason, requestedByUserId, nowUtc);
        UpdatedUtc = nowUtc;
        return request;
    }

    public void Rename(string title, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        UpdatedUtc = nowUtc;
    }

    public void Describe(string title, string serviceArea, string summary, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        ServiceArea = serviceArea;
        Summary = summary;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// Changes the value or key-decision flag and re-assesses at once under the project's own rule set.
    /// Returns what changed, in plain English (empty when nothing did).
    /// </summary>
    public IReadOnlyList<string> ChangeValue(Money estimatedValue, bool isKeyDecision, TierRuleSet rules, DateTime nowUtc)
    {
        EstimatedValue = CheckedValue(estimatedValue);
        IsKeyDecision = isKeyDecision;
        UpdatedUtc = nowUtc;
        return Assess(rules);
    }

    /// <summary>
    /// Assesses (or re-assesses) the project under a rule set. Existing requirements and their
    /// evidence are kept; newly required items are added as outstanding, even when the project is
    /// already past the stage they were due by (they then show as overdue); items no longer
    /// required are kept but marked so. Returns what changed, in plain English.
    /// </summary>
    public IReadOnlyList<string> Assess(TierRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var assessment = TierAssessor.Assess(EstimatedValue, IsKeyDecision, rules);
        var changes = new List<string>();
        var firstAssessment = Tier == 0;

        if (!firstAssessment && assessment.Tier != Tier)
        {
            changes.Add($"This project is now tier {assessment.Tier} (it was tier {Tier}). {assessment.Reason}.");
        }
        if (!firstAssessment && assessment.RuleSetVersion != RuleSetVersion)
        {
            changes.Add($"Now assessed under rules version {assessment.RuleSetVersion} (it was version {RuleSetVersion}).");
        }

        var requiredCodes = assessment.Required.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in assessment.Required)
        {
            var existing = Requirement(definition.Code);
            if (existing is null)
            {
                _requirements.Add(new ProjectRequirement(definition));
                if (!firstAssessment)
                {
                    changes.Add(NewlyRequired(definition));
                }
            }
            else
            {
                if (!existing.IsRequired && !firstAssessment)
                {
                    changes.Add(NewlyRequired(definition));
                }
                existing.Update(definition, isRequired: true);
            }
        }
        foreach (var requirement in _requirements.Where(r => r.IsRequired && !requiredCodes.Contains(r.Code)))
        {
            requirement.MarkNotRequired();
            changes.Add($"{requirement.ShortName} is no longer required. Anything recorded for it is kept.");
        }

        RuleSetId = rules.Id == 0 ? RuleSetId : rules.Id;
        RuleSetVersion = assessment.RuleSetVersion;
        Tier = assessment.Tier;
        TierReason = assessment.Reason;
        return changes;
    }

    /// <summary>Why the next cycle cannot be started from this project, or null when it can.</summary>
    public string? WhyNoNextCycle() => Stage != CommissioningStage.Review
        ? "The next cycle can be started once the project is in Review."
        : NextProjectId is not null ? "The next cycle has already been started from this project." : null;

    /// <summary>
    /// Starts the next commissioning cycle: a new project in Analyse, linked to this one, with the same
    /// service area, value and key-decision flag, assessed under the current rules. The caller saves
    /// it, then calls <see cref="LinkNextCycle"/> with its id, and carries the themes forward.
    /// </summary>
    public CommissioningProject StartNextCycle(string title, string ownerId, TierRuleSet currentRules, DateTime nowUtc)
    {
        if (WhyNoNextCycle() is { } why)
        {
            throw new InvalidOperationException(why);
        }
        var next = new CommissioningProject(title, ServiceArea, Summary, ownerId, EstimatedValue, IsKeyDecision, nowUtc)
        {
            PreviousProjectId = Id,
        };
        next.Assess(currentRules);
        return next;
    }

    public void LinkNextCycle(int nextProjectId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nextProjectId, 1);
        if (WhyNoNextCycle() is { } why)
        {
            throw new InvalidOperationException(why);
        }
        NextProjectId = nextProjectId;
        UpdatedUtc = nowUtc;
    }

    public GateResult CheckLeavingStage() => StageGate.CheckLeaving(Stage, _requirements);

    /// <summary>Moves to the next stage when the gate allows, recording who, when and why.</summary>
    public GateResult MoveToNextStage(string byUserId, string note, DateTime nowUtc)
    {
        var gate = CheckLeavingStage();
        if (!gate.MayLeave)
        {
            return gate;
        }
        var next = Stage.Next()!.Value;
        _stageMoves.Add(new StageMove(Stage, next, byUserId, nowUtc, note));
        Stage = next;
        UpdatedUtc = nowUtc;
        return gate;
    }

    private string NewlyRequired(RequirementDefinition definition) =>
        definition.DueBy < Stage
            ? $"Now required: {definition.ShortName}, by the end of {definition.DueBy}. This is overdue: the project is past {definition.DueBy}."
            : $"Now required: {definition.ShortName}, by the end of {definition.DueBy}.";

    /// <summary>The value, if it is allowed: £0 or more, and no more than <see cref="MaximumValue"/>.</summary>
    private static Money CheckedValue(Money value)
    {
        if (value.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A project's value is never negative.");
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaximumValue);
        return value;
    }
}

/// <summary>A recorded move from one stage to the next.</summary>
public sealed class StageMove
{
    public const int NoteMaxLength = 1000;

    private StageMove()
    {
    }

    internal StageMove(CommissioningStage from, CommissioningStage to, string byUserId, DateTime atUtc, string note)
    {
        From = from;
        To = to;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Note = note;
    }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public CommissioningStage From { get; private set; }
    public CommissioningStage To { get; private set; }
    public string ByUserId { get; private set; } = string.Empty;
    public DateTime AtUtc { get; private set; }
    public string Note { get; private set; } = string.Empty;
}
