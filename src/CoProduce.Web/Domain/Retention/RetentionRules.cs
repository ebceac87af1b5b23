using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.Web.Domain.Retention;

/// <summary>How long the portal keeps each kind of information, in whole years (the council's retention schedule).</summary>
public sealed record RetentionPolicy(int ExpertsInactiveYears, int ReceiptsKeepYears, int FinanceRecordsKeepYears, int NoteSpeakersKeepYears)
{
    public static readonly RetentionPolicy Default = new(3, 6, 6, 2);
}

/// <summary>The rules the daily run applies, one per kind of thing it does.</summary>
public enum RetentionRule
{
    /// <summary>An expert by experience inactive for the whole period is anonymised.</summary>
    InactivePerson,

    /// <summary>A receipt's file is deleted once the finance retention period after its claim finished has passed.</summary>
    Receipt,

    /// <summary>A note of what someone said forgets who said it, some time after its activity.</summary>
    NoteSpeaker,

    /// <summary>A deleted person's bank details go as soon as no claim still has to be paid into their account.</summary>
    DeletedPersonsBankDetails,
}

/// <summary>Everything the portal knows about when a person last did something, in UTC (dates of activities as UK dates).</summary>
public sealed record PersonActivityFacts(
    bool IsStaff,
    bool IsAnonymised,
    DateTime ProfileCreatedUtc,
    DateTime ProfileUpdatedUtc,
    DateTime? LastSignInUtc,
    DateOnly? LatestActivityDate,
    DateTime? LatestClaimUtc,
    bool HasClaimStillOpen);

/// <summary>What the retention policy says about a person today.</summary>
public enum PersonRetention
{
    /// <summary>Active within the period: kept.</summary>
    Kept,

    /// <summary>Inactive for the whole period: anonymise.</summary>
    Due,

    /// <summary>Staff accounts are never anonymised by age: only experts by experience are.</summary>
    Staff,

    /// <summary>Anonymised already: never again.</summary>
    AlreadyAnonymised,

    /// <summary>
    /// A claim is still with finance (sent, queried, approved or in a batch): finance may need to
    /// ask the person a question or pay them, so they are kept until it is paid or rejected.
    /// </summary>
    ClaimStillOpen,
}

/// <summary>
/// The retention policy's decisions, in plain dates. A period of N years runs from a UK date to
/// the same date N years later; from 29 February it ends on 28 February in a year that has none.
/// Something is due on the day its period ends, not the day after.
/// </summary>
public static class RetentionRules
{
    /// <summary>The day something last dated <paramref name="from"/> becomes due.</summary>
    public static DateOnly DueOn(DateOnly from, int years) => from.AddYears(years);

    public static bool IsDue(DateOnly from, int years, DateOnly today) => DueOn(from, years) <= today;

    /// <summary>
    /// The latest date whose period has ended by <paramref name="today"/>: everything dated on or
    /// before it is due, everything after is not. The database finds candidates with it, so that
    /// the list it returns is exactly what <see cref="IsDue"/> says.
    /// </summary>
    public static DateOnly LatestDueFrom(DateOnly today, int years)
    {
        var latest = today.AddYears(-years);
        // From 29 February the period ends on 28 February: that day is due too.
        while (DueOn(latest.AddDays(1), years) <= today)
        {
            latest = latest.AddDays(1);
        }
        return latest;
    }

    /// <summary>The day the person last did anything the portal knows of, as a UK date.</summary>
    public static DateOnly LastActive(PersonActivityFacts facts, Func<DateTime, DateOnly> ukDate)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(ukDate);
        var dates = new List<DateOnly> { ukDate(facts.ProfileCreatedUtc), ukDate(facts.ProfileUpdatedUtc) };
        if (facts.LastSignInUtc is { } signIn)
        {
            dates.Add(ukDate(signIn));
        }
        if (facts.LatestActivityDate is { } activity)
        {
            dates.Add(activity);
        }
        if (facts.LatestClaimUtc is { } claim)
        {
            dates.Add(ukDate(claim));
        }
        return dates.Max();
    }

    public static PersonRetention ForPerson(PersonActivityFacts facts, RetentionPolicy policy, DateOnly today, Func<DateTime, DateOnly> ukDate)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        if (facts.IsAnonymised)
        {
            return PersonRetention.AlreadyAnonymised;
        }
        if (facts.IsStaff)
        {
            return PersonRetention.Staff;
        }
        if (!IsDue(LastActive(facts, ukDate), policy.ExpertsInactiveYears, today))
        {
            return PersonRetention.Kept;
        }
        return facts.HasClaimStillOpen ? PersonRetention.ClaimStillOpen : PersonRetention.Due;
    }

    /// <summary>
    /// Whether a sign-up shows the person taking part: a place asked for, held, offered or on the
    /// waiting list, or attended. An invitation not yet answered, or a place given up, does not.
    /// </summary>
    public static bool ShowsTakingPart(SignUpStatus status, Attendance attendance) =>
        attendance == Attendance.Attended || ActiveStatuses.Contains(status);

    public static readonly IReadOnlyList<SignUpStatus> ActiveStatuses =
        [SignUpStatus.Requested, SignUpStatus.Confirmed, SignUpStatus.WaitingList, SignUpStatus.Offered];

    /// <summary>
    /// A claim is finished when it is paid or rejected, or when it was never sent and its
    /// claimant has been deleted (nobody can send it now). Its receipts' period runs from then.
    /// </summary>
    public static bool IsFinished(ClaimStatus status, bool claimantDeleted) =>
        status is ClaimStatus.Paid or ClaimStatus.Rejected || (status == ClaimStatus.Draft && claimantDeleted);

    /// <summary>The claim statuses that are finished whoever the claimant is.</summary>
    public static readonly IReadOnlyList<ClaimStatus> FinishedStatuses = [ClaimStatus.Paid, ClaimStatus.Rejected];

    /// <summary>
    /// A claim still with finance: sent and not yet paid or rejected. Its claimant is kept (see
    /// <see cref="PersonRetention.ClaimStillOpen"/>).
    /// </summary>
    public static bool IsStillOpen(ClaimStatus status) =>
        status is ClaimStatus.Submitted or ClaimStatus.Queried or ClaimStatus.AwaitingSecondApproval or ClaimStatus.Approved or ClaimStatus.Batched;

    public static readonly IReadOnlyList<ClaimStatus> OpenStatuses =
        [ClaimStatus.Submitted, ClaimStatus.Queried, ClaimStatus.AwaitingSecondApproval, ClaimStatus.Approved, ClaimStatus.Batched];

    /// <summary>A receipt's file is deleted once the finance retention period after its claim finished has passed.</summary>
    public static bool ReceiptDue(DateOnly claimFinished, RetentionPolicy policy, DateOnly today) =>
        IsDue(claimFinished, policy.ReceiptsKeepYears, today);

    /// <summary>A note forgets who said it once the period after its activity has passed; a note with no speaker has nothing to forget.</summary>
    public static bool SpeakerDue(DateOnly activityDate, bool hasSpeaker, RetentionPolicy policy, DateOnly today) =>
        hasSpeaker && IsDue(activityDate, policy.NoteSpeakersKeepYears, today);

    /// <summary>
    /// A deleted person's bank details go at once when no claim still has to be paid into their
    /// account (<see cref="PayeeDeletion.BankDetailsStillNeeded"/>). A person not deleted keeps theirs.
    /// </summary>
    public static bool BankDetailsDue(bool personDeleted, bool hasBankDetails, bool stillNeeded) =>
        personDeleted && hasBankDetails && !stillNeeded;
}
