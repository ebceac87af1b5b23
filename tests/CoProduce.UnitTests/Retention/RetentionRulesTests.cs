using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Retention;

namespace CoProduce.UnitTests.Retention;

/// <summary>What the retention policy says is due, on which day.</summary>
public sealed class RetentionRulesTests
{
    private static readonly RetentionPolicy Policy = RetentionPolicy.Default; // 3 years inactive, 6 receipts, 6 finance, 2 speakers

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static DateTime U(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    // The tests read UTC moments as dates in UTC; the service uses UK dates.
    private static DateOnly UtcDate(DateTime utc) => DateOnly.FromDateTime(utc);

    [Theory]
    // from, years, today, due
    [InlineData("2023-06-01", 3, "2026-05-31", false)] // the day before
    [InlineData("2023-06-01", 3, "2026-06-01", true)]  // exactly on the boundary day
    [InlineData("2023-06-01", 3, "2026-06-02", true)]
    [InlineData("2024-02-29", 3, "2027-02-27", false)] // from a leap day, the period ends on 28 February
    [InlineData("2024-02-29", 3, "2027-02-28", true)]
    [InlineData("2024-02-29", 4, "2028-02-28", false)] // unless the year has a 29 February
    [InlineData("2024-02-29", 4, "2028-02-29", true)]
    [InlineData("2026-12-01", 3, "2026-11-30", false)] // in the future: not due for years
    public void IsDue_OnTheDayThePeriodEnds(string from, int years, string today, bool due) =>
        Assert.Equal(due, RetentionRules.IsDue(D(from), years, D(today)));

    [Theory]
    [InlineData("2026-06-01", 3, "2023-06-01")]
    [InlineData("2027-02-28", 3, "2024-02-29")] // 29 February 2024's period ends on 28 February 2027
    [InlineData("2027-03-01", 3, "2024-03-01")]
    [InlineData("2028-02-28", 4, "2024-02-28")] // 2028 has a 29 February: 29 February 2024 is due only then
    [InlineData("2028-02-29", 4, "2024-02-29")]
    public void LatestDueFrom_IsTheLastDateWhosePeriodHasEnded(string today, int years, string latest) =>
        Assert.Equal(D(latest), RetentionRules.LatestDueFrom(D(today), years));

    [Fact]
    public void LatestDueFrom_AgreesWithIsDue_EveryDayForEightYears()
    {
        // The database filters with LatestDueFrom; the domain decides with IsDue: they must never differ.
        for (var today = D("2026-01-01"); today < D("2034-01-01"); today = today.AddDays(1))
        {
            var latest = RetentionRules.LatestDueFrom(today, 3);
            Assert.True(RetentionRules.IsDue(latest, 3, today), $"{latest} on {today}");
            Assert.False(RetentionRules.IsDue(latest.AddDays(1), 3, today), $"{latest.AddDays(1)} on {today}");
        }
    }

    private static PersonActivityFacts Person(
        string created = "2020-01-10T10:00:00", string? updated = null, string? signIn = null, string? activity = null, string? claim = null,
        bool staff = false, bool anonymised = false, bool claimOpen = false) =>
        new(staff, anonymised, U(created), U(updated ?? created), signIn is null ? null : U(signIn), activity is null ? null : D(activity),
            claim is null ? null : U(claim), claimOpen);

    public static TheoryData<string, PersonActivityFacts, string, PersonRetention> People => new()
    {
        { "never signed in, registered long ago", Person(), "2026-11-30", PersonRetention.Due },
        { "never signed in, registered 2 years ago", Person(created: "2024-12-01T09:00:00"), "2026-11-30", PersonRetention.Kept },
        { "signed in exactly 3 years ago: due that day", Person(signIn: "2023-11-30T08:00:00"), "2026-11-30", PersonRetention.Due },
        { "signed in 3 years ago less a day", Person(signIn: "2023-12-01T08:00:00"), "2026-11-30", PersonRetention.Kept },
        { "profile changed recently", Person(updated: "2026-01-05T12:00:00"), "2026-11-30", PersonRetention.Kept },
        { "a place on an activity next month", Person(activity: "2026-12-15"), "2026-11-30", PersonRetention.Kept },
        { "attended an activity 3 years and a day ago", Person(activity: "2023-11-29"), "2026-11-30", PersonRetention.Due },
        { "a claim changed last year", Person(claim: "2025-06-01T10:00:00"), "2026-11-30", PersonRetention.Kept },
        { "active on a leap day, 28 February 3 years on", Person(signIn: "2024-02-29T10:00:00"), "2027-02-28", PersonRetention.Due },
        { "active on a leap day, 27 February 3 years on", Person(signIn: "2024-02-29T10:00:00"), "2027-02-27", PersonRetention.Kept },
        { "staff are never touched", Person(staff: true), "2026-11-30", PersonRetention.Staff },
        { "already anonymised: never again", Person(anonymised: true), "2026-11-30", PersonRetention.AlreadyAnonymised },
        { "already anonymised staff", Person(anonymised: true, staff: true), "2026-11-30", PersonRetention.AlreadyAnonymised },
        { "a claim still with finance keeps them", Person(claimOpen: true), "2026-11-30", PersonRetention.ClaimStillOpen },
        { "active and with an open claim: simply kept", Person(signIn: "2026-11-01T10:00:00", claimOpen: true), "2026-11-30", PersonRetention.Kept },
    };

    [Theory]
    [MemberData(nameof(People))]
    public void ForPerson(string because, PersonActivityFacts facts, string today, PersonRetention expected) =>
        Assert.True(expected == RetentionRules.ForPerson(facts, Policy, D(today), UtcDate), because);

    [Fact]
    public void LastActive_IsTheLatestOfEverything_FutureIncluded()
    {
        var facts = Person(signIn: "2025-01-01T10:00:00", activity: "2027-01-15", claim: "2025-03-01T10:00:00");

        Assert.Equal(D("2027-01-15"), RetentionRules.LastActive(facts, UtcDate));
    }

    [Theory]
    [InlineData(SignUpStatus.Requested, Attendance.NotRecorded, true)]
    [InlineData(SignUpStatus.Confirmed, Attendance.NotRecorded, true)]
    [InlineData(SignUpStatus.WaitingList, Attendance.NotRecorded, true)]
    [InlineData(SignUpStatus.Offered, Attendance.NotRecorded, true)]
    [InlineData(SignUpStatus.Confirmed, Attendance.Attended, true)]
    [InlineData(SignUpStatus.Invited, Attendance.NotRecorded, false)] // the organiser asked; the person did nothing
    [InlineData(SignUpStatus.Withdrawn, Attendance.NotRecorded, false)]
    [InlineData(SignUpStatus.Declined, Attendance.NotRecorded, false)]
    [InlineData(SignUpStatus.Confirmed, Attendance.DidNotAttend, true)] // they held a place
    public void ShowsTakingPart(SignUpStatus status, Attendance attendance, bool expected) =>
        Assert.Equal(expected, RetentionRules.ShowsTakingPart(status, attendance));

    [Theory]
    [InlineData(ClaimStatus.Paid, false, true)]
    [InlineData(ClaimStatus.Rejected, false, true)]
    [InlineData(ClaimStatus.Draft, true, true)]   // a deleted person's unsent draft: nobody can send it now
    [InlineData(ClaimStatus.Draft, false, false)]
    [InlineData(ClaimStatus.Submitted, true, false)]
    [InlineData(ClaimStatus.Approved, false, false)]
    [InlineData(ClaimStatus.Batched, false, false)]
    public void IsFinished(ClaimStatus status, bool claimantDeleted, bool expected) =>
        Assert.Equal(expected, RetentionRules.IsFinished(status, claimantDeleted));

    [Fact]
    public void OpenStatuses_AreTheOnesThatNeedBankDetails()
    {
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            Assert.Equal(RetentionRules.IsStillOpen(status), RetentionRules.OpenStatuses.Contains(status));
            Assert.Equal(RetentionRules.IsStillOpen(status), PayeeDeletion.NeedsBankDetails(status, ClaimPaymentMethod.BankTransfer, Money.FromPence(100)));
        }
    }

    [Theory]
    [InlineData("2020-11-30", "2026-11-29", false)]
    [InlineData("2020-11-30", "2026-11-30", true)] // 6 years after the claim finished, to the day
    public void ReceiptDue(string finished, string today, bool expected) =>
        Assert.Equal(expected, RetentionRules.ReceiptDue(D(finished), Policy, D(today)));

    [Theory]
    [InlineData("2024-11-30", true, "2026-11-30", true)]
    [InlineData("2024-12-01", true, "2026-11-30", false)]
    [InlineData("2020-01-01", false, "2026-11-30", false)] // no speaker: nothing to forget
    public void SpeakerDue(string activity, bool hasSpeaker, string today, bool expected) =>
        Assert.Equal(expected, RetentionRules.SpeakerDue(D(activity), hasSpeaker, Policy, D(today)));

    [Theory]
    [InlineData(true, true, false, true)]
    [InlineData(true, true, true, false)]   // a claim still to be paid by bank transfer
    [InlineData(false, true, false, false)] // a person not deleted keeps theirs
    [InlineData(true, false, false, false)] // nothing held
    public void BankDetailsDue(bool deleted, bool held, bool stillNeeded, bool expected) =>
        Assert.Equal(expected, RetentionRules.BankDetailsDue(deleted, held, stillNeeded));
}
