using CoProduce.Web.Domain.Activities;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// The council's rate card: every rate item, by activity type. It checks what concerns the card
/// as a whole (no two items with the same name) and answers which rates apply on a date.
/// </summary>
public sealed class RateCard(IEnumerable<RateItem> items)
{
    private readonly List<RateItem> _items = [.. items];

    public IReadOnlyList<RateItem> Items => _items;

    /// <summary>Adds an item with its first version. The caller saves the item it returns.</summary>
    public RateItem NewItem(string name, ActivityType activityType, RateKind kind, RateTerms terms, DateOnly effectiveFrom, string byUserId, DateTime nowUtc)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new PaymentRuleException("Enter a name for the rate.");
        }
        if (trimmed.Length > RateItem.NameMaxLength)
        {
            throw new PaymentRuleException($"The name must be {RateItem.NameMaxLength} characters or fewer.");
        }
        if (_items.Any(i => string.Equals(i.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new PaymentRuleException($"There is already a rate called {trimmed}. Give this one another name, or change that one.");
        }
        var item = new RateItem(trimmed, activityType, kind);
        item.AddVersion(terms, effectiveFrom, byUserId, nowUtc);
        _items.Add(item);
        return item;
    }

    /// <summary>The whole card as it stands on a UK date: each item that has started, with its terms then.</summary>
    public IReadOnlyList<RateInForce> InForceOn(DateOnly date) =>
        _items.Select(i => (Item: i, Version: i.InForceOn(date)))
            .Where(x => x.Version is not null)
            .Select(x => new RateInForce(x.Item, x.Version!))
            .OrderBy(r => r.Item.ActivityType).ThenBy(r => r.Item.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The rates an organiser can choose from for an activity of that type on that date.</summary>
    public IReadOnlyList<RateInForce> ForActivity(ActivityType activityType, DateOnly activityDate) =>
        InForceOn(activityDate).Where(r => r.Item.ActivityType == activityType).ToList();
}

/// <summary>A rate item and the version of it in force on some date.</summary>
public sealed record RateInForce(RateItem Item, RateItemVersion Version)
{
    /// <summary>"£25 an hour, including preparation and travel time".</summary>
    public string Describe() => Version.Terms.Describe(Item.Kind);
}
