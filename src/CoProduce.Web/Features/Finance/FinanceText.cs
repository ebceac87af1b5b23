using System.Globalization;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.Web.Features.Finance;

/// <summary>How finance pages say things: statuses, references, ages and dates.</summary>
public static class FinanceText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The reference a person is paid under: their expert profile's number, which stays when
    /// their account is deleted and their name is replaced.
    /// </summary>
    public static string PayeeReference(int expertProfileId) => Domain.Roster.ExpertProfile.PayeeReferenceOf(expertProfileId);

    public static string ClaimReference(int claimId) => $"C{claimId:D6}";

    /// <summary>The person's name, or their payee reference when the account was deleted and the name removed.</summary>
    public static string Claimant(int expertProfileId, string? nameUnlessAnonymised) =>
        string.IsNullOrWhiteSpace(nameUnlessAnonymised) ? PayeeReference(expertProfileId) : nameUnlessAnonymised;

    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "Draft",
        ClaimStatus.Submitted => "Waiting for approval",
        ClaimStatus.AwaitingSecondApproval => "Waiting for a second approval",
        ClaimStatus.Queried => "Question sent to claimant",
        ClaimStatus.Approved => "Approved",
        ClaimStatus.Rejected => "Rejected",
        ClaimStatus.Batched => "In a payment batch",
        ClaimStatus.Paid => "Paid",
        _ => status.ToString(),
    };

    public static string Step(ClaimStep step) => step switch
    {
        ClaimStep.Created => "Made",
        ClaimStep.Changed => "Changed",
        ClaimStep.Submitted => "Sent to finance",
        ClaimStep.Queried => "Question asked",
        ClaimStep.Approved => "Approved",
        ClaimStep.Rejected => "Rejected",
        ClaimStep.Batched => "Put in a payment batch",
        ClaimStep.Paid => "Paid",
        _ => step.ToString(),
    };

    public static string PaymentMethod(ClaimPaymentMethod method) => method switch
    {
        ClaimPaymentMethod.BankTransfer => "Bank transfer",
        ClaimPaymentMethod.Voucher => "Voucher",
        _ => "Not chosen",
    };

    /// <summary>"Today", "1 day", "12 days": how long since a UTC moment, in whole UK days.</summary>
    public static string Age(DateTime sinceUtc, DateTime nowUtc)
    {
        var days = UkTime.ToUk(nowUtc).Date.Subtract(UkTime.ToUk(sinceUtc).Date).Days;
        return days switch
        {
            <= 0 => "Today",
            1 => "1 day",
            _ => $"{days} days",
        };
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Uk);

    public static string DateTimeUk(DateTime utc) => UkTime.ToUk(utc).ToString("d MMMM yyyy 'at' HH:mm", Uk);

    /// <summary>Pounds with two decimals and no symbol, as payment systems read them: 1234.50.</summary>
    public static string PlainPounds(Money amount) => amount.Pounds.ToString("0.00", CultureInfo.InvariantCulture);
}
