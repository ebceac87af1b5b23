using System.Globalization;
using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// The figures of one set of benefit and tax limits, as a co-production lead enters them. They
/// change every April, so they are settings with a date and a source, never constants in code.
/// </summary>
/// <param name="UniversalCreditWorkAllowanceWithHousingCosts">A month's earnings before Universal Credit goes down, for someone whose award includes housing costs.</param>
/// <param name="UniversalCreditWorkAllowanceWithoutHousingCosts">The same without housing costs.</param>
/// <param name="UniversalCreditTaperBasisPoints">How much Universal Credit goes down for each £1 earned over the work allowance, in hundredths of a percent: 55p per £1 is 5500.</param>
/// <param name="EsaPermittedWorkHigherWeeklyLimit">The most a week's permitted work on New Style ESA may earn (work under <paramref name="EsaPermittedWorkWeeklyHours"/> hours).</param>
/// <param name="EsaPermittedWorkLowerWeeklyLimit">What a week's work on New Style ESA may earn whatever its hours.</param>
/// <param name="EsaPermittedWorkWeeklyHours">Permitted work over the lower limit must be under this many hours a week (16).</param>
/// <param name="CarersAllowanceWeeklyEarningsLimit">Carer's Allowance stops for any week with earnings over this.</param>
/// <param name="TradingAllowancePerTaxYear">Income up to this in a tax year need not be told to HMRC.</param>
public sealed record BenefitLimitFigures(
    Money UniversalCreditWorkAllowanceWithHousingCosts,
    Money UniversalCreditWorkAllowanceWithoutHousingCosts,
    int UniversalCreditTaperBasisPoints,
    Money EsaPermittedWorkHigherWeeklyLimit,
    Money EsaPermittedWorkLowerWeeklyLimit,
    int EsaPermittedWorkWeeklyHours,
    Money CarersAllowanceWeeklyEarningsLimit,
    Money TradingAllowancePerTaxYear);

/// <summary>Something wrong with figures a lead entered, with the field it belongs to.</summary>
public sealed record BenefitLimitsProblem(string Field, string Message);

/// <summary>
/// One dated set of benefit and tax limits with where the figures came from. A new set takes over
/// from its effective date; earlier sets stay, so a warning about last March is worked out with
/// last March's figures.
/// </summary>
public sealed class BenefitLimits
{
    public const int SourceMaxLength = 1000;
    public const int SourceLinkMaxLength = 500;
    public const int FullTaperBasisPoints = 10_000;
    public const int HoursInAWeek = 7 * 24;

    private BenefitLimits()
    {
    }

    public int Id { get; private set; }

    /// <summary>The first day these figures apply to.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public Money UniversalCreditWorkAllowanceWithHousingCosts { get; private set; }
    public Money UniversalCreditWorkAllowanceWithoutHousingCosts { get; private set; }
    public int UniversalCreditTaperBasisPoints { get; private set; }
    public Money EsaPermittedWorkHigherWeeklyLimit { get; private set; }
    public Money EsaPermittedWorkLowerWeeklyLimit { get; private set; }
    public int EsaPermittedWorkWeeklyHours { get; private set; }
    public Money CarersAllowanceWeeklyEarningsLimit { get; private set; }
    public Money TradingAllowancePerTaxYear { get; private set; }

    /// <summary>Where the figures come from, in the lead's words ("DWP benefit and pension rates 2025 to 2026").</summary>
    public string Source { get; private set; } = string.Empty;

    /// <summary>A web address for the source, if there is one.</summary>
    public string? SourceLink { get; private set; }

    public BenefitLimitFigures Figures => new(
        UniversalCreditWorkAllowanceWithHousingCosts,
        UniversalCreditWorkAllowanceWithoutHousingCosts,
        UniversalCreditTaperBasisPoints,
        EsaPermittedWorkHigherWeeklyLimit,
        EsaPermittedWorkLowerWeeklyLimit,
        EsaPermittedWorkWeeklyHours,
        CarersAllowanceWeeklyEarningsLimit,
        TradingAllowancePerTaxYear);

    /// <summary>The monthly work allowance for someone with or without housing costs in their award.</summary>
    public Money UniversalCreditWorkAllowance(bool hasHousingCosts) =>
        hasHousingCosts ? UniversalCreditWorkAllowanceWithHousingCosts : UniversalCreditWorkAllowanceWithoutHousingCosts;

    /// <summary>Makes a set after checking it with <see cref="Check"/>; refuses it with every problem found.</summary>
    public static BenefitLimits Create(DateOnly effectiveFrom, BenefitLimitFigures figures, string source, string? sourceLink)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var problems = Check(figures, source, sourceLink);
        if (problems.Count > 0)
        {
            throw new PaymentRuleException(string.Join(". ", problems.Select(p => p.Message)) + ".");
        }
        return new BenefitLimits
        {
            EffectiveFrom = effectiveFrom,
            UniversalCreditWorkAllowanceWithHousingCosts = figures.UniversalCreditWorkAllowanceWithHousingCosts,
            UniversalCreditWorkAllowanceWithoutHousingCosts = figures.UniversalCreditWorkAllowanceWithoutHousingCosts,
            UniversalCreditTaperBasisPoints = figures.UniversalCreditTaperBasisPoints,
            EsaPermittedWorkHigherWeeklyLimit = figures.EsaPermittedWorkHigherWeeklyLimit,
            EsaPermittedWorkLowerWeeklyLimit = figures.EsaPermittedWorkLowerWeeklyLimit,
            EsaPermittedWorkWeeklyHours = figures.EsaPermittedWorkWeeklyHours,
            CarersAllowanceWeeklyEarningsLimit = figures.CarersAllowanceWeeklyEarningsLimit,
            TradingAllowancePerTaxYear = figures.TradingAllowancePerTaxYear,
            Source = source.Trim(),
            SourceLink = string.IsNullOrWhiteSpace(sourceLink) ? null : sourceLink.Trim(),
        };
    }

    /// <summary>Whether the set has taken effect by a UK date. Once it has, warnings may have been worked out with it, so it never changes.</summary>
    public bool HasStarted(DateOnly today) => EffectiveFrom <= today;

    /// <summary>
    /// Puts right a set that has not taken effect yet (a figure typed wrongly, a date moved), as
    /// long as it still starts after today. A set that has started is never changed: a new set
    /// from a later date replaces it. Refuses with every problem found, as <see cref="Create"/> does.
    /// </summary>
    public void Correct(DateOnly effectiveFrom, BenefitLimitFigures figures, string source, string? sourceLink, DateOnly today)
    {
        if (HasStarted(today))
        {
            throw new PaymentRuleException($"These limits took effect on {EffectiveFrom.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, so they cannot be changed. Add a new set from a later date instead.");
        }
        if (effectiveFrom <= today)
        {
            throw new PaymentRuleException("A corrected set must still take effect after today. To change the limits from today, add a new set.");
        }
        var corrected = Create(effectiveFrom, figures, source, sourceLink);
        EffectiveFrom = corrected.EffectiveFrom;
        UniversalCreditWorkAllowanceWithHousingCosts = corrected.UniversalCreditWorkAllowanceWithHousingCosts;
        UniversalCreditWorkAllowanceWithoutHousingCosts = corrected.UniversalCreditWorkAllowanceWithoutHousingCosts;
        UniversalCreditTaperBasisPoints = corrected.UniversalCreditTaperBasisPoints;
        EsaPermittedWorkHigherWeeklyLimit = corrected.EsaPermittedWorkHigherWeeklyLimit;
        EsaPermittedWorkLowerWeeklyLimit = corrected.EsaPermittedWorkLowerWeeklyLimit;
        EsaPermittedWorkWeeklyHours = corrected.EsaPermittedWorkWeeklyHours;
        CarersAllowanceWeeklyEarningsLimit = corrected.CarersAllowanceWeeklyEarningsLimit;
        TradingAllowancePerTaxYear = corrected.TradingAllowancePerTaxYear;
        Source = corrected.Source;
        SourceLink = corrected.SourceLink;
    }

    /// <summary>Every problem with a set of figures, in words for a GOV.UK error summary; empty when it is fine.</summary>
    public static IReadOnlyList<BenefitLimitsProblem> Check(BenefitLimitFigures figures, string? source, string? sourceLink)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var problems = new List<BenefitLimitsProblem>();
        void NotNegative(Money amount, string field, string name)
        {
            if (amount.IsNegative)
            {
                problems.Add(new(field, $"The {name} must be £0 or more"));
            }
        }

        NotNegative(figures.UniversalCreditWorkAllowanceWithHousingCosts, nameof(figures.UniversalCreditWorkAllowanceWithHousingCosts), "Universal Credit work allowance with housing costs");
        NotNegative(figures.UniversalCreditWorkAllowanceWithoutHousingCosts, nameof(figures.UniversalCreditWorkAllowanceWithoutHousingCosts), "Universal Credit work allowance without housing costs");
        if (figures.UniversalCreditTaperBasisPoints is < 0 or > FullTaperBasisPoints)
        {
            problems.Add(new(nameof(figures.UniversalCreditTaperBasisPoints), "The Universal Credit taper must be from 0p to 100p for each £1"));
        }
        NotNegative(figures.EsaPermittedWorkHigherWeeklyLimit, nameof(figures.EsaPermittedWorkHigherWeeklyLimit), "New Style ESA higher weekly limit");
        NotNegative(figures.EsaPermittedWorkLowerWeeklyLimit, nameof(figures.EsaPermittedWorkLowerWeeklyLimit), "New Style ESA lower weekly limit");
        if (!figures.EsaPermittedWorkLowerWeeklyLimit.IsNegative && figures.EsaPermittedWorkLowerWeeklyLimit > figures.EsaPermittedWorkHigherWeeklyLimit)
        {
            problems.Add(new(nameof(figures.EsaPermittedWorkLowerWeeklyLimit), "The New Style ESA lower weekly limit must not be more than the higher weekly limit"));
        }
        if (figures.EsaPermittedWorkWeeklyHours is < 1 or > HoursInAWeek)
        {
            problems.Add(new(nameof(figures.EsaPermittedWorkWeeklyHours), $"The New Style ESA weekly hours must be from 1 to {HoursInAWeek}"));
        }
        NotNegative(figures.CarersAllowanceWeeklyEarningsLimit, nameof(figures.CarersAllowanceWeeklyEarningsLimit), "Carer's Allowance weekly earnings limit");
        NotNegative(figures.TradingAllowancePerTaxYear, nameof(figures.TradingAllowancePerTaxYear), "trading allowance");

        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > SourceMaxLength)
        {
            problems.Add(new(nameof(Source), $"Enter where these figures come from, in up to {SourceMaxLength} characters"));
        }
        if (!string.IsNullOrWhiteSpace(sourceLink) && !IsWebAddress(sourceLink.Trim()))
        {
            problems.Add(new(nameof(SourceLink), $"Enter the source link as a web address starting with https:// or http://, in up to {SourceLinkMaxLength} characters"));
        }
        return problems;
    }

    /// <summary>
    /// The set in force on <paramref name="date"/>: the one with the latest effective date on or
    /// before it. None when every set starts later. Two sets starting on the same day are a
    /// mistake a lead must put right, not something to guess between.
    /// </summary>
    public static BenefitLimits? InForceOn(IEnumerable<BenefitLimits> history, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(history);
        var candidates = history.Where(l => l.EffectiveFrom <= date).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var latest = candidates.Max(l => l.EffectiveFrom);
        var inForce = candidates.Where(l => l.EffectiveFrom == latest).ToList();
        if (inForce.Count > 1)
        {
            throw new PaymentRuleException($"Two sets of benefit limits take effect on {latest.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. Keep only one of them.");
        }
        return inForce[0];
    }

    private static bool IsWebAddress(string text) =>
        text.Length <= SourceLinkMaxLength
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
