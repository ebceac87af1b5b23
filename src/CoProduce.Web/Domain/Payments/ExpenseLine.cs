using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// One expense on a claim: its category (as the expenses policy names it), the amount to repay and
/// the receipt file, if there is one. The amount arrives already checked against the policy's cap;
/// the claim only keeps it. Lines are added and removed through their <see cref="Claim"/>.
/// </summary>
public sealed class ExpenseLine
{
    public const int CategoryMaxLength = 100;
    public const int ReceiptReferenceMaxLength = 200;

    private ExpenseLine()
    {
    }

    internal ExpenseLine(int number, string category, Money amount, string? receiptFileReference)
    {
        Number = number;
        Category = category;
        Amount = amount;
        ReceiptFileReference = receiptFileReference;
    }

    public int Id { get; private set; }

    /// <summary>The line's number on its claim: 1 for the first added. A removed line's number is not reused.</summary>
    public int Number { get; private set; }

    public string Category { get; private set; } = string.Empty;

    /// <summary>More than £0 on a claim; on a correction, the difference, which may be less than £0.</summary>
    public Money Amount { get; private set; }

    /// <summary>Where the receipt file is kept (a stored file's reference), or null when there is none.</summary>
    public string? ReceiptFileReference { get; private set; }
}
