using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// The benefit limits the portal starts with, for demo data and tests. Leads keep them up to date
/// in the portal; nothing else reads these figures.
/// </summary>
public static class BenefitLimitsSeed
{
    /// <summary>2025 to 2026, from Monday 7 April 2025 when benefits were uprated.</summary>
    public static BenefitLimits From7April2025() => BenefitLimits.Create(
        new DateOnly(2025, 4, 7),
        new BenefitLimitFigures(
            UniversalCreditWorkAllowanceWithHousingCosts: Money.FromPounds(411m),
            UniversalCreditWorkAllowanceWithoutHousingCosts: Money.FromPounds(684m),
            UniversalCreditTaperBasisPoints: 5500,
            EsaPermittedWorkHigherWeeklyLimit: Money.FromPounds(195.50m),
            EsaPermittedWorkLowerWeeklyLimit: Money.FromPounds(20m),
            EsaPermittedWorkWeeklyHours: 16,
            CarersAllowanceWeeklyEarningsLimit: Money.FromPounds(196m),
            TradingAllowancePerTaxYear: Money.FromPounds(1_000m)),
        "DWP benefit and pension rates 2025 to 2026; HMRC trading allowance",
        "https://www.gov.uk/government/publications/benefit-and-pension-rates-2025-to-2026");

    /// <summary>
    /// 2026 to 2027, from Monday 6 April 2026: the Carer's Allowance earnings limit rose to £204. The
    /// other figures are carried over from 2025 to 2026 until a lead checks them, and the source says so.
    /// </summary>
    public static BenefitLimits From6April2026() => BenefitLimits.Create(
        new DateOnly(2026, 4, 6),
        From7April2025().Figures with { CarersAllowanceWeeklyEarningsLimit = Money.FromPounds(204m) },
        "Carer's Allowance earnings limit from DWP benefit and pension rates 2026 to 2027. Universal Credit and ESA figures carried over from 2025 to 2026: check them",
        "https://www.gov.uk/government/publications/benefit-and-pension-rates-2026-to-2027");

    public static IReadOnlyList<BenefitLimits> History() => [From7April2025(), From6April2026()];
}
