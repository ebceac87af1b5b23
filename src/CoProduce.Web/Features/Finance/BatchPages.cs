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
    /// <summary>
    /// The approved claims waiting to be paid, in four groups as <see cref="Claim"/> decides
    /// (ready for a batch, needing bank details, vouchers, owed back): each group counted and
    /// added up by the database, and one page of each read as rows, in batch order. The batches
    /// made so far, newest first, one page of them. A fixed number of SQL commands whatever the data.
    /// </summary>
    public async Task<BatchesPage> BatchesAsync(BatchesPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ready = await GroupAsync(WaitingClaims.Ready(db), request.Ready, cancellationToken);
        var needBankDetails = await GroupAsync(WaitingClaims.NeedBankDetails(db), request.NeedBankDetails, cancellationToken);
        var vouchers = await GroupAsync(WaitingClaims.Vouchers(db), request.Vouchers, cancellationToken);
        var owedBack = await GroupAsync(WaitingClaims.OwedBack(db), request.OwedBack, cancellationToken);

        var paging = Paging.Of(await db.PaymentBatches.CountAsync(cancellationToken), BatchesPage.PageSize, request.Batches);
        var batches = await db.PaymentBatches.AsNoTracking().OrderByDescending(b => b.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(b => new
            {
                b.Id, b.CreatedUtc, b.Status, b.PaidUtc, Claims = b.Lines.Count,
                Pence = b.Lines.Sum(l => (long)(object)l.Amount),
            })
            .ToListAsync(cancellationToken);

        return new BatchesPage(ready, needBankDetails, vouchers, owedBack,
            BatchCandidates.WhyNone(ready.Paging.Total, needBankDetails.Paging.Total),
            batches.Select(b => new BatchRow(b.Id, FinanceText.DateTimeUk(b.CreatedUtc), b.Status == PaymentBatchStatus.Paid ? $"Paid {FinanceText.DateTimeUk(b.PaidUtc!.Value)}" : "Waiting to be paid",
                b.Claims, Money.FromPence(b.Pence))).ToList(),
            paging);
    }

    /// <summary>One group of waiting claims: how many and their total from the database, and one page of rows in batch order.</summary>
    private async Task<WaitingClaimGroup> GroupAsync(IQueryable<Claim> claims, int page, CancellationToken cancellationToken)
    {
        var sum = await claims.GroupBy(c => 1)
            .Select(g => new { Count = g.Count(), Pence = g.Sum(c => (long)(object)c.Total), Ids = g.Sum(c => (long)c.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        var paging = Paging.Of(sum?.Count ?? 0, BatchesPage.ClaimsPageSize, page);
        var rows = sum is null ? [] : await claims.AsNoTracking()
            .OrderBy(c => c.ExpertProfileId).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(c => new
            {
                c.Id, c.ExpertProfileId, c.Total,
                Name = db.ExpertProfiles.Where(p => p.Id == c.ExpertProfileId && p.AnonymisedUtc == null).Select(p => p.PreferredName).FirstOrDefault(),
                Activity = db.Activities.Where(a => a.Id == c.ActivityId).Select(a => a.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new WaitingClaimGroup(
            rows.Select(c => new WaitingClaimRow(c.Id, FinanceText.ClaimReference(c.Id), FinanceText.Claimant(c.ExpertProfileId, c.Name), c.Activity ?? string.Empty, c.Total)).ToList(),
            Money.FromPence(sum?.Pence ?? 0), paging, sum?.Ids ?? 0);
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
}

public sealed record WaitingClaimRow(int Id, string Reference, string Claimant, string Activity, Money Total);

public sealed record BatchRow(int Id, string Made, string Status, int Claims, Money Total);

/// <summary>One group of approved claims waiting to be paid: one page of rows, and the count and total of all of them.</summary>
/// <param name="IdSum">The claims' ids added up: with the count and total, tells whether the same claims are still in the group.</param>
public sealed record WaitingClaimGroup(IReadOnlyList<WaitingClaimRow> Rows, Money Total, Paging Paging, long IdSum = 0);

/// <summary>Which page of each list the finance officer asked for.</summary>
public sealed record BatchesPageRequest(int Ready = 1, int NeedBankDetails = 1, int Vouchers = 1, int OwedBack = 1, int Batches = 1);

/// <summary>What is waiting to be paid, sorted by how (each group paged), and the batches made so far (newest first, paged).</summary>
public sealed record BatchesPage(
    WaitingClaimGroup Ready,
    WaitingClaimGroup NeedBankDetails,
    WaitingClaimGroup Vouchers,
    WaitingClaimGroup OwedBack,
    string? WhyNoBatch,
    IReadOnlyList<BatchRow> Batches, Paging Paging)
{
    public const int PageSize = 20;

    public const int ClaimsPageSize = 50;

    /// <summary>The address of this page with one list on another page and the others where they were, at that list.</summary>
    public string Link(string list, int page)
    {
        var pages = new (string Name, int Page)[]
        {
            ("ready", list == "ready" ? page : Ready.Paging.Page),
            ("bank", list == "bank" ? page : NeedBankDetails.Paging.Page),
            ("vouchers", list == "vouchers" ? page : Vouchers.Paging.Page),
            ("owed", list == "owed" ? page : OwedBack.Paging.Page),
            ("page", list == "page" ? page : Paging.Page),
        };
        var query = string.Join("&", pages.Where(p => p.Page > 1).Select(p => $"{p.Name}={p.Page}"));
        return "/finance/batches" + (query.Length == 0 ? string.Empty : "?" + query) + "#" + list;
    }
}

public sealed record BatchLineRow(int Position, int ClaimId, string ClaimReference, string PayeeReference, string Claimant, string Activity, string MaskedAccount, Money Amount);

/// <summary>One batch: how many claims and their total (all of them), and the lines of one page.</summary>
public sealed record BatchPage(int Id, string Made, string MadeBy, string Status, bool CanMarkPaid, IReadOnlyList<BatchLineRow> Lines, Money Total, Paging Paging)
{
    public const int PageSize = 100;


    /// <summary>Waiting to be paid but not exported yet: the file must be made before the batch can be marked paid.</summary>
    public bool NeedsExportFirst { get; init; }
}
