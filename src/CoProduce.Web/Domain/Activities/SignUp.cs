namespace CoProduce.Web.Domain.Activities;

public enum SignUpStatus { Requested, Confirmed, WaitingList, Offered, Declined, Withdrawn }

public enum Attendance { NotRecorded, Attended, DidNotAttend, CancelledByCouncil }

public sealed record SessionNotes(string? Preparation, string? CheckIn, string? Debrief);

/// <summary>One person's request to take part in one activity, and what became of it.</summary>
public sealed class SignUp
{
    private SignUp()
    {
    }

    internal SignUp(int expertProfileId, string whatWouldHelp, DateTime nowUtc)
    {
        ExpertProfileId = expertProfileId;
        WhatWouldHelp = whatWouldHelp;
        Status = SignUpStatus.Requested;
        RequestedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ActivityId { get; private set; }
    public int ExpertProfileId { get; private set; }
    public string WhatWouldHelp { get; private set; } = string.Empty;
    public SignUpStatus Status { get; private set; }
    public string? DeclineMessage { get; private set; }
    public Attendance Attendance { get; private set; }
    public decimal? Hours { get; private set; }
    public string? PreparationNotes { get; private set; }
    public string? CheckInNotes { get; private set; }
    public string? DebriefNotes { get; private set; }
    public DateTime RequestedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public DateTime? ReminderSentUtc { get; private set; }

    /// <summary>
    /// The activity date the last reminder was for. When the activity moves to another date, the
    /// person is reminded again for the new one.
    /// </summary>
    public DateOnly? ReminderForDate { get; private set; }

    internal void SetStatus(SignUpStatus status, DateTime nowUtc)
    {
        Status = status;
        UpdatedUtc = nowUtc;
    }

    internal void Decline(string message, DateTime nowUtc)
    {
        DeclineMessage = message;
        SetStatus(SignUpStatus.Declined, nowUtc);
    }

    internal void Renew(string whatWouldHelp, DateTime nowUtc)
    {
        WhatWouldHelp = whatWouldHelp;
        DeclineMessage = null;
        RequestedUtc = nowUtc;
        SetStatus(SignUpStatus.Requested, nowUtc);
    }

    internal void RecordAttendance(Attendance attendance, decimal? hours, SessionNotes notes, DateTime nowUtc)
    {
        Attendance = attendance;
        Hours = hours;
        PreparationNotes = notes.Preparation;
        CheckInNotes = notes.CheckIn;
        DebriefNotes = notes.Debrief;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Whether this person, with a place, still needs a reminder for an activity on that date.</summary>
    public bool NeedsReminderFor(DateOnly activityDate) => Status == SignUpStatus.Confirmed && ReminderForDate != activityDate;

    public void MarkReminderSent(DateOnly activityDate, DateTime nowUtc)
    {
        if (!NeedsReminderFor(activityDate))
        {
            throw new ActivityRuleException("This person has already been reminded about this date, or has no place.");
        }
        ReminderForDate = activityDate;
        ReminderSentUtc = nowUtc;
    }

    /// <summary>
    /// Every free text about the person goes when their consent or information does: what they
    /// said would help, the organiser's message to them and the organiser's notes, any of which
    /// can hold health details. What happened (status, attendance, hours) stays.
    /// </summary>
    public void ErasePersonalText(DateTime nowUtc)
    {
        WhatWouldHelp = string.Empty;
        DeclineMessage = null;
        PreparationNotes = null;
        CheckInNotes = null;
        DebriefNotes = null;
        UpdatedUtc = nowUtc;
    }
}
