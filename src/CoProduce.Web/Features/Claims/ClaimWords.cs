using CoProduce.Web.Domain.Payments;

namespace CoProduce.Web.Features.Claims;

/// <summary>
/// A claim's states and steps in plain words, for the claimant and the organiser helping them:
/// on the claim's pages, the statement and in "your data". Finance has its own words (FinanceText).
/// </summary>
public static class ClaimWords
{
    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "Not sent yet",
        ClaimStatus.Submitted => "Sent to finance",
        ClaimStatus.Queried => "Finance has a question",
        ClaimStatus.AwaitingSecondApproval => "Being checked by finance",
        ClaimStatus.Approved => "Approved, to be paid",
        ClaimStatus.Rejected => "Not approved",
        ClaimStatus.Batched => "Being paid",
        _ => "Paid",
    };

    /// <summary>The GOV.UK tag colour for a status.</summary>
    public static string StatusTag(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "govuk-tag--grey",
        ClaimStatus.Queried => "govuk-tag--orange",
        ClaimStatus.Rejected => "govuk-tag--red",
        ClaimStatus.Paid => "govuk-tag--green",
        _ => "govuk-tag--blue",
    };

    public static string Step(ClaimStep step) => step switch
    {
        ClaimStep.Created => "Claim made",
        ClaimStep.Changed => "Changed",
        ClaimStep.Submitted => "Sent to finance",
        ClaimStep.Queried => "Finance asked a question",
        ClaimStep.Approved => "Approved by finance",
        ClaimStep.Rejected => "Not approved by finance",
        ClaimStep.Batched => "Put in a payment run",
        _ => "Paid",
    };

    public static string Origin(ClaimOrigin origin) => origin switch
    {
        ClaimOrigin.AttendanceRecorded => "Made when the organiser recorded that you took part",
        ClaimOrigin.MadeOnBehalf => "Made for you by a member of staff",
        ClaimOrigin.Correction => "A correction of an earlier claim",
        ClaimOrigin.CancelledByCouncil => "Made when we cancelled the activity, for your expenses",
        _ => origin.ToString(),
    };

    public static string PaymentMethod(ClaimPaymentMethod method) => method switch
    {
        ClaimPaymentMethod.BankTransfer => "Bank transfer",
        ClaimPaymentMethod.Voucher => "Voucher",
        _ => "Not chosen yet",
    };

    /// <summary>The category as a label: "Public transport".</summary>
    public static string Category(ExpenseCategory category)
    {
        var name = ExpenseRule.Name(category);
        name = name.StartsWith("a ", StringComparison.Ordinal) ? name[2..] : name;
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
