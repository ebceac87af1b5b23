using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// How a claim starts from recorded attendance, and who besides the claimant may work on it.
/// Expenses can always be claimed, so everyone who attended, or whom the council turned away by
/// cancelling late, gets a draft; only the fee depends on the activity and the person's choice.
/// </summary>
public static class ClaimRules
{
    /// <summary>Attendance that leads to a claim: they came, or the council cancelled late (expenses only).</summary>
    public static bool MakesClaim(Attendance attendance) => attendance is Attendance.Attended or Attendance.CancelledByCouncil;

    /// <summary>
    /// The fee on the draft: the fee fixed at confirmation for the time they gave, when they
    /// attended a paid activity and have not chosen to go without payment for their time. Null
    /// means expenses only.
    /// </summary>
    public static Money? FeeFor(Attendance attendance, FixedFee? fixedFee, TimeGiven? time, PaymentPreference? preference) =>
        attendance == Attendance.Attended && fixedFee is not null && preference != PaymentPreference.NoPayment
            ? fixedFee.For(time).Amount
            : null;

    /// <summary>
    /// How the claim is paid to begin with, from how the person said they like to be paid. Someone
    /// who chose not to be paid for their time (or has not said) starts with none: if they claim
    /// expenses, they choose how those are repaid before sending the claim.
    /// </summary>
    public static ClaimPaymentMethod PaymentMethodFor(PaymentPreference? preference) => preference switch
    {
        PaymentPreference.BankTransfer => ClaimPaymentMethod.BankTransfer,
        PaymentPreference.Voucher => ClaimPaymentMethod.Voucher,
        _ => ClaimPaymentMethod.None,
    };

    /// <summary>
    /// Whether an organiser may work on a person's claim for them: one they made on the person's
    /// behalf, or any claim of someone who has no email and so cannot do it themselves. Every
    /// change they make is in the claim's history, so segregation of duties stops them approving it.
    /// </summary>
    public static bool OrganiserMayActFor(ClaimOrigin origin, bool claimantHasEmail) =>
        origin == ClaimOrigin.MadeOnBehalf || !claimantHasEmail;

    /// <summary>
    /// Why an organiser may not make a claim on someone's behalf, or null when they may: the person
    /// had a place, their attendance is recorded as something a claim pays for, and they have no
    /// email (anyone with one makes their own claim, and is sent a draft when attendance is recorded).
    /// </summary>
    public static string? WhyNoClaimOnBehalf(SignUpStatus status, Attendance attendance, bool claimantHasEmail)
    {
        if (status != SignUpStatus.Confirmed)
        {
            return "A claim is made for someone who had a place on the activity.";
        }
        if (!MakesClaim(attendance))
        {
            return "Record that they took part (or that the council cancelled) first: a claim pays for time given, or for expenses.";
        }
        return claimantHasEmail ? "They have an email address, so they make their own claim." : null;
    }
}
