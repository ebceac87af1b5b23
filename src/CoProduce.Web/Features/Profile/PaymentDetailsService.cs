using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Claims;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Features.Statement;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// How an expert by experience is paid: the way they choose, their bank details (encrypted with
/// <see cref="BankDetailsProtector"/> before they are stored) and which benefits they get. Each
/// change is audited as <see cref="AuditActions.PaymentDetailsChanged"/> naming only the part
/// that changed, never a value. Only the person's own pages read this, and finance's export.
/// </summary>
public sealed class PaymentDetailsService(CoProduceDbContext db, BankDetailsProtector protector, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>What the person sees of how they are paid: bank details only masked.</summary>
    public async Task<HowYouArePaid> ReadAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        var details = await db.PaymentDetails.AsNoTracking().SingleOrDefaultAsync(d => d.ExpertProfileId == profile.Id, cancellationToken);
        var account = details?.ProtectedBankDetails is { } stored ? protector.Unprotect(stored) : null;
        return HowYouArePaid.From(profile, details, account);
    }

    /// <summary>
    /// Every payment claim of the person, whole, for "your data": in two commands however many
    /// there are (the claims with their expenses and history, then the batch lines that pay them).
    /// </summary>
    public async Task<IReadOnlyList<ClaimRecord>> ClaimsAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        var claims = await db.Claims.AsNoTracking().Where(c => c.ExpertProfileId == profile.Id)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { Claim = c, a.Title, a.Date })
            .OrderBy(x => x.Date).ThenBy(x => x.Claim.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var batches = await db.PaymentBatches.AsNoTracking()
            .SelectMany(b => b.Lines, (b, l) => new { BatchId = b.Id, l.ClaimId, l.ExpertProfileId, l.Amount })
            .Where(l => l.ExpertProfileId == profile.Id)
            .ToListAsync(cancellationToken);
        return claims.Select(x =>
        {
            var c = x.Claim;
            var batch = batches.FirstOrDefault(b => b.ClaimId == c.Id);
            return new ClaimRecord(
                c.Id,
                x.Title,
                ClaimWords.Origin(c.Origin),
                c.CorrectsClaimId,
                StatementText.Status(c.Status),
                ClaimWords.PaymentMethod(c.PaymentMethod),
                c.FeeOffered?.Format(),
                c.FeeTaken.Format(),
                c.Total.Format(),
                c.WarningsSeen,
                c.FirstSubmittedUtc,
                c.CreatedUtc,
                c.UpdatedUtc,
                c.Expenses.OrderBy(e => e.Number)
                    .Select(e => new ExpenseRecord(e.Number, ClaimWords.Category(e.Category), e.Amount.Format(), e.Miles, e.Description, e.ReceiptFileName, e.ReceiptDeletedUtc)).ToList(),
                c.Decisions.OrderBy(d => d.Number)
                    .Select(d => new ClaimStepRecord(d.Number, ClaimWords.Step(d.Step), d.AtUtc, d.Total.Format(), d.Note)).ToList(),
                batch is null ? null : new PaymentBatchRecord(batch.BatchId, batch.Amount.Format()));
        }).ToList();
    }

    /// <summary>The person's answer about benefits, to fill in the form again.</summary>
    public async Task<BenefitsSituation?> BenefitsAsync(ExpertProfile profile, CancellationToken cancellationToken) =>
        (await db.PaymentDetails.AsNoTracking().SingleOrDefaultAsync(d => d.ExpertProfileId == profile.Id, cancellationToken))?.Benefits;

    /// <summary>Who gives independent welfare-rights advice, from the payment settings.</summary>
    public Task<AdviceLink?> AdviceAsync(CancellationToken cancellationToken) =>
        db.PaymentSettings.AsNoTracking()
            .Select(s => new AdviceLink(s.WelfareRightsAdviceName, s.WelfareRightsAdviceLink))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> HasBankDetailsAsync(ExpertProfile profile, CancellationToken cancellationToken) =>
        await db.PaymentDetails.AnyAsync(d => d.ExpertProfileId == profile.Id && d.ProtectedBankDetails != null, cancellationToken);

    /// <summary>Bank transfer, voucher, or not paid for their time. It lives on the profile, which organisers see.</summary>
    public async Task SetPaymentPreferenceAsync(ExpertProfile profile, PaymentPreference preference, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        profile.SetPaymentPreference(preference, now);
        Audit(profile, "How to be paid changed.", byUserId, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetBankDetailsAsync(ExpertProfile profile, BankDetails account, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        var details = await LoadOrAddAsync(profile, now, cancellationToken);
        var had = details.HasBankDetails;
        details.SetProtectedBankDetails(protector.Protect(account), now);
        Audit(profile, had ? "Bank details changed." : "Bank details added.", byUserId, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Removing details there are none of records nothing. While a claim is on its way to be paid
    /// by bank transfer (with finance, approved or in a batch) the details are refused removal, as
    /// on deletion (<see cref="PayeeDeletion"/>): the payment could not be made, or its batch
    /// exported. The person can still change them to another account.
    /// </summary>
    public async Task RemoveBankDetailsAsync(ExpertProfile profile, string byUserId, CancellationToken cancellationToken)
    {
        var details = await db.PaymentDetails.SingleOrDefaultAsync(d => d.ExpertProfileId == profile.Id, cancellationToken);
        if (details is not { HasBankDetails: true })
        {
            return;
        }
        var claims = await db.Claims.Where(c => c.ExpertProfileId == profile.Id)
            .Select(c => new { c.Status, c.PaymentMethod, c.Total })
            .ToListAsync(cancellationToken);
        if (PayeeDeletion.BankDetailsStillNeeded(claims.Select(c => (c.Status, c.PaymentMethod, c.Total))))
        {
            throw new PaymentRuleException("We are about to pay money into this account, so you cannot remove it now. You can change it to another account, or remove it once you have been paid.");
        }
        var now = Now;
        details.RemoveBankDetails(now);
        Audit(profile, "Bank details removed.", byUserId, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetBenefitsAsync(ExpertProfile profile, BenefitsSituation situation, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        var details = await LoadOrAddAsync(profile, now, cancellationToken);
        details.SetBenefits(situation, now);
        Audit(profile, "Benefits answer changed.", byUserId, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Part of deleting the person's information (<see cref="ProfileService.EraseAsync"/>), saved
    /// with it: their benefits answer goes, and their bank details too unless a claim still has to
    /// be paid into their account (<see cref="PayeeDeletion"/>). Their claims stay. Returns what
    /// happened, in words for the deletion's audit entry.
    /// </summary>
    public async Task<string?> ForgetForDeletionAsync(ExpertProfile profile, string byUserId, DateTime now, CancellationToken cancellationToken)
    {
        var details = await db.PaymentDetails.SingleOrDefaultAsync(d => d.ExpertProfileId == profile.Id, cancellationToken);
        if (details is null)
        {
            return null;
        }
        var claims = await db.Claims.Where(c => c.ExpertProfileId == profile.Id)
            .Select(c => new { c.Status, c.PaymentMethod, c.Total })
            .ToListAsync(cancellationToken);
        var stillNeeded = details.HasBankDetails && PayeeDeletion.BankDetailsStillNeeded(claims.Select(c => (c.Status, c.PaymentMethod, c.Total)));
        details.ForgetOnDeletion(stillNeeded, now);
        var what = stillNeeded
            ? "Benefits answer removed. Bank details kept until the claims still to be paid by bank transfer are paid."
            : "Benefits answer and any bank details removed.";
        Audit(profile, what, byUserId, now);
        return what;
    }

    private async Task<PaymentDetails> LoadOrAddAsync(ExpertProfile profile, DateTime now, CancellationToken cancellationToken)
    {
        var details = await db.PaymentDetails.SingleOrDefaultAsync(d => d.ExpertProfileId == profile.Id, cancellationToken);
        if (details is null)
        {
            details = new PaymentDetails(profile.Id, now);
            db.PaymentDetails.Add(details);
        }
        return details;
    }

    /// <summary>Names the part that changed, never its value: no bank details, no benefits.</summary>
    private void Audit(ExpertProfile profile, string summary, string byUserId, DateTime now) =>
        db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentDetails(profile.Id), null, AuditActions.PaymentDetailsChanged, summary, byUserId, now, null, null));
}
