using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

public enum PaymentBatchStatus { AwaitingPayment, Paid }

/// <summary>
/// Approved claims waiting to be paid, sorted by how: bank transfers go in a batch, vouchers are
/// issued apart, and corrections owed back are recovered apart. Each list is in batch order.
/// </summary>
public sealed record ClaimsToPay(IReadOnlyList<Claim> BankTransfers, IReadOnlyList<Claim> Vouchers, IReadOnlyList<Claim> OwedBack)
{
    public static ClaimsToPay From(IEnumerable<Claim> claims)
    {
        var ordered = PaymentBatch.InBatchOrder(claims).ToList();
        return new(
            ordered.Where(c => c.IsReadyForBatch).ToList(),
            ordered.Where(c => c.IsVoucherToIssue).ToList(),
            ordered.Where(c => c.IsOwedBack).ToList());
    }
}

/// <summary>
/// Approved bank-transfer claims paid together. The batch keeps each claim's reference and amount
/// in a fixed order (by person, then claim), so exporting it again gives the same rows; its total
/// is the sum of its claims. A claim goes in at most one batch: putting it in one moves it on
/// from approved, and the claim's concurrency token stops two batches taking it at once.
/// </summary>
public sealed class PaymentBatch : IConcurrencyVersioned
{
    private readonly List<PaymentBatchLine> _lines = [];

    private PaymentBatch()
    {
    }

    public PaymentBatch(IEnumerable<Claim> claims, string createdByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdByUserId);
        var chosen = claims.ToList();
        if (chosen.Count == 0)
        {
            throw new PaymentRuleException("There are no approved bank transfers to pay, so there is nothing to put in a batch.");
        }
        if (chosen.Any(c => c.Id == 0) || chosen.DistinctBy(c => c.Id).Count() != chosen.Count)
        {
            throw new ArgumentException("A batch takes saved claims, each once.", nameof(claims));
        }
        // Check every claim before changing any, so a refusal leaves them all as they were.
        if (chosen.FirstOrDefault(c => !c.IsReadyForBatch) is { } unfit)
        {
            throw new PaymentRuleException($"Claim {unfit.Id} cannot go in a batch: {WhyNotBatched(unfit)}");
        }
        var position = 0;
        foreach (var claim in InBatchOrder(chosen))
        {
            _lines.Add(new PaymentBatchLine(++position, claim.Id, claim.ExpertProfileId, claim.Total));
            claim.MarkBatched(createdByUserId, nowUtc);
        }
        CreatedByUserId = createdByUserId;
        CreatedUtc = nowUtc;
        Status = PaymentBatchStatus.AwaitingPayment;
    }

    public int Id { get; private set; }
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }
    public PaymentBatchStatus Status { get; private set; }
    public string? PaidByUserId { get; private set; }
    public DateTime? PaidUtc { get; private set; }

    /// <summary>When the file for the payment system was first made, and by whom; null until then.</summary>
    public DateTime? ExportedUtc { get; private set; }

    public string? ExportedByUserId { get; private set; }

    /// <summary>
    /// The file as first made, encrypted (it holds bank details). Every later export gives these
    /// same bytes, whatever has changed since: a person's new bank details, or none after deletion.
    /// </summary>
    public string? ProtectedExport { get; private set; }

    public Guid Version { get; set; }

    public bool IsExported => ExportedUtc is not null;

    /// <summary>The batch's claims, in the order they are exported.</summary>
    public IReadOnlyList<PaymentBatchLine> Lines => _lines.OrderBy(l => l.Position).ToList();

    public Money Total => _lines.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);

    /// <summary>Keeps the file the first export made, encrypted, so that exporting again gives the same bytes.</summary>
    public void KeepExport(string protectedFile, string byUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        if (IsExported)
        {
            throw new InvalidOperationException("The batch's file was made already: export that one again.");
        }
        ProtectedExport = protectedFile;
        ExportedByUserId = byUserId;
        ExportedUtc = nowUtc;
    }

    /// <summary>
    /// Marks the batch paid, and with it each of its claims, which must be exactly the ones it
    /// holds. Only once its file has been made: a claim is never marked paid that was never sent
    /// to the payment system.
    /// </summary>
    public void MarkPaid(IEnumerable<Claim> claims, string byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        if (Status == PaymentBatchStatus.Paid)
        {
            throw new PaymentRuleException("This batch has been marked paid already.");
        }
        if (!IsExported)
        {
            throw new PaymentRuleException("Download this batch's file for the payment system first. A batch is marked paid only after its file has been made, so that no claim is marked paid that was never sent to be paid.");
        }
        var given = claims.ToList();
        if (given.Count != _lines.Count || !given.Select(c => c.Id).ToHashSet().SetEquals(_lines.Select(l => l.ClaimId)))
        {
            throw new ArgumentException("A batch is marked paid with exactly its own claims.", nameof(claims));
        }
        foreach (var claim in given)
        {
            claim.MarkPaidInBatch(byUserId, nowUtc);
        }
        Status = PaymentBatchStatus.Paid;
        PaidByUserId = byUserId;
        PaidUtc = nowUtc;
    }

    /// <summary>The fixed order of a batch: by person (payee), then by claim.</summary>
    internal static IEnumerable<Claim> InBatchOrder(IEnumerable<Claim> claims) =>
        claims.OrderBy(c => c.ExpertProfileId).ThenBy(c => c.Id);

    private static string WhyNotBatched(Claim claim) => claim.Status switch
    {
        ClaimStatus.Batched => "it is in a batch already.",
        ClaimStatus.Paid => "it has been paid already.",
        not ClaimStatus.Approved => "it has not been approved.",
        _ when claim.PaymentMethod != ClaimPaymentMethod.BankTransfer => "it is not paid by bank transfer.",
        _ => "it has no money to pay out.",
    };
}

/// <summary>One claim in a batch: its place in the export, whose it is, and the amount paid.</summary>
public sealed class PaymentBatchLine
{
    private PaymentBatchLine()
    {
    }

    internal PaymentBatchLine(int position, int claimId, int expertProfileId, Money amount)
    {
        Position = position;
        ClaimId = claimId;
        ExpertProfileId = expertProfileId;
        Amount = amount;
    }

    /// <summary>The line's place in the batch, from 1: the export's row order.</summary>
    public int Position { get; private set; }

    public int ClaimId { get; private set; }
    public int ExpertProfileId { get; private set; }
    public Money Amount { get; private set; }
}
