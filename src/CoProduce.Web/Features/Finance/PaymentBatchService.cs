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

    public static BatchOutcome Done(int batchId, string message) => new(batchId, null, message);

    public static BatchOutcome Refused(string why) => new(null, why);
}

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

    /// <summary>Makes a batch of every approved bank transfer that can be paid now.</summary>
    public async Task<BatchOutcome> CreateAsync(string userId, CancellationToken cancellationToken)
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
        var batch = await db.PaymentBatches.Include(b => b.Lines).SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
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
    public async Task<(BatchExport? File, string? Refusal)> ExportAsync(int batchId, string userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var batch = await db.PaymentBatches.Include(b => b.Lines).SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return (null, "We could not find that payment batch.");
        }
        var payees = batch.Lines.Select(l => l.ExpertProfileId).Distinct().Count();
        if (batch.ProtectedExport is { } kept)
        {
            // The file as first made: the same bytes, whatever has changed since.
            db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchExported,
                $"Payment batch {batch.Id} exported again (the file first made): {payees} payees, {batch.Lines.Count} claims.", userId, Now,
                after: $"{batch.Status}; total {batch.Total}"));
            await db.SaveChangesAsync(cancellationToken);
            await RecordBankDetailsSeenAsync(batch, userId, cancellationToken);
            return (new BatchExport($"payment-batch-{batch.Id}.csv", bankDetails.UnprotectFile(kept)), null);
        }
        var profileIds = batch.Lines.Select(l => l.ExpertProfileId).Distinct().ToList();
        var stored = await db.PaymentDetails.AsNoTracking().Where(d => profileIds.Contains(d.ExpertProfileId) && d.ProtectedBankDetails != null)
            .ToDictionaryAsync(d => d.ExpertProfileId, d => d.ProtectedBankDetails!, cancellationToken);
        if (profileIds.FirstOrDefault(id => !stored.ContainsKey(id)) is var missing and > 0)
        {
            return (null, $"{FinanceText.PayeeReference(missing)} has removed their bank details since this batch was made. Ask them to give them again, then export the batch.");
        }
        var rows = PaymentExportRows.From(batch.Lines, id => bankDetails.Unprotect(stored[id]));
        var content = WriteCsv(rows);
        batch.KeepExport(bankDetails.ProtectFile(content), userId, Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchExported,
            $"Payment batch {batch.Id} exported for the payment system: {rows.Count} payees, {batch.Lines.Count} claims.", userId, Now,
            after: $"{batch.Status}; total {batch.Total}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else made the file at the same moment: theirs is the one, so give that.
            return await ExportAsync(batchId, userId, cancellationToken);
        }
        await RecordBankDetailsSeenAsync(batch, userId, cancellationToken);
        return (new BatchExport($"payment-batch-{batch.Id}.csv", content), null);
    }

    private Task RecordBankDetailsSeenAsync(PaymentBatch batch, string userId, CancellationToken cancellationToken) =>
        views.RecordAsync(batch.Lines.Select(l => new Audit.SpecialCategoryView(l.ExpertProfileId, SpecialCategory.BankDetails)),
            $"exported in the file of payment batch {batch.Id}", userId, cancellationToken);

    private static byte[] WriteCsv(IReadOnlyList<PaymentExportRow> rows)
    {
        // RFC 4180 (CRLF, quotes only where needed), UTF-8 without a byte order mark, and a name
        // that starts like a formula is escaped so a spreadsheet never runs it.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = false, FormatProvider = CultureInfo.InvariantCulture };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteHeader(PaymentExportRow.Header);
            foreach (var row in rows)
            {
                csv.WriteRecord([row.PayeeReference, row.Name, row.SortCode, row.AccountNumber, row.Amount, row.ClaimReferences]);
            }
        }
        return buffer.ToArray();
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

/// <summary>Turns a batch's lines into export rows: a person's lines are next to each other in batch order, and become one payment.</summary>
public static class PaymentExportRows
{
    public static IReadOnlyList<PaymentExportRow> From(IEnumerable<PaymentBatchLine> lines, Func<int, BankDetails> bankDetailsOf)
    {
        var rows = new List<PaymentExportRow>();
        foreach (var payee in lines.OrderBy(l => l.Position).GroupBy(l => l.ExpertProfileId))
        {
            var bank = bankDetailsOf(payee.Key);
            var amount = payee.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);
            rows.Add(new PaymentExportRow(FinanceText.PayeeReference(payee.Key), bank.AccountName, bank.SortCode, bank.AccountNumber,
                FinanceText.PlainPounds(amount), string.Join(' ', payee.Select(l => FinanceText.ClaimReference(l.ClaimId)))));
        }
        return rows;
    }
}
