using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// Adds a dated set of benefit limits, or corrects one that has not taken effect yet, with its
/// audit entry (BenefitLimitsChanged). Each returns the problems found, by field, for the form:
/// those of <see cref="BenefitLimits.Check"/> and a second set on the same day.
/// </summary>
public sealed class BenefitLimitsService(CoProduceDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<BenefitLimitsProblem>> AddAsync(DateOnly effectiveFrom, BenefitLimitFigures figures, string? source, string? sourceLink,
        string userId, CancellationToken cancellationToken)
    {
        var problems = await ProblemsAsync(null, effectiveFrom, figures, source, sourceLink, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }
        var limits = BenefitLimits.Create(effectiveFrom, figures, source!, sourceLink);
        db.BenefitLimits.Add(limits);
        try
        {
            // The set needs its id before its audit entry can name it: two saves, one transaction.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.BenefitLimits(limits.Id), null, AuditActions.BenefitLimitsChanged,
                    $"Benefit limits added, in force from {PaymentWords.Date(effectiveFrom)}. Source: {limits.Source}", userId, Now,
                    before: null, after: Describe(limits)));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException)
        {
            // The unique effective date: another lead added a set for that day at the same moment.
            db.ChangeTracker.Clear();
            return [SameDay(effectiveFrom)];
        }
        return [];
    }

    /// <summary>Corrects a set that has not started. Null when there is no such set.</summary>
    public async Task<IReadOnlyList<BenefitLimitsProblem>?> CorrectAsync(int id, DateOnly effectiveFrom, BenefitLimitFigures figures, string? source,
        string? sourceLink, string userId, CancellationToken cancellationToken)
    {
        var limits = await db.BenefitLimits.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (limits is null)
        {
            return null;
        }
        var problems = await ProblemsAsync(id, effectiveFrom, figures, source, sourceLink, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }
        var before = Describe(limits);
        try
        {
            limits.Correct(effectiveFrom, figures, source!, sourceLink, UkTime.Today(clock));
        }
        catch (PaymentRuleException refused)
        {
            return [new(nameof(BenefitLimitsForm.EffectiveFrom), refused.Message.TrimEnd('.'))];
        }
        db.AuditEntries.Add(new AuditEntry(AuditSubject.BenefitLimits(limits.Id), null, AuditActions.BenefitLimitsChanged,
            $"Benefit limits corrected before they took effect, now in force from {PaymentWords.Date(effectiveFrom)}. Source: {limits.Source}", userId, Now,
            before, Describe(limits)));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private async Task<IReadOnlyList<BenefitLimitsProblem>> ProblemsAsync(int? id, DateOnly effectiveFrom, BenefitLimitFigures figures, string? source,
        string? sourceLink, CancellationToken cancellationToken)
    {
        var problems = BenefitLimits.Check(figures, source, sourceLink).ToList();
        if (await db.BenefitLimits.AnyAsync(l => l.EffectiveFrom == effectiveFrom && l.Id != id, cancellationToken))
        {
            problems.Insert(0, SameDay(effectiveFrom));
        }
        return problems;
    }

    private static BenefitLimitsProblem SameDay(DateOnly date) =>
        new(nameof(BenefitLimitsForm.EffectiveFrom), $"A set of limits already takes effect on {PaymentWords.Date(date)}. Choose another date");

    /// <summary>What the audit log keeps of a set: its date, every figure (amounts in pence) and its source.</summary>
    private static string Describe(BenefitLimits l) =>
        $"from {l.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; UC work allowance {l.UniversalCreditWorkAllowanceWithHousingCosts.Pence}p with housing, " +
        $"{l.UniversalCreditWorkAllowanceWithoutHousingCosts.Pence}p without; taper {l.UniversalCreditTaperBasisPoints} basis points; " +
        $"ESA higher {l.EsaPermittedWorkHigherWeeklyLimit.Pence}p, lower {l.EsaPermittedWorkLowerWeeklyLimit.Pence}p, under {l.EsaPermittedWorkWeeklyHours} hours; " +
        $"Carer's Allowance {l.CarersAllowanceWeeklyEarningsLimit.Pence}p; trading allowance {l.TradingAllowancePerTaxYear.Pence}p; source {l.Source} {l.SourceLink}".TrimEnd();
}
