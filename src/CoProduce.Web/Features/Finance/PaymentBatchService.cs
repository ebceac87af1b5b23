using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Payments;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Finance;

/// <summary>What came of a change to payment batches: done (with the batch's id), or refused with the reason.</summary>
public sealed record BatchOutcome(int? BatchId, string? Refusal, string? Message = null)
{
    public const string TakenMeanwhile = "Someone else has just changed these claims or this batch, so nothing was saved. The page now shows them as they are: check them and try again.";

    public const string ChangedSinceShown = "The claims ready for a batch have changed since the page was shown, so no batch was made. The page now shows them as they are: check the number and total, then make the batch.";

    public static BatchOutcome Done(int batchId, string message) => new(batchId, null, message);

    public static BatchOutcome Refused(string why) => new(null, why);
}

/// <summary>What the finance officer saw before making a batch: how many claims were ready and their total.</summary>
/// <summary>What the page showed of the ready claims: how many, their total, and their ids added up (so that one claim swapped for another of the same amount is noticed).</summary>
public sealed record BatchSeen(int Claims, Money Total, long? IdSum = null);

/// <summary>A batch's export: the file for the council's payment system.</summary>
public sealed record BatchExport(string FileName, byte[] Content);

/// <summary>
/// Pays approved claims: puts every approved bank transfer whose person has given bank details in
/// a payment batch, exports the batch for the council's payment system, marks it paid, and records
/// vouchers issued (and money owed back repaid) one claim at a time. Each change is audited beside
/// it, never with bank details, and saved in one transaction. A claim goes in at most one batch:
/// its concurrency token (and a unique index on batch lines) makes a second batch taking it fail.
/// </summary>
public sealed class PaymentBatchService(CoProduceDbContext db, BankDetailsProtector bankDetails, Audit.SpecialCategoryViewsService views, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Makes a batch of every approved bank transfer that can be paid now. When <paramref name="seen"/>
    /// is given (the count and total the page showed), the batch is made only if the claims ready
    /// are still those: otherwise nothing is saved and the officer sees them as they are now.
    /// </summary>
    public async Task<BatchOutcome> CreateAsync(string userId, BatchSeen? seen, CancellationToken cancellationToken)
    {
        try
        {
            BatchOutcome outcome = null!;
            await InTransactionAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var approved = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery()
                    .Where(c => c.Status == ClaimStatus.Approved && c.PaymentMethod == ClaimPaymentMethod.BankTransfer)
                    .ToListAsync(cancellationToken);
                var candidates = BatchCandidates.From(ClaimsToPay.From(approved), await WithBankDetailsAsync(approved.Select(c => c.ExpertProfileId), cancellationToken));
                if (candidates.WhyNoBatch is { } why)
                {
                    outcome = BatchOutcome.Refused(why);
                    return;
                }
                if (seen is not null && (seen.Claims != candidates.Ready.Count || seen.Total != candidates.Ready.Aggregate(Money.Zero, (sum, c) => sum + c.Total)
                    || (seen.IdSum is { } ids && ids != candidates.Ready.Sum(c => (long)c.Id))))
                {
                    outcome = BatchOutcome.Refused(BatchOutcome.ChangedSinceShown);
                    return;
                }
                var before = candidates.Ready.ToDictionary(c => c.Id, ClaimApprovalService.State);
                var batch = new PaymentBatch(candidates.Ready, userId, Now);
                db.PaymentBatches.Add(batch);
                // The batch needs its id before its audit entries can name it.
                await db.SaveChangesAsync(cancellationToken);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchCreated,
                    $"Payment batch {batch.Id} made with {batch.Lines.Count} claims.", userId, Now, after: $"{batch.Status}; {batch.Lines.Count} claims; total {batch.Total}"));
                db.AuditEntries.AddRange(candidates.Ready.Select(c => new AuditEntry(AuditSubject.Claim(c.Id), null, AuditActions.ClaimBatched,
                    $"Claim {c.Id} put in payment batch {batch.Id}.", userId, Now, before[c.Id], ClaimApprovalService.State(c))));
                await db.SaveChangesAsync(cancellationToken);
                outcome = BatchOutcome.Done(batch.Id, $"Payment batch {batch.Id} made: {batch.Lines.Count} claims, {batch.Total} in total");
            }, cancellationToken);
            return outcome;
        }
        catch (DbUpdateException collision) when (ClaimApprovalService.IsCollision(collision) || collision.Entries.Any(e => e.Entity is PaymentBatch or PaymentBatchLine))
        {
            db.ChangeTracker.Clear();
            return BatchOutcome.Refused(BatchOutcome.TakenMeanwhile);
        }
    }

    /// <summary>Marks the batch paid, and with it each of its claims.</summary>
    public async Task<BatchOutcome> MarkPaidAsync(int batchId, string userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var batch = await db.PaymentBatches.Include(b => b.Lines).AsSplitQuery().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return BatchOutcome.Refused("We could not find that payment batch.");
        }
        var claimIds = batch.Lines.Select(l => l.ClaimId).ToList();
        var claims = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery()
            .Where(c => claimIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var before = claims.ToDictionary(c => c.Id, ClaimApprovalService.State);
        try
        {
            batch.MarkPaid(claims, userId, Now);
        }
        catch (PaymentRuleException refused)
        {
            db.ChangeTracker.Clear();
            return BatchOutcome.Refused(refused.Message);
        }
        db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchPaid,
            $"Payment batch {batch.Id} marked paid.", userId, Now, $"{PaymentBatchStatus.AwaitingPayment}; total {batch.Total}", $"{batch.Status}; total {batch.Total}"));
        db.AuditEntries.AddRange(claims.Select(c => new AuditEntry(AuditSubject.Claim(c.Id), null, AuditActions.ClaimPaid,
            $"Claim {c.Id} paid in payment batch {batch.Id}.", userId, Now, before[c.Id], ClaimApprovalService.State(c))));
        return await SaveAsync(BatchOutcome.Done(batch.Id, $"Payment batch {batch.Id} marked paid, with its {claims.Count} claims"), cancellationToken);
    }

    /// <summary>Records a voucher issued, or money owed back repaid: an approved claim paid outside a batch.</summary>
    public async Task<BatchOutcome> RecordPaidOutsideBatchAsync(int claimId, string userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var claim = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return BatchOutcome.Refused("We could not find that claim.");
        }
        var before = ClaimApprovalService.State(claim);
        try
        {
            claim.RecordPaidOutsideBatch(userId, Now);
        }
        catch (PaymentRuleException refused)
        {
            db.ChangeTracker.Clear();
            return BatchOutcome.Refused(refused.Message);
        }
        var what = claim.LatestDecision.Note;
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(claim.Id), null, AuditActions.ClaimPaid,
            $"Claim {claim.Id} paid outside a batch: {what}.", userId, Now, before, ClaimApprovalService.State(claim)));
        return await SaveAsync(new BatchOutcome(null, null, $"{what}: claim {FinanceText.ClaimReference(claim.Id)}, {claim.Total}"), cancellationToken);
    }

    /// <summary>
    /// The batch as a CSV file for the council's payment system: one row for each person paid, in
    /// the batch's order, with the bank details decrypted here and nowhere else. Exporting again
    /// gives the same bytes. The export is audited, without the bank details, and so is each
    /// person whose bank details the file holds, before the file is given out.
    /// </summary>
    /// <remarks>
    /// The first export keeps the file (encrypted) and is saved before any of it is sent: a
    /// download that fails midway leaves the batch exported, and downloading again gives the same
    /// file. Neither the batch's lines nor its claims are loaded as entities: the lines are read
    /// in one query, row by row, each person's bank details decrypted once, and written straight
    /// into the file; count, payees and total come from the database.
    /// </remarks>
    public async Task<(BatchExport? File, string? Refusal)> ExportAsync(int batchId, string userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // The batch's own columns, counted and added up by the database. A batch's lines are owned,
        // so loading the batch itself would bring all of them, with the kept file on every one.
        var batch = await db.PaymentBatches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new
            {
                b.Id, b.Status, b.ProtectedExport,
                Claims = b.Lines.Count,
                Payees = b.Lines.Select(l => l.ExpertProfileId).Distinct().Count(),
                Pence = b.Lines.Sum(l => (long)(object)l.Amount),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (batch is null)
        {
            return (null, "We could not find that payment batch.");
        }
        var total = Money.FromPence(batch.Pence);
        var lines = db.PaymentBatches.AsNoTracking().Where(b => b.Id == batchId).SelectMany(b => b.Lines);
        if (batch.ProtectedExport is { } kept)
        {
            // The file as first made: the same bytes, whatever has changed since.
            db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchExported,
                $"Payment batch {batch.Id} exported again (the file first made): {batch.Payees} payees, {batch.Claims} claims.", userId, Now,
                after: $"{batch.Status}; total {total}"));
            await db.SaveChangesAsync(cancellationToken);
            var payees = await lines.Select(l => l.ExpertProfileId).Distinct().ToListAsync(cancellationToken);
            await RecordBankDetailsSeenAsync(batch.Id, payees, userId, cancellationToken);
            return (new BatchExport($"payment-batch-{batch.Id}.csv", bankDetails.UnprotectFile(kept)), null);
        }

        var rows = lines.OrderBy(l => l.Position)
            .Select(l => new PaymentExportLine(l.ExpertProfileId, l.ClaimId, l.Amount,
                db.PaymentDetails.Where(d => d.ExpertProfileId == l.ExpertProfileId).Select(d => d.ProtectedBankDetails).FirstOrDefault()))
            .AsAsyncEnumerable();
        var (content, paid, missing) = await WriteCsvAsync(rows, cancellationToken);
        if (missing is { } gone)
        {
            return (null, $"{FinanceText.PayeeReference(gone)} has removed their bank details since this batch was made. Ask them to give them again, then export the batch.");
        }
        // The file is kept, and the export audited, before any of it is sent. The batch is not
        // loaded to do it (its thousands of owned lines would come too): one UPDATE keeps the
        // file only while none is kept, which is what PaymentBatch.KeepExport allows, and gives
        // the batch a new version as any change to it does.
        var protectedFile = bankDetails.ProtectFile(content);
        var now = Now;
        var madeHere = false;
        await InTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            madeHere = await db.PaymentBatches.Where(b => b.Id == batchId && b.ExportedUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.ProtectedExport, protectedFile).SetProperty(b => b.ExportedByUserId, userId)
                    .SetProperty(b => b.ExportedUtc, now).SetProperty(b => b.Version, Guid.NewGuid()), cancellationToken) == 1;
            if (madeHere)
            {
                db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchExported,
                    $"Payment batch {batch.Id} exported for the payment system: {paid.Count} payees, {batch.Claims} claims.", userId, now,
                    after: $"{batch.Status}; total {total}"));
                await db.SaveChangesAsync(cancellationToken);
            }
        }, cancellationToken);
        if (!madeHere)
        {
            // Someone else made the file at the same moment: theirs is the one, so give that.
            return await ExportAsync(batchId, userId, cancellationToken);
        }
        await RecordBankDetailsSeenAsync(batch.Id, paid, userId, cancellationToken);
        return (new BatchExport($"payment-batch-{batch.Id}.csv", content), null);
    }

    private Task RecordBankDetailsSeenAsync(int batchId, IEnumerable<int> payees, string userId, CancellationToken cancellationToken) =>
        views.RecordAsync(payees.Select(id => new Audit.SpecialCategoryView(id, SpecialCategory.BankDetails)),
            $"exported in the file of payment batch {batchId}", userId, cancellationToken);

    /// <summary>
    /// Writes the file as the lines arrive: RFC 4180 (CRLF, quotes only where needed), UTF-8
    /// without a byte order mark, and a name that starts like a formula is escaped so a
    /// spreadsheet never runs it. Stops at the first person without bank details.
    /// </summary>
    private async Task<(byte[] Content, List<int> Payees, int? Missing)> WriteCsvAsync(IAsyncEnumerable<PaymentExportLine> lines, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = false, FormatProvider = CultureInfo.InvariantCulture };
        var payees = new List<int>();
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteHeader(PaymentExportRow.Header);
            await foreach (var payee in PaymentExportRows.ByPayeeAsync(lines, cancellationToken))
            {
                if (payee.ProtectedBankDetails is null)
                {
                    return ([], payees, payee.ExpertProfileId);
                }
                var row = PaymentExportRows.Row(payee, bankDetails.Unprotect(payee.ProtectedBankDetails));
                csv.WriteRecord([row.PayeeReference, row.Name, row.SortCode, row.AccountNumber, row.Amount, row.ClaimReferences]);
                payees.Add(payee.ExpertProfileId);
            }
        }
        return (buffer.ToArray(), payees, null);
    }

    private async Task<IReadOnlySet<int>> WithBankDetailsAsync(IEnumerable<int> profileIds, CancellationToken cancellationToken)
    {
        var ids = profileIds.Distinct().ToList();
        return (await db.PaymentDetails.AsNoTracking().Where(d => ids.Contains(d.ExpertProfileId) && d.ProtectedBankDetails != null)
            .Select(d => d.ExpertProfileId).ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task<BatchOutcome> SaveAsync(BatchOutcome done, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return done;
        }
        catch (DbUpdateException collision) when (ClaimApprovalService.IsCollision(collision))
        {
            db.ChangeTracker.Clear();
            return BatchOutcome.Refused(BatchOutcome.TakenMeanwhile);
        }
    }

    /// <summary>Two saves in one transaction, run through the execution strategy as SQL Server's retrying strategy requires.</summary>
    private Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
}

/// <summary>One row of the payment export: one person, all their claims in the batch.</summary>
public sealed record PaymentExportRow(string PayeeReference, string Name, string SortCode, string AccountNumber, string Amount, string ClaimReferences)
{
    public static readonly string[] Header = ["Payee reference", "Name on account", "Sort code", "Account number", "Amount", "Claim references"];

    public override string ToString() => $"{PayeeReference} ({ClaimReferences})"; // never the bank details, should a row reach a log
}

/// <summary>One line of a batch as the export reads it: whose, which claim, how much, and the person's bank details as stored (encrypted), if any.</summary>
public sealed record PaymentExportLine(int ExpertProfileId, int ClaimId, Money Amount, string? ProtectedBankDetails);

/// <summary>One person's lines in a batch, next to each other in batch order: one payment.</summary>
public sealed record PaymentExportPayee(int ExpertProfileId, string? ProtectedBankDetails, IReadOnlyList<PaymentExportLine> Lines);

/// <summary>
/// Turns a batch's lines into export rows: a person's lines are next to each other in batch order
/// (by person, then claim), and become one payment. Reads the lines as they come, holding only
/// one person's at a time.
/// </summary>
public static class PaymentExportRows
{
    public static async IAsyncEnumerable<PaymentExportPayee> ByPayeeAsync(IAsyncEnumerable<PaymentExportLine> lines,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var current = new List<PaymentExportLine>();
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (current.Count > 0 && current[0].ExpertProfileId != line.ExpertProfileId)
            {
                yield return new PaymentExportPayee(current[0].ExpertProfileId, current[0].ProtectedBankDetails, current);
                current = [];
            }
            current.Add(line);
        }
        if (current.Count > 0)
        {
            yield return new PaymentExportPayee(current[0].ExpertProfileId, current[0].ProtectedBankDetails, current);
        }
    }

    public static PaymentExportRow Row(PaymentExportPayee payee, BankDetails bank)
    {
        ArgumentNullException.ThrowIfNull(payee);
        ArgumentNullException.ThrowIfNull(bank);
        var amount = payee.Lines.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);
        return new PaymentExportRow(FinanceText.PayeeReference(payee.ExpertProfileId), bank.AccountName, bank.SortCode, bank.AccountNumber,
            FinanceText.PlainPounds(amount), string.Join(' ', payee.Lines.Select(l => FinanceText.ClaimReference(l.ClaimId))));
    }
}
