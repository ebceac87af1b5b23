using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// One line of the rate card, such as "Interview panel, per hour". An activity names the item it
/// pays by. The item's terms change only by adding a version that takes effect from a date; earlier
/// versions stay, so the fee of anyone whose place was confirmed before is never rewritten.
/// </summary>
public sealed class RateItem
{
    public const int NameMaxLength = 100;

    private readonly List<RateItemVersion> _versions = [];

    private RateItem()
    {
    }

    internal RateItem(string name, ActivityType activityType, RateKind kind)
    {
        Name = name;
        ActivityType = activityType;
        Kind = kind;
    }

    public int Id { get; private set; }

    /// <summary>What the lead calls it, and what people read on the rate card.</summary>
    public string Name { get; private set; } = string.Empty;

    public ActivityType ActivityType { get; private set; }

    /// <summary>Never changes: a different kind of rate is a different item.</summary>
    public RateKind Kind { get; private set; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<RateItemVersion> Versions => _versions;

    /// <summary>The version in force on a UK date, or null when the item had not started by then.</summary>
    public RateItemVersion? InForceOn(DateOnly date) =>
        _versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);

    /// <summary>
    /// Adds new terms, taking effect from a UK date that is today or later and after the latest
    /// version's: the past stays as it was, and each date has exactly one version in force.
    /// </summary>
    public RateItemVersion AddVersion(RateTerms terms, DateOnly effectiveFrom, string byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        if (terms.ProblemFor(Kind) is { } problem)
        {
            throw new PaymentRuleException(problem);
        }
        var today = DateOnly.FromDateTime(UkTime.ToUk(nowUtc));
        if (effectiveFrom < today)
        {
            throw new PaymentRuleException($"New rates take effect from today, {today:d MMMM yyyy}, or later.");
        }
        if (_versions.Count > 0 && effectiveFrom <= _versions[^1].EffectiveFrom)
        {
            throw new PaymentRuleException(
                $"The latest rate for {Name} takes effect on {_versions[^1].EffectiveFrom:d MMMM yyyy}, so a new rate must take effect after that.");
        }
        var version = new RateItemVersion(_versions.Count + 1, effectiveFrom, terms, byUserId, nowUtc);
        _versions.Add(version);
        return version;
    }

    /// <summary>
    /// The fee a person is promised when their place is confirmed, from the version in force on the
    /// activity's date: the rate the activity page shows is the rate that applies, and a new rate
    /// from 1 April applies to activities from 1 April. Once fixed, later versions do not change it.
    /// </summary>
    public FixedFee FixFee(DateOnly activityDate)
    {
        var version = InForceOn(activityDate)
            ?? throw new PaymentRuleException($"{Name} has no rate for {activityDate:d MMMM yyyy}. Choose another rate or ask the co-production lead to add one.");
        return new FixedFee(Id, version.Number, Kind, version.Amount, version.PaysPreparation, version.PaysTravel);
    }
}

/// <summary>One version of a rate item's terms. Never changes once added.</summary>
public sealed class RateItemVersion
{
    private RateItemVersion()
    {
    }

    internal RateItemVersion(int number, DateOnly effectiveFrom, RateTerms terms, string createdByUserId, DateTime createdUtc)
    {
        Number = number;
        EffectiveFrom = effectiveFrom;
        Amount = terms.Amount;
        PaysPreparation = terms.PaysPreparation;
        PaysTravel = terms.PaysTravel;
        CreatedByUserId = createdByUserId;
        CreatedUtc = createdUtc;
    }

    /// <summary>1 for the item's first version, and so on.</summary>
    public int Number { get; private set; }

    /// <summary>The UK date the version takes effect; it stays in force until the next version's.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>Hourly items only: paid preparation time counts as well as the activity.</summary>
    public bool PaysPreparation { get; private set; }

    /// <summary>Hourly items only: travel time counts as well as the activity.</summary>
    public bool PaysTravel { get; private set; }

    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }

    public RateTerms Terms => new(Amount, PaysPreparation, PaysTravel);
}
