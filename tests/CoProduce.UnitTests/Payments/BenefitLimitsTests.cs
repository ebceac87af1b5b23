using System.Globalization;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>Benefit limits are dated settings with a source: checked when entered, and picked by date.</summary>
public sealed class BenefitLimitsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static readonly BenefitLimitFigures Good = BenefitLimitsSeed.From7April2025().Figures;

    [Fact]
    public void Seed_HasThe2025To2026Figures()
    {
        var limits = BenefitLimitsSeed.From7April2025();

        Assert.Equal(D("2025-04-07"), limits.EffectiveFrom);
        Assert.Equal(Pounds(411m), limits.UniversalCreditWorkAllowance(hasHousingCosts: true));
        Assert.Equal(Pounds(684m), limits.UniversalCreditWorkAllowance(hasHousingCosts: false));
        Assert.Equal(5500, limits.UniversalCreditTaperBasisPoints);
        Assert.Equal(Pounds(195.50m), limits.EsaPermittedWorkHigherWeeklyLimit);
        Assert.Equal(Pounds(20m), limits.EsaPermittedWorkLowerWeeklyLimit);
        Assert.Equal(16, limits.EsaPermittedWorkWeeklyHours);
        Assert.Equal(Pounds(196m), limits.CarersAllowanceWeeklyEarningsLimit);
        Assert.Equal(Pounds(1_000m), limits.TradingAllowancePerTaxYear);
        Assert.NotEmpty(limits.Source);
        Assert.StartsWith("https://www.gov.uk/", limits.SourceLink, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_From6April2026_RaisesOnlyTheCarersAllowanceLimit()
    {
        var limits = BenefitLimitsSeed.From6April2026();

        Assert.Equal(D("2026-04-06"), limits.EffectiveFrom);
        Assert.Equal(Good with { CarersAllowanceWeeklyEarningsLimit = Pounds(204m) }, limits.Figures);
        Assert.Contains("carried over", limits.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_KeepsTheFiguresAndTidiesTheSource()
    {
        var limits = BenefitLimits.Create(D("2027-04-05"), Good, "  DWP rates  ", "   ");

        Assert.Equal(Good, limits.Figures);
        Assert.Equal("DWP rates", limits.Source);
        Assert.Null(limits.SourceLink);
    }

    public static TheoryData<BenefitLimitFigures, string> BadFigures => new()
    {
        { Good with { UniversalCreditWorkAllowanceWithHousingCosts = Pounds(-0.01m) }, "UniversalCreditWorkAllowanceWithHousingCosts" },
        { Good with { UniversalCreditWorkAllowanceWithoutHousingCosts = Pounds(-0.01m) }, "UniversalCreditWorkAllowanceWithoutHousingCosts" },
        { Good with { UniversalCreditTaperBasisPoints = -1 }, "UniversalCreditTaperBasisPoints" },
        { Good with { UniversalCreditTaperBasisPoints = 10_001 }, "UniversalCreditTaperBasisPoints" },
        { Good with { EsaPermittedWorkHigherWeeklyLimit = Pounds(-0.01m), EsaPermittedWorkLowerWeeklyLimit = Pounds(-0.01m) }, "EsaPermittedWorkHigherWeeklyLimit" },
        { Good with { EsaPermittedWorkLowerWeeklyLimit = Pounds(-0.01m) }, "EsaPermittedWorkLowerWeeklyLimit" },
        { Good with { EsaPermittedWorkLowerWeeklyLimit = Pounds(195.51m) }, "EsaPermittedWorkLowerWeeklyLimit" },
        { Good with { EsaPermittedWorkWeeklyHours = 0 }, "EsaPermittedWorkWeeklyHours" },
        { Good with { EsaPermittedWorkWeeklyHours = 169 }, "EsaPermittedWorkWeeklyHours" },
        { Good with { CarersAllowanceWeeklyEarningsLimit = Pounds(-0.01m) }, "CarersAllowanceWeeklyEarningsLimit" },
        { Good with { TradingAllowancePerTaxYear = Pounds(-0.01m) }, "TradingAllowancePerTaxYear" },
    };

    [Theory]
    [MemberData(nameof(BadFigures))]
    public void Check_FindsEachBadFigure(BenefitLimitFigures figures, string field)
    {
        var problem = Assert.Single(BenefitLimits.Check(figures, "DWP", null), p => p.Field == field);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Throws<PaymentRuleException>(() => BenefitLimits.Create(D("2027-04-05"), figures, "DWP", null));
    }

    public static TheoryData<BenefitLimitFigures> EdgeFigures => new()
    {
        Good with { UniversalCreditTaperBasisPoints = 0 },
        Good with { UniversalCreditTaperBasisPoints = 10_000 },
        Good with { EsaPermittedWorkLowerWeeklyLimit = Pounds(195.50m) },
        Good with { EsaPermittedWorkWeeklyHours = 1 },
        Good with { EsaPermittedWorkWeeklyHours = 168 },
        Good with { UniversalCreditWorkAllowanceWithHousingCosts = Pounds(0m), CarersAllowanceWeeklyEarningsLimit = Pounds(0m) },
    };

    [Theory]
    [MemberData(nameof(EdgeFigures))]
    public void Check_AcceptsFiguresAtTheEdges(BenefitLimitFigures figures) =>
        Assert.Empty(BenefitLimits.Check(figures, "DWP", "https://www.gov.uk/"));

    [Theory]
    [InlineData(null, null, "Source")]
    [InlineData("   ", null, "Source")]
    [InlineData("DWP", "www.gov.uk", "SourceLink")]
    [InlineData("DWP", "ftp://example.org/rates", "SourceLink")]
    [InlineData("DWP", "javascript:alert(1)", "SourceLink")]
    public void Check_WantsASourceAndAWebAddress(string? source, string? link, string field)
    {
        var problem = Assert.Single(BenefitLimits.Check(Good, source, link));
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void Check_LimitsTheLengthOfTheSourceAndItsLink()
    {
        Assert.Empty(BenefitLimits.Check(Good, new string('a', BenefitLimits.SourceMaxLength), "https://x.org/" + new string('a', BenefitLimits.SourceLinkMaxLength - 14)));
        Assert.Equal(["Source", "SourceLink"], BenefitLimits.Check(Good, new string('a', BenefitLimits.SourceMaxLength + 1), "https://x.org/" + new string('a', BenefitLimits.SourceLinkMaxLength - 13)).Select(p => p.Field));
    }

    [Theory]
    // date, effective date of the set in force (empty: none yet)
    [InlineData("2025-04-06", "")]
    [InlineData("2025-04-07", "2025-04-07")]
    [InlineData("2026-04-05", "2025-04-07")]
    [InlineData("2026-04-06", "2026-04-06")]
    [InlineData("2030-01-01", "2026-04-06")]
    public void InForceOn_PicksTheLatestSetStartedByThatDate(string date, string effectiveFrom)
    {
        var history = BenefitLimitsSeed.History().Reverse(); // the order they are loaded in does not matter

        var inForce = BenefitLimits.InForceOn(history, D(date));

        Assert.Equal(effectiveFrom, inForce?.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
    }

    [Fact]
    public void InForceOn_AnEmptyHistoryHasNothingInForce() =>
        Assert.Null(BenefitLimits.InForceOn([], D("2026-04-06")));

    [Fact]
    public void InForceOn_RefusesToGuessBetweenTwoSetsStartingTheSameDay()
    {
        var history = BenefitLimitsSeed.History().Append(BenefitLimitsSeed.From6April2026());

        var refusal = Assert.Throws<PaymentRuleException>(() => BenefitLimits.InForceOn(history, D("2026-05-01")));

        Assert.Equal("Two sets of benefit limits take effect on 6 April 2026. Keep only one of them.", refusal.Message);
        Assert.NotNull(BenefitLimits.InForceOn(history, D("2026-04-05"))); // the earlier set is still clear
    }

    [Fact]
    public void BenefitsSituation_SomeoneWhoGetsBenefitsNamesAtLeastOne()
    {
        var refusal = Assert.Throws<PaymentRuleException>(() => BenefitsSituation.Gets());
        Assert.Equal("Choose at least one benefit you get, or say that you get none.", refusal.Message);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void BenefitsSituation_AnAssessmentDayIsADayOfTheMonth(int day, bool ok)
    {
        if (ok)
        {
            var situation = BenefitsSituation.Gets(new UniversalCreditDetails(day, hasHousingCosts: true, hasWorkAllowance: false));
            Assert.Equal(new UniversalCreditDetails(day, true, false), situation.UniversalCredit);
            Assert.Equal(BenefitsAnswer.GetsBenefits, situation.Answer);
        }
        else
        {
            Assert.Throws<PaymentRuleException>(() => new UniversalCreditDetails(day, hasHousingCosts: true, hasWorkAllowance: true));
        }
    }

    [Fact]
    public void BenefitsSituation_NoneAndPreferNotToSayHaveNoBenefits()
    {
        foreach (var (situation, answer) in new[] { (BenefitsSituation.NoBenefits(), BenefitsAnswer.None), (BenefitsSituation.PreferNotToSay(), BenefitsAnswer.PreferNotToSay) })
        {
            Assert.Equal(answer, situation.Answer);
            Assert.Null(situation.UniversalCredit);
            Assert.False(situation.NewStyleEsa);
            Assert.False(situation.CarersAllowance);
        }
    }
}
