namespace CoProduce.Web.Domain.Activities;

/// <summary>
/// Where a sign-up stands. Invited: the organiser asked them and they have not answered.
/// Requested: waiting for the organiser. Offered: a free place is held for them to accept.
/// Declined: the organiser said no. Withdrawn: the person gave it up (or said no to an invitation).
/// </summary>
public enum SignUpStatus { Requested, Confirmed, WaitingList, Offered, Declined, Withdrawn, Invited }

public enum Attendance { NotRecorded, Attended, DidNotAttend, CancelledByCouncil }

public sealed record SessionNotes(string? Preparation, string? CheckIn, string? Debrief);

/// <summary>
/// One person's request to take part in one activity (or invitation to), and what became of it.
/// Every change goes through its <see cref="Activity"/>, whose concurrency token guards them all:
/// the mutators here are internal to the domain.
/// </summary>
public sealed class SignUp
{
    private SignUp()
    {
    }

    internal SignUp(int expertProfileId, SignUpStatus status, string whatWouldHelp, DateTime nowUtc)
    {
        ExpertProfileId = expertProfileId;
        WhatWouldHelp = whatWouldHelp;
        Status = status;
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

    /// <summary>Minutes of the activity itself the person took part in (attended only).</summary>
    public int? ActivityMinutes { get; private set; }

    /// <summary>Paid preparation time, in minutes (attended only).</summary>
    public int? PreparationMinutes { get; private set; }

    /// <summary>Paid travel time, in minutes (attended only).</summary>
    public int? TravelMinutes { get; private set; }

    // The fee fixed when the place was confirmed (see Payments.FixedFee), kept as plain columns.
    public int? FeeRateItemId { get; private set; }
    public int? FeeRateVersion { get; private set; }
    public Payments.RateKind? FeeKind { get; private set; }
    public Common.Money? FeeAmount { get; private set; }
    public bool FeePaysPreparation { get; private set; }
    public bool FeePaysTravel { get; private set; }

    /// <summary>The fee this person was promised when their place was confirmed; null when the activity is unpaid.</summary>
    public Payments.FixedFee? FixedFee => FeeRateItemId is { } item && FeeRateVersion is { } version && FeeKind is { } kind && FeeAmount is { } amount
        ? new Payments.FixedFee(item, version, kind, amount, FeePaysPreparation, FeePaysTravel)
        : null;

    public string? AttendanceRecordedByUserId { get; private set; }
    public DateTime? AttendanceRecordedUtc { get; private set; }
    public string? PreparationNotes { get; private set; }
    public string? CheckInNotes { get; private set; }
    public string? DebriefNotes { get; private set; }

    /// <summary>When they asked (or were invited, or asked again).</summary>
    public DateTime RequestedUtc { get; private set; }

    public DateTime UpdatedUtc { get; private set; }
    public DateTime? ReminderSentUtc { get; private set; }

    /// <summary>
    /// The activity date the last reminder was for. When the activity moves to another date, the
    /// person is reminded again for the new one.
    /// </summary>
    public DateOnly? ReminderForDate { get; private set; }

    /// <summary>Still in play: not declined by the organiser nor given up by the person.</summary>
    public bool IsLive => Status is not (SignUpStatus.Withdrawn or SignUpStatus.Declined);

    public TimeGiven? TimeGiven => ActivityMinutes is { } minutes ? new TimeGiven(minutes, PreparationMinutes ?? 0, TravelMinutes ?? 0) : null;

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

    internal void Renew(SignUpStatus status, string whatWouldHelp, DateTime nowUtc)
    {
        WhatWouldHelp = whatWouldHelp;
        DeclineMessage = null;
        // A new sign-up in all but its row: if it leads to a place, they are reminded again.
        ReminderForDate = null;
        ReminderSentUtc = null;
        RequestedUtc = nowUtc;
        SetStatus(status, nowUtc);
    }

    internal void RecordAttendance(Attendance attendance, TimeGiven? time, SessionNotes notes, string recordedByUserId, DateTime nowUtc)
    {
        Attendance = attendance;
        ActivityMinutes = time?.ActivityMinutes;
        PreparationMinutes = time?.PreparationMinutes;
        TravelMinutes = time?.TravelMinutes;
        PreparationNotes = notes.Preparation;
        CheckInNotes = notes.CheckIn;
        DebriefNotes = notes.Debrief;
        AttendanceRecordedByUserId = recordedByUserId;
        AttendanceRecordedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Keeps the fee promised at confirmation (or none), so later rate changes never alter it.</summary>
    internal void FixFee(Payments.FixedFee? fee, DateTime nowUtc)
    {
        FeeRateItemId = fee?.RateItemId;
        FeeRateVersion = fee?.RateVersion;
        FeeKind = fee?.Kind;
        FeeAmount = fee?.Amount;
        FeePaysPreparation = fee?.PaysPreparation ?? false;
        FeePaysTravel = fee?.PaysTravel ?? false;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Whether this person, with a place, still needs a reminder for an activity on that date.</summary>
    public bool NeedsReminderFor(DateOnly activityDate) => Status == SignUpStatus.Confirmed && ReminderForDate != activityDate;

    internal void MarkReminderSent(DateOnly activityDate, DateTime nowUtc)
    {
        ReminderForDate = activityDate;
        ReminderSentUtc = nowUtc;
    }

    /// <summary>
    /// Every free text about the person goes when their consent or information does: what they
    /// said would help, the organiser's message to them and the organiser's notes, any of which
    /// can hold health details. What happened (status, attendance, time) stays.
    /// </summary>
    internal void ErasePersonalText(DateTime nowUtc)
    {
        WhatWouldHelp = string.Empty;
        DeclineMessage = null;
        PreparationNotes = null;
        CheckInNotes = null;
        DebriefNotes = null;
        UpdatedUtc = nowUtc;
    }
}
