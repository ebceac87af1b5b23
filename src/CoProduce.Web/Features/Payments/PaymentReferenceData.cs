using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// What every new database starts with so payments work from day one: the benefit limits of the
/// last two years (leads keep them up to date from then on) and default payment settings. Run at
/// start-up after migrations; two instances starting at once are stopped from adding twice by
/// the unique keys, and the loser simply finds the rows there.
/// </summary>
public static class PaymentReferenceData
{
    public const string DefaultAdviceName = "Citizens Advice";
    public const string DefaultAdviceLink = "https://www.citizensadvice.org.uk/benefits/";
    public static readonly Money DefaultSecondApprovalAbove = Money.FromPounds(500m);

    public static async Task EnsureAsync(CoProduceDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (!await db.BenefitLimits.AnyAsync(cancellationToken))
            {
                db.BenefitLimits.AddRange(BenefitLimitsSeed.History());
            }
            if (!await db.PaymentSettings.AnyAsync(cancellationToken))
            {
                db.PaymentSettings.Add(new PaymentSettings(DefaultAdviceName, DefaultAdviceLink, DefaultSecondApprovalAbove, now));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance added them first.
            db.ChangeTracker.Clear();
        }
    }
}
