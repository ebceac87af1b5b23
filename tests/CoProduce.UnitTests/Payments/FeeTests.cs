using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// The fee for a confirmed place, from the time given: hourly rates pay every minute (with
/// preparation and travel only where the item allows), rounded once to the nearest penny with a
/// half penny up; a session pays its amount; day rates pay a half day up to 4 hours of the
/// activity and a full day beyond.
/// </summary>
public sealed class FeeTests
{
    private static FixedFee Fee(RateKind kind, long pence, bool paysPreparation = false, bool paysTravel = false) =>
        new(7, 1, kind, Money.FromPence(pence), paysPreparation, paysTravel);

    public static TheoryData<long, int, int, int, bool, bool, long> HourlyCases => new()
    {
        // rate (pence an hour), activity, preparation, travel minutes, pays preparation, pays travel, fee (pence)
        { 2500, 0, 0, 0, false, false, 0 },
        { 2500, 1, 0, 0, false, false, 42 }, // 41.67p
        { 2500, 59, 0, 0, false, false, 2458 }, // 2458.33p
        { 2500, 60, 0, 0, false, false, 2500 },
        { 2500, 239, 0, 0, false, false, 9958 }, // 9958.33p
        { 2500, 240, 0, 0, false, false, 10_000 },
        { 2500, 241, 0, 0, false, false, 10_042 }, // 10041.67p
        { 2500, 24 * 60, 0, 0, false, false, 60_000 },
        // preparation and travel count only where the item allows
        { 2500, 120, 60, 30, false, false, 5000 },
        { 2500, 120, 60, 30, true, false, 7500 },
        { 2500, 120, 60, 30, false, true, 6250 },
        { 2500, 120, 60, 30, true, true, 8750 },
        { 2500, 0, 60, 0, true, false, 2500 },
        { 2500, 0, 0, 1, false, true, 42 },
        { 2500, 24 * 60, 24 * 60, 24 * 60, true, true, 180_000 },
        { 2500, 24 * 60, 24 * 60, 24 * 60, false, false, 60_000 },
        // rounding: exactly half a penny goes up, just under goes down, whole pence stay
        { 2070, 1, 0, 0, false, false, 35 }, // 34.5p
        { 2069, 1, 0, 0, false, false, 34 }, // 34.48p
        { 2071, 1, 0, 0, false, false, 35 }, // 34.52p
        { 2250, 20, 0, 0, false, false, 750 },
        { 1, 30, 0, 0, false, false, 1 }, // 0.5p
        { 1, 29, 0, 0, false, false, 0 }, // 0.48p
    };

    [Theory]
    [MemberData(nameof(HourlyCases))]
    public void PerHour_PaysEveryMinute_RoundedToThePenny(long rate, int activity, int preparation, int travel, bool paysPreparation, bool paysTravel, long fee)
    {
        var fixedFee = Fee(RateKind.PerHour, rate, paysPreparation, paysTravel);

        Assert.Equal(Money.FromPence(fee), fixedFee.For(new TimeGiven(activity, preparation, travel)).Amount);
    }

    public static TheoryData<RateKind, int, int, long> UnitCases => new()
    {
        // kind, activity minutes, preparation and travel minutes (never paid by these kinds), fee (pence) at £75.00
        { RateKind.PerSession, 0, 0, 7500 },
        { RateKind.PerSession, 1, 0, 7500 },
        { RateKind.PerSession, 240, 0, 7500 },
        { RateKind.PerSession, 241, 0, 7500 },
        { RateKind.PerSession, 24 * 60, 24 * 60, 7500 },
        { RateKind.PerHalfDay, 0, 0, 7500 },
        { RateKind.PerHalfDay, 1, 0, 7500 },
        { RateKind.PerHalfDay, 239, 0, 7500 },
        { RateKind.PerHalfDay, 240, 0, 7500 },
        { RateKind.PerHalfDay, 240, 24 * 60, 7500 }, // preparation and travel do not make it a full day
        { RateKind.PerHalfDay, 241, 0, 15_000 },
        { RateKind.PerHalfDay, 24 * 60, 0, 15_000 },
        { RateKind.PerFullDay, 0, 0, 3750 },
        { RateKind.PerFullDay, 1, 0, 3750 },
        { RateKind.PerFullDay, 240, 0, 3750 },
        { RateKind.PerFullDay, 240, 24 * 60, 3750 },
        { RateKind.PerFullDay, 241, 0, 7500 },
        { RateKind.PerFullDay, 24 * 60, 0, 7500 },
    };

    [Theory]
    [MemberData(nameof(UnitCases))]
    public void SessionAndDayRates_PayByTheActivityMinutes(RateKind kind, int activity, int preparationAndTravel, long fee)
    {
        var fixedFee = Fee(kind, 7500);

        Assert.Equal(Money.FromPence(fee), fixedFee.For(new TimeGiven(activity, preparationAndTravel, preparationAndTravel)).Amount);
    }

    [Theory]
    [InlineData(14_001, 7001)] // £70.005 rounds up
    [InlineData(14_003, 7002)] // £70.015 rounds up
    [InlineData(14_000, 7000)]
    [InlineData(1, 1)]
    public void FullDayRate_ForAHalfDay_IsHalf_WithAHalfPennyRoundedUp(long fullDay, long halfDay)
    {
        Assert.Equal(Money.FromPence(halfDay), Fee(RateKind.PerFullDay, fullDay).For(new TimeGiven(180)).Amount);
    }

    [Theory]
    [InlineData(RateKind.PerHour)]
    [InlineData(RateKind.PerHalfDay)]
    [InlineData(RateKind.PerFullDay)]
    [InlineData(RateKind.PerSession)]
    public void NoTimeRecorded_TheyDidNotAttend_NoFee(RateKind kind)
    {
        var fee = Fee(kind, 7500, kind == RateKind.PerHour, kind == RateKind.PerHour).For(null);

        Assert.Equal(Money.Zero, fee.Amount);
        Assert.Equal("No fee: they did not attend.", fee.Working);
    }

    public static TheoryData<FixedFee, TimeGiven, string> WorkingCases => new()
    {
        { Fee(RateKind.PerHour, 2500), new TimeGiven(150, 60, 30), "2 hours 30 minutes at £25 an hour." },
        { Fee(RateKind.PerHour, 2500, true, true), new TimeGiven(120, 60, 1), "3 hours 1 minute (2 hours of the activity, 1 hour of preparation, 1 minute of travel) at £25 an hour." },
        { Fee(RateKind.PerHour, 2500, false, true), new TimeGiven(1, 0, 0), "1 minute (1 minute of the activity, 0 minutes of travel) at £25 an hour." },
        { Fee(RateKind.PerSession, 5000), new TimeGiven(90), "One session at £50." },
        { Fee(RateKind.PerHalfDay, 7500), new TimeGiven(240), "A half day (4 hours or less) at £75." },
        { Fee(RateKind.PerHalfDay, 7500), new TimeGiven(241), "A full day (more than 4 hours): two half days at £75." },
        { Fee(RateKind.PerFullDay, 14_001), new TimeGiven(240), "A half day (4 hours or less): half of £140.01 a full day." },
        { Fee(RateKind.PerFullDay, 14_000), new TimeGiven(241), "A full day (more than 4 hours) at £140." },
    };

    [Theory]
    [MemberData(nameof(WorkingCases))]
    public void Working_SaysHowTheFeeWasMade(FixedFee fee, TimeGiven time, string working)
    {
        Assert.Equal(working, fee.For(time).Working);
    }

    [Fact]
    public void HalfDay_EndsAtFourHours()
    {
        Assert.Equal(240, DayParts.HalfDayMaxMinutes);
        Assert.True(DayParts.IsHalfDay(240));
        Assert.False(DayParts.IsHalfDay(241));
    }

    public static TheoryData<FixedFee, string> DescribeCases => new()
    {
        { Fee(RateKind.PerHour, 2500), "£25 an hour" },
        { Fee(RateKind.PerHour, 2550, true, true), "£25.50 an hour, including preparation and travel time" },
        { Fee(RateKind.PerHour, 2500, true, false), "£25 an hour, including preparation time" },
        { Fee(RateKind.PerHour, 2500, false, true), "£25 an hour, including travel time" },
        { Fee(RateKind.PerHalfDay, 7500), "£75 a half day" },
        { Fee(RateKind.PerFullDay, 14_000), "£140 a full day" },
        { Fee(RateKind.PerSession, 5000), "£50 a session" },
    };

    [Theory]
    [MemberData(nameof(DescribeCases))]
    public void Describe_WhatThePersonIsPromised(FixedFee fee, string text)
    {
        Assert.Equal(text, fee.Describe());
    }
}
