using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>What an expense was for. Mileage is claimed in miles; everything else as an amount spent.</summary>
public enum ExpenseCategory { PublicTransport, Mileage, ReplacementCare, SupportWorker, Meals, Other }

/// <summary>How one category of expense is repaid: at most a cap per claim (if any), and whether a receipt is needed.</summary>
public sealed record ExpenseRule(ExpenseCategory Category, Money? CapPerClaim, bool ReceiptNeeded)
{
    /// <summary>How people read the category in a sentence: "public transport", "meals".</summary>
    public static string Name(ExpenseCategory category) => category switch
    {
        ExpenseCategory.PublicTransport => "public transport",
        ExpenseCategory.Mileage => "mileage",
        ExpenseCategory.ReplacementCare => "replacement care",
        ExpenseCategory.SupportWorker => "a support worker",
        ExpenseCategory.Meals => "meals",
        _ => "other expenses",
    };
}

/// <summary>
/// One line of an expenses claim, as the claimant gives it: an amount spent, or for mileage the
/// miles driven (the policy's rate per mile makes the amount).
/// </summary>
public sealed record ExpenseToCheck
{
    private ExpenseToCheck(ExpenseCategory category, Money? amount, decimal? miles, bool hasReceipt) =>
        (Category, Amount, Miles, HasReceipt) = (category, amount, miles, hasReceipt);

    public ExpenseCategory Category { get; }

    /// <summary>What was spent; null for mileage.</summary>
    public Money? Amount { get; }

    /// <summary>Miles driven; mileage only.</summary>
    public decimal? Miles { get; }

    public bool HasReceipt { get; }

    public static ExpenseToCheck Spent(ExpenseCategory category, Money amount, bool hasReceipt)
    {
        if (category == ExpenseCategory.Mileage)
        {
            throw new ArgumentException("Mileage is claimed in miles.", nameof(category));
        }
        return new(category, amount, null, hasReceipt);
    }

    public static ExpenseToCheck Mileage(decimal miles, bool hasReceipt = false) => new(ExpenseCategory.Mileage, null, miles, hasReceipt);
}

/// <summary>
/// What the policy allows of one expense line: the amount claimed (for mileage, worked out from the
/// miles), the amount allowed, and either the reasons nothing is allowed or notes the claimant
/// should read (how mileage was worked out, or that a cap reduced the amount).
/// </summary>
public sealed record ExpenseCheck(ExpenseCategory Category, Money Claimed, Money Allowed, IReadOnlyList<string> Refusals, IReadOnlyList<string> Notes)
{
    public bool IsRefused => Refusals.Count > 0;

    public bool IsReducedByCap => !IsRefused && Allowed < Claimed;
}
