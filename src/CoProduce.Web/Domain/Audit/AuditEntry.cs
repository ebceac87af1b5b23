namespace CoProduce.Web.Domain.Audit;

/// <summary>
/// One line of the append-only audit log: who did what, when, with the value before and after.
/// Entries are only ever added; the data layer refuses to change or delete one.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 50;
    public const int SummaryMaxLength = 1000;
    public const int ValueMaxLength = 4000;

    private AuditEntry()
    {
    }

    public AuditEntry(int? projectId, string action, string summary, string byUserId, DateTime atUtc, string? before = null, string? after = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ProjectId = projectId;
        Action = action;
        Summary = Truncate(summary, SummaryMaxLength)!;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Before = Truncate(before, ValueMaxLength);
        After = Truncate(after, ValueMaxLength);
    }

    public long Id { get; private set; }

    /// <summary>The project it is about, if any (a rule-set change is about no one project).</summary>
    public int? ProjectId { get; private set; }

    public string Action { get; private set; } = string.Empty;
    public string Summary { get; private set; } = string.Empty;
    public string ByUserId { get; private set; } = string.Empty;
    public DateTime AtUtc { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

/// <summary>The kinds of thing the audit log records.</summary>
public static class AuditActions
{
    public const string ProjectCreated = "ProjectCreated";
    public const string ProjectDetailsChanged = "ProjectDetailsChanged";
    public const string ValueChanged = "ValueChanged";
    public const string StageMoved = "StageMoved";
    public const string EvidenceAdded = "EvidenceAdded";
    public const string ExceptionRequested = "ExceptionRequested";
    public const string ExceptionDecided = "ExceptionDecided";
    public const string RuleSetPublished = "RuleSetPublished";
    public const string ProjectReassessed = "ProjectReassessed";
}
