using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Finance;

/// <summary>
/// The payment pages: approved claims waiting to be paid (sorted by how, as <see cref="ClaimsToPay"/>
/// and <see cref="BatchCandidates"/> decide), the batches, and one batch with its lines. Totals
/// are added up by the database. Bank details appear only masked.
/// </summary>
public sealed class BatchPages(CoProduceDbContext db, BankDetailsProtector bankDetails, Audit.SpecialCategoryViewsService views)
{
    public async Task<BatchesPage> BatchesAsync(int page, CancellationToken cancellationToken)
    {
        // A claim brings its expenses and history with it (they are owned), so they are read in queries of their own.
        var approved = await db.Claims.AsNoTracking().AsSplitQuery().Where(c => c.Status == ClaimStatus.Approved).ToListAsync(cancellationToken);
        var toPay = ClaimsToPay.From(approved);
        var profileIds = approved.Select(c => c.ExpertProfileId).Distinct().ToList();
        var withBank = (await db.PaymentDetails.AsNoTracking().Where(d => profileIds.Contains(d.ExpertProfileId) && d.ProtectedBankDetails != null)
            .Select(d => d.ExpertProfileId).ToListAsync(cancellationToken)).ToHashSet();
        var candidates = BatchCandidates.From(toPay, withBank);
        var names = await NamesAsync(profileIds, cancellationToken);
        var activityIds = approved.Select(c => c.ActivityId).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);

        var readyTotal = await db.Claims.Where(c => c.Status == ClaimStatus.Approved && c.PaymentMethod == ClaimPaymentMethod.BankTransfer && c.Total > Money.Zero
                && db.PaymentDetails.Any(d => d.ExpertProfileId == c.ExpertProfileId && d.ProtectedBankDetails != null))
            .SumMoneyAsync(c => c.Total, cancellationToken);

        var paging = Paging.Of(await db.PaymentBatches.CountAsync(cancellationToken), BatchesPage.PageSize, page);
        var batches = await db.PaymentBatches.AsNoTracking().OrderByDescending(b => b.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(b => new
            {
                b.Id, b.CreatedUtc, b.Status, b.PaidUtc, Claims = b.Lines.Count,
                Pence = b.Lines.Sum(l => (long)(object)l.Amount),
            })
            .ToListAsync(cancellationToken);

        WaitingClaimRow Row(Claim c) => new(c.Id, FinanceText.ClaimReference(c.Id), FinanceText.Claimant(c.ExpertProfileId, names.GetValueOrDefault(c.ExpertProfileId)),
            activities.GetValueOrDefault(c.ActivityId) ?? string.Empty, c.Total);
        return new BatchesPage(
            candidates.Ready.Select(Row).ToList(), readyTotal,
            candidates.NeedBankDetails.Select(Row).ToList(),
            toPay.Vouchers.Select(Row).ToList(),
            toPay.OwedBack.Select(Row).ToList(),
            candidates.WhyNoBatch,
            batches.Select(b => new BatchRow(b.Id, FinanceText.DateTimeUk(b.CreatedUtc), b.Status == PaymentBatchStatus.Paid ? $"Paid {FinanceText.DateTimeUk(b.PaidUtc!.Value)}" : "Waiting to be paid",
                b.Claims, Money.FromPence(b.Pence))).ToList(),
            paging);
    }

    /// <summary>
    /// One batch: its count and total added up by the database, and one page of its lines in batch
    /// order. Each person whose masked bank account this page shows is recorded as seen by
    /// <paramref name="viewerUserId"/>; people on other pages are not.
    /// </summary>
    public async Task<BatchPage?> BatchAsync(int id, int page, string viewerUserId, CancellationToken cancellationToken)
    {
        // The kept export (which can be large) is not read: only what the page shows.
        var batch = await db.PaymentBatches.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new
            {
                b.Id, b.CreatedUtc, b.Status, b.PaidUtc, Exported = b.ExportedUtc != null,
                MadeBy = db.Users.Where(u => u.Id == b.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Claims = b.Lines.Count,
                Pence = b.Lines.Sum(l => (long)(object)l.Amount),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (batch is null)
        {
            return null;
        }
        var paging = Paging.Of(batch.Claims, BatchPage.PageSize, page);
        var lines = await db.PaymentBatches.AsNoTracking().Where(b => b.Id == id).SelectMany(b => b.Lines)
            .OrderBy(l => l.Position).Skip(paging.Skip).Take(paging.Size)
            .Select(l => new
            {
                l.Position, l.ClaimId, l.ExpertProfileId, l.Amount,
                Activity = (from c in db.Claims where c.Id == l.ClaimId join a in db.Activities on c.ActivityId equals a.Id select a.Title).FirstOrDefault(),
                Name = db.ExpertProfiles.Where(p => p.Id == l.ExpertProfileId && p.AnonymisedUtc == null).Select(p => p.PreferredName).FirstOrDefault(),
                Bank = db.PaymentDetails.Where(d => d.ExpertProfileId == l.ExpertProfileId).Select(d => d.ProtectedBankDetails).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        await views.RecordAsync(lines.Where(l => l.Bank is not null).Select(l => new Audit.SpecialCategoryView(l.ExpertProfileId, SpecialCategory.MaskedBankAccount)),
            $"shown on the page of payment batch {batch.Id}", viewerUserId, cancellationToken);
        // A person with several claims on the page is decrypted once.
        var masked = lines.Where(l => l.Bank is not null).DistinctBy(l => l.ExpertProfileId)
            .ToDictionary(l => l.ExpertProfileId, l => bankDetails.Unprotect(l.Bank!).MaskedAccountNumber);
        return new BatchPage(batch.Id, FinanceText.DateTimeUk(batch.CreatedUtc), batch.MadeBy ?? "A former member of staff",
            batch.Status == PaymentBatchStatus.Paid ? $"Paid {FinanceText.DateTimeUk(batch.PaidUtc!.Value)}" : "Waiting to be paid",
            CanMarkPaid: batch.Status == PaymentBatchStatus.AwaitingPayment && batch.Exported,
            lines.Select(l => new BatchLineRow(l.Position, l.ClaimId, FinanceText.ClaimReference(l.ClaimId), FinanceText.PayeeReference(l.ExpertProfileId),
                FinanceText.Claimant(l.ExpertProfileId, l.Name), l.Activity ?? string.Empty,
                masked.GetValueOrDefault(l.ExpertProfileId) ?? "No bank details", l.Amount)).ToList(),
            Money.FromPence(batch.Pence), paging)
        {
            NeedsExportFirst = batch.Status == PaymentBatchStatus.AwaitingPayment && !batch.Exported,
        };
    }

    /// <summary>Names for expert profiles, leaving out those deleted (shown by their payee reference).</summary>
    private async Task<Dictionary<int, string>> NamesAsync(List<int> profileIds, CancellationToken cancellationToken) =>
        await db.ExpertProfiles.AsNoTracking().Where(p => profileIds.Contains(p.Id) && p.AnonymisedUtc == null)
            .ToDictionaryAsync(p => p.Id, p => p.PreferredName, cancellationToken);
}

public sealed record WaitingClaimRow(int Id, string Reference, string Claimant, string Activity, Money Total);

public sealed record BatchRow(int Id, string Made, string Status, int Claims, Money Total);

/// <summary>What is waiting to be paid, sorted by how, and the batches made so far (newest first, paged).</summary>
public sealed record BatchesPage(
    IReadOnlyList<WaitingClaimRow> Ready, Money ReadyTotal,
    IReadOnlyList<WaitingClaimRow> NeedBankDetails,
    IReadOnlyList<WaitingClaimRow> Vouchers,
    IReadOnlyList<WaitingClaimRow> OwedBack,
    string? WhyNoBatch,
    IReadOnlyList<BatchRow> Batches, Paging Paging)
{
    public const int PageSize = 20;
}

public sealed record BatchLineRow(int Position, int ClaimId, string ClaimReference, string PayeeReference, string Claimant, string Activity, string MaskedAccount, Money Amount);

/// <summary>One batch: how many claims and their total (all of them), and the lines of one page.</summary>
public sealed record BatchPage(int Id, string Made, string MadeBy, string Status, bool CanMarkPaid, IReadOnlyList<BatchLineRow> Lines, Money Total, Paging Paging)
{
    public const int PageSize = 100;


    /// <summary>Waiting to be paid but not exported yet: the file must be made before the batch can be marked paid.</summary>
    public bool NeedsExportFirst { get; init; }
}
