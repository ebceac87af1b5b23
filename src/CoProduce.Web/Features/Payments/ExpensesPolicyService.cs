using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// Publishes a new version of the expenses policy through <see cref="ExpensesPolicy.Publish"/>,
/// with its audit entry (the policy before and after) in the same save.
/// </summary>
public sealed class ExpensesPolicyService(CoProduceDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Returns the new version's number. Refusals come back as a <see cref="PaymentRuleException"/>.</summary>
    public async Task<int> PublishAsync(Money mileageRatePerMile, IReadOnlyCollection<ExpenseRule> rules, DateOnly effectiveFrom, string userId,
        CancellationToken cancellationToken)
    {
        var existing = await db.ExpensesPolicies.AsNoTracking().ToListAsync(cancellationToken);
        var policy = ExpensesPolicy.Publish(existing, mileageRatePerMile, rules, effectiveFrom, userId, Now);
        var latest = existing.MaxBy(p => p.Version);
        db.ExpensesPolicies.Add(policy);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.ExpensesPolicy(policy.Version), null, AuditActions.ExpensesPolicyPublished,
            $"Expenses policy version {policy.Version} published, in force from {PaymentWords.Date(effectiveFrom)}.", userId, Now,
            latest is null ? null : Describe(latest), Describe(policy)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique version number: another lead published at the same moment.
            db.ChangeTracker.Clear();
            throw new PaymentRuleException("Another co-production lead has just published a version of the expenses policy. Look at it before publishing yours.");
        }
        return policy.Version;
    }

    /// <summary>What the audit log keeps of a version: its date, the rate per mile and each rule, amounts in pence.</summary>
    private static string Describe(ExpensesPolicy p) =>
        $"version {p.Version} from {p.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; mileage {p.MileageRatePerMile.Pence}p a mile; " +
        string.Join("; ", p.Rules.OrderBy(r => r.Category).Select(r =>
            $"{r.Category}: {(r.CapPerClaim is { } cap ? $"cap {cap.Pence}p" : "no cap")}, {(r.ReceiptNeeded ? "receipt needed" : "no receipt")}"));
}
