using CoProduce.Web.Domain.Payments;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// How pay for an activity is put to people, in plain words, in one place: the activity pages
/// before anyone signs up, the confirmation email and the "how we pay" page all say it the same way.
/// </summary>
public static class PayText
{
    public const string HowWePayPath = "/how-we-pay";

    public const string NotPaid = "This activity is not paid, but we pay your expenses.";

    public const string ChoiceNotToBePaid = "You can choose not to be paid for your time. You can still claim your expenses.";

    /// <summary>For an activity saved as paid before activities named their rate.</summary>
    public const string PaidNoRate = "You will be paid for your time. We also pay your expenses.";

    /// <summary>
    /// "You will be paid £25 an hour, including travel time. We also pay your expenses." for a rate,
    /// or the unpaid sentence (or, for a paid activity with no rate, that it pays for time).
    /// </summary>
    public static string ForPerson(string? rateDescription, bool activityIsPaid = false) =>
        rateDescription is not null ? $"You will be paid {rateDescription}. We also pay your expenses."
        : activityIsPaid ? PaidNoRate
        : NotPaid;

    public static string ForPerson(FixedFee? fee, bool activityIsPaid = false) => ForPerson(fee?.Describe(), activityIsPaid);

    public static string ForPerson(RateInForce? rate, bool activityIsPaid = false) => ForPerson(rate?.Describe(), activityIsPaid);

    /// <summary>What the audit log keeps of a fee fixed at confirmation: the rate item, its version and terms.</summary>
    public static string FeeForAudit(FixedFee? fee) =>
        fee is null ? "No fee: not paid for time." : $"Fee fixed from rate item {fee.RateItemId} version {fee.RateVersion}: {fee.Describe()}.";
}
