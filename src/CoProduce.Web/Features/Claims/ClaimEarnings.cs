using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Claims;

/// <summary>
/// What a claimant should know before sending a claim: the benefit and tax limits the fee they
/// take would pass. The same check feeds the "Check and send" page and the claim's record of the
/// warnings seen, so finance sees exactly what the claimant was shown.
/// </summary>
public sealed class ClaimEarnings(CoProduceDbContext db)
{
    /// <param name="forOrganiser">
    /// An organiser sending a claim for someone does not read their benefits (only the person and
    /// finance do), so only the trading allowance, which is tax, is checked.
    /// </param>
    public async Task<EarningsAdvice> CheckAsync(int claimId, int expertProfileId, DateOnly activityDate, Money feeTaken, TimeGiven? time,
        bool forOrganiser, CancellationToken cancellationToken)
    {
        var settings = await db.PaymentSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var situation = forOrganiser
            ? BenefitsSituation.NoBenefits()
            : (await db.PaymentDetails.AsNoTracking().SingleOrDefaultAsync(d => d.ExpertProfileId == expertProfileId, cancellationToken))?.Benefits;
        var limits = BenefitLimits.InForceOn(await db.BenefitLimits.AsNoTracking().ToListAsync(cancellationToken), activityDate);
        EarningsCheck? check = null;
        if (situation is not null && limits is not null && feeTaken > Money.Zero)
        {
            // Their other fees, taken or pending, in one query: never one per claim.
            var others = await (
                from c in db.Claims
                join s in db.SignUps on c.SignUpId equals s.Id
                join a in db.Activities on c.ActivityId equals a.Id
                where c.ExpertProfileId == expertProfileId && c.Id != claimId && c.Status != ClaimStatus.Rejected && c.FeeTaken > Money.Zero
                select new { c.FeeTaken, a.Date, s.ActivityMinutes, s.PreparationMinutes })
                .AsNoTracking().ToListAsync(cancellationToken);
            var fee = time is null ? new EarnedFee(feeTaken, activityDate, 0) : EarnedFee.For(feeTaken, activityDate, time);
            check = EarningsWarnings.Check(situation, limits, fee,
                others.Select(o => new EarnedFee(o.FeeTaken, o.Date, (o.ActivityMinutes ?? 0) + (o.PreparationMinutes ?? 0))));
        }
        return new EarningsAdvice(check, BenefitsUnknown: !forOrganiser && situation is null, forOrganiser,
            settings?.WelfareRightsAdviceName, settings?.WelfareRightsAdviceLink);
    }
}

/// <summary>The check's result with where to get independent advice.</summary>
public sealed record EarningsAdvice(EarningsCheck? Check, bool BenefitsUnknown, bool ForOrganiser, string? AdviceName, string? AdviceLink)
{
    public IReadOnlyList<string> Messages => Check?.Warnings.Select(w => w.Message).ToList() ?? [];

    /// <summary>The warnings as one text to keep on the claim; null when there were none.</summary>
    public string? AsSeen => Messages.Count == 0 ? null : string.Join(Environment.NewLine, Messages);
}
