using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// One expense on a claim: its category, the amount to repay, for mileage the miles driven, what
/// it was for in the claimant's words, and the receipt file, if there is one. The amount arrives
/// already checked against the expenses policy's cap; the claim only keeps it. Lines are added and
/// removed through their <see cref="Claim"/>.
/// </summary>
public sealed class ExpenseLine
{
    public const int DescriptionMaxLength = 200;
    public const int ReceiptReferenceMaxLength = 200;
    public const int ReceiptFileNameMaxLength = 200;

    private ExpenseLine()
    {
    }

    internal ExpenseLine(int number, ExpenseCategory category, Money amount, decimal? miles, string? description, Receipt? receipt)
    {
        Number = number;
        Category = category;
        Amount = amount;
        Miles = miles;
        Description = description;
        ReceiptFileReference = receipt?.FileReference;
        ReceiptFileName = receipt?.FileName;
    }

    /// <summary>The line's number on its claim: 1 for the first added. A removed line's number is not reused.</summary>
    public int Number { get; private set; }

    public ExpenseCategory Category { get; private set; }

    /// <summary>More than £0 on a claim; on a correction, the difference, which may be less than £0.</summary>
    public Money Amount { get; private set; }

    /// <summary>Miles driven, for mileage; null for anything else.</summary>
    public decimal? Miles { get; private set; }

    /// <summary>What it was for, in the claimant's words ("bus to County Hall and back").</summary>
    public string? Description { get; private set; }

    /// <summary>Where the receipt file is kept (a stored file's reference), or null when there is none.</summary>
    public string? ReceiptFileReference { get; private set; }

    /// <summary>The receipt's file name as it was uploaded, cleaned, for showing only.</summary>
    public string? ReceiptFileName { get; private set; }

    /// <summary>
    /// When the receipt file was deleted at the end of its retention period, or null. The file
    /// name stays, so that the claim still says a receipt was given.
    /// </summary>
    public DateTime? ReceiptDeletedUtc { get; private set; }

    /// <summary>A receipt was given with the expense (its file may since have been deleted at the end of its retention period).</summary>
    public bool HasReceipt => ReceiptFileName is not null || ReceiptFileReference is not null;

    /// <summary>The receipt's file is still held, so it can be opened.</summary>
    public bool HasReceiptFile => ReceiptFileReference is not null;

    internal string? DeleteReceipt(DateTime nowUtc)
    {
        var reference = ReceiptFileReference;
        if (reference is not null)
        {
            ReceiptFileReference = null;
            ReceiptDeletedUtc = nowUtc;
        }
        return reference;
    }
}

/// <summary>A stored receipt file: the store's reference and the name to show.</summary>
public sealed record Receipt(string FileReference, string FileName);
