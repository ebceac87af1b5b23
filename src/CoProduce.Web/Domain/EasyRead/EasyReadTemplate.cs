namespace CoProduce.Web.Domain.EasyRead;

/// <summary>The easy-read documents the portal makes. Each is a template filled from the data.</summary>
public enum EasyReadDocumentKind
{
    /// <summary>An invitation to one activity, for one person.</summary>
    Invitation,

    /// <summary>A person's own bookings: what they have signed up for.</summary>
    Bookings,

    /// <summary>The public programme of activities open to sign up.</summary>
    Programme,

    /// <summary>A person's own payments for one tax year.</summary>
    Payments,

    /// <summary>How the council pays people for their time, and their costs.</summary>
    HowWePay,

    /// <summary>What people said about a project and what the council did about it.</summary>
    YouSaidWeDid,
}

/// <summary>
/// One easy-read template and when it was last checked with people with a learning disability,
/// at which activity. Suffolk's easy-read version was itself co-produced: a template nobody has
/// checked with the people it is for is shown to the lead as not checked yet.
/// </summary>
public sealed class EasyReadTemplate
{
    public const int NoteMaxLength = 1000;

    private EasyReadTemplate()
    {
    }

    public EasyReadTemplate(EasyReadDocumentKind kind) => Kind = kind;

    public EasyReadDocumentKind Kind { get; private set; }

    /// <summary>The day of the last check; null when it has never been checked.</summary>
    public DateOnly? LastCheckedOn { get; private set; }

    /// <summary>The activity at which people checked it.</summary>
    public int? CheckedAtActivityId { get; private set; }

    /// <summary>What people said, and what was changed because of it.</summary>
    public string? Note { get; private set; }

    public string? RecordedByUserId { get; private set; }

    public DateTime? RecordedUtc { get; private set; }

    public bool WasEverChecked => LastCheckedOn is not null;

    /// <summary>
    /// Records a check with people at an activity that has taken place. A check cannot be in the
    /// future, nor before the activity it was done at.
    /// </summary>
    public void RecordCheck(DateOnly checkedOn, int activityId, DateOnly activityDate, string? note, string byUserId, DateOnly today, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        if (ProblemWithCheck(checkedOn, activityDate, today) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(checkedOn), problem);
        }
        LastCheckedOn = checkedOn;
        CheckedAtActivityId = activityId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedByUserId = byUserId;
        RecordedUtc = nowUtc;
    }

    /// <summary>Why a check on this day cannot be recorded, in the words the form shows, or null when it can.</summary>
    /// <summary>
    /// What is wrong with recording this check on this template, if anything: the day rules, and
    /// "last checked" never goes back to an earlier check than one already recorded.
    /// </summary>
    public string? ProblemWithCheck(DateOnly checkedOn, DateOnly activityDate, DateOnly today) =>
        ProblemWith(checkedOn, activityDate, today)
        ?? (LastCheckedOn is { } last && checkedOn < last
            ? $"A later check is already recorded, on {last.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}. Enter that day or a later one"
            : null);

    public static string? ProblemWith(DateOnly checkedOn, DateOnly activityDate, DateOnly today) =>
        checkedOn > today ? "The date of the check must be today or in the past"
        : checkedOn < activityDate ? "The date of the check must be on or after the day of the activity"
        : null;
}
