using System.Globalization;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.UnitTests.Payments;

/// <summary>A set of benefit limits can be put right until it takes effect; after that it never changes.</summary>
public sealed class BenefitLimitsCorrectionTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static readonly BenefitLimitFigures Good = BenefitLimitsSeed.From7April2025().Figures;

    [Theory]
    // Set starts, today, corrected date, allowed?
    [InlineData("2027-04-06", "2027-04-05", "2027-04-06", true)]   // the day before it starts
    [InlineData("2027-04-06", "2027-04-05", "2027-04-12", true)]   // moved later
    [InlineData("2027-04-06", "2027-04-05", "2027-04-05", false)]  // moved to today: it would start at once
    [InlineData("2027-04-06", "2027-04-06", "2027-04-07", false)]  // its first day: it has started
    [InlineData("2027-04-06", "2027-05-01", "2027-06-01", false)]  // long started
    public void Correct_OnlyBeforeItStarts_AndOnlyToALaterDayThanToday(string starts, string today, string correctedFrom, bool allowed)
    {
        var limits = BenefitLimits.Create(D(starts), Good, "DWP rates", null);
        var corrected = Good with { CarersAllowanceWeeklyEarningsLimit = Money.FromPounds(204m) };

        var refused = Record.Exception(() => limits.Correct(D(correctedFrom), corrected, "DWP rates, checked", "https://www.gov.uk/", D(today)));

        Assert.Equal(allowed, refused is null);
        if (allowed)
        {
            Assert.Equal(D(correctedFrom), limits.EffectiveFrom);
            Assert.Equal(Money.FromPounds(204m), limits.CarersAllowanceWeeklyEarningsLimit);
            Assert.Equal("DWP rates, checked", limits.Source);
        }
        else
        {
            Assert.IsType<PaymentRuleException>(refused);
            Assert.Equal(D(starts), limits.EffectiveFrom);
            Assert.Equal(Good.CarersAllowanceWeeklyEarningsLimit, limits.CarersAllowanceWeeklyEarningsLimit);
        }
    }

    [Fact]
    public void Correct_WithBadFigures_IsRefusedAndChangesNothing()
    {
        var limits = BenefitLimits.Create(D("2027-04-06"), Good, "DWP rates", null);

        Assert.Throws<PaymentRuleException>(() => limits.Correct(D("2027-04-06"), Good with { EsaPermittedWorkWeeklyHours = 0 }, "DWP rates", null, D("2027-03-01")));

        Assert.Equal(Good, limits.Figures);
    }

    [Theory]
    [InlineData("2027-04-05", false)]
    [InlineData("2027-04-06", true)]
    [InlineData("2027-04-07", true)]
    public void HasStarted_FromItsFirstDay(string today, bool started) =>
        Assert.Equal(started, BenefitLimits.Create(D("2027-04-06"), Good, "DWP", null).HasStarted(D(today)));
}
