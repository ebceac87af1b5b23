using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// Changes to the rate card: a new item with its first version, and a new version of an item.
/// <see cref="RateCard"/> and <see cref="RateItem"/> decide; each change is audited (RateChanged)
/// with the terms before and after, in the same transaction. A refusal comes back as a
/// <see cref="PaymentRuleException"/> in words the lead can act on.
/// </summary>
public sealed class RateCardService(CoProduceDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<int> AddItemAsync(string name, ActivityType activityType, RateKind kind, RateTerms terms, DateOnly effectiveFrom, string userId,
        CancellationToken cancellationToken)
    {
        var card = new RateCard(await db.RateItems.AsNoTracking().ToListAsync(cancellationToken));
        var item = card.NewItem(name, activityType, kind, terms, effectiveFrom, userId, Now);
        db.RateItems.Add(item);
        try
        {
            // The item needs its id before its audit entry can name it: two saves, one transaction.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.RateItem(item.Id), null, AuditActions.RateChanged,
                    $"Rate added: {item.Name}, {PaymentWords.Kind(item.Kind).ToLowerInvariant()}, for {item.ActivityType}.", userId, Now,
                    before: null, after: Describe(item.Versions[^1], item.Kind)));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException)
        {
            if (!await NameTakenAsync(item.Name, cancellationToken))
            {
                throw;
            }
            // Another lead added one with the same name at the same moment: the unique index kept one.
            throw new PaymentRuleException($"There is already a rate called {item.Name}. Give this one another name, or change that one.");
        }
        return item.Id;
    }

    /// <summary>Adds new terms to an item from a date. Returns false when there is no such item.</summary>
    public async Task<bool> AddVersionAsync(int itemId, RateTerms terms, DateOnly effectiveFrom, string userId, CancellationToken cancellationToken)
    {
        var item = await db.RateItems.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return false;
        }
        var latest = item.Versions.Count == 0 ? null : item.Versions[^1];
        var version = item.AddVersion(terms, effectiveFrom, userId, Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.RateItem(item.Id), null, AuditActions.RateChanged,
            $"New rate for {item.Name} from {PaymentWords.Date(effectiveFrom)}: {version.Terms.Describe(item.Kind)}.", userId, Now,
            latest is null ? null : Describe(latest, item.Kind), Describe(version, item.Kind)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another lead added a version with the same number at the same moment.
            db.ChangeTracker.Clear();
            throw new PaymentRuleException($"Someone else changed {item.Name} at the same moment. Look at its rates again before adding this one.");
        }
        return true;
    }

    private async Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.RateItems.AnyAsync(i => i.Name == name, cancellationToken);
    }

    /// <summary>What the audit log keeps of a version: its number, date and terms, amounts in pence.</summary>
    private static string Describe(RateItemVersion v, RateKind kind) =>
        $"version {v.Number} from {v.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {kind} {v.Amount.Pence}p" +
        $"{(v.PaysPreparation ? ", pays preparation" : string.Empty)}{(v.PaysTravel ? ", pays travel" : string.Empty)}";
}
