using CoProduce.Web.Domain.Common;

namespace CoProduce.UnitTests.Common;

/// <summary>Money is whole pence: read from what people type, shown as they write it, added and compared exactly.</summary>
public sealed class MoneyTests
{
    public static TheoryData<string?, bool, long> ParseCases => new()
    {
        // what was typed, read?, pence
        { "1250000", true, 125_000_000 },
        { "£1,250,000", true, 125_000_000 },
        { " £1,250.50 ", true, 125_050 },
        { "£ 1 250", true, 125_000 },
        { "0", true, 0 },
        { "0.01", true, 1 },
        { ".5", true, 50 },
        { "1.5", true, 150 },
        { "1.50", true, 150 },
        { "1.500", true, 150 }, // a third decimal place that is nought is still whole pence
        { "49999.99", true, 4_999_999 },
        { "50000", true, 5_000_000 },
        { "50000.01", true, 5_000_001 },
        { "1,234,567.89", true, 123_456_789 },
        { "100,000,000,000", true, 10_000_000_000_000 },
        { "-5", true, -500 }, // read; a form then says it must be £0 or more
        { "92233720368547758.07", true, long.MaxValue },
        { "92233720368547758.08", false, 0 }, // a penny more than Money can hold
        { "99999999999999999999", false, 0 },
        { "99999999999999999999999999999999", false, 0 },
        { null, false, 0 },
        { "", false, 0 },
        { "   ", false, 0 },
        { "£", false, 0 },
        { "abc", false, 0 },
        { "12.345", false, 0 },
        { "0.001", false, 0 },
        { "1e6", false, 0 },
        { "12,50", false, 0 },
        { "1,2345", false, 0 },
        { "1.2.3", false, 0 },
    };

    [Theory]
    [MemberData(nameof(ParseCases))]
    public void TryParse_WhatPeopleType(string? text, bool ok, long pence)
    {
        Assert.Equal(ok, Money.TryParse(text, out var amount));
        Assert.Equal(pence, amount.Pence);
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.00")]
    [InlineData("£-0.0")]
    public void TryParse_NegativeZero_IsNoughtPoundsWithoutASign(string text)
    {
        Assert.True(Money.TryParse(text, out var amount));
        Assert.Equal(Money.Zero, amount);
        Assert.False(amount.IsNegative);
        Assert.Equal("£0", amount.Format());

        Assert.True(Money.TryParsePounds(text, out var pounds));
        Assert.False(decimal.IsNegative(pounds));
    }

    [Theory]
    [InlineData("99999999999999999999", true)]
    [InlineData("12.345", false)]
    [InlineData("12,50", false)]
    public void TryParsePounds_ReadsAnyNumberOfPoundsButNoPartOfAPenny(string text, bool ok) =>
        Assert.Equal(ok, Money.TryParsePounds(text, out _));

    public static TheoryData<long, string> FormatCases => new()
    {
        { 0, "£0" },
        { 1, "£0.01" },
        { 50, "£0.50" },
        { 100, "£1" },
        { 4_999_999, "£49,999.99" },
        { 5_000_000, "£50,000" },
        { 5_000_001, "£50,000.01" },
        { 65_000_000, "£650,000" },
        { 125_050, "£1,250.50" },
        { 10_000_000_000_000, "£100,000,000,000" },
        { -500, "-£5" },
        { -1, "-£0.01" },
    };

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format_WholePoundsWithoutPence_OtherwiseWithTwoPlaces(long pence, string expected)
    {
        Assert.Equal(expected, Money.FromPence(pence).Format());
        Assert.Equal(expected, Money.FromPence(pence).ToString());
    }

    public static TheoryData<decimal, long> PoundsToPenceCases => new()
    {
        { 0m, 0 },
        { 0.01m, 1 },
        { 0.10m, 10 },
        { 1.1m, 110 },
        { 1.100m, 110 },
        { 49_999.99m, 4_999_999 },
        { 50_000m, 5_000_000 },
        { 50_000.01m, 5_000_001 },
        { 3_000_000.01m, 300_000_001 },
        { 100_000_000_000m, 10_000_000_000_000 },
        { -0.01m, -1 },
    };

    [Theory]
    [MemberData(nameof(PoundsToPenceCases))]
    public void FromPounds_IsExactPence(decimal pounds, long pence)
    {
        var amount = Money.FromPounds(pounds);

        Assert.Equal(pence, amount.Pence);
        Assert.Equal(Money.FromPence(pence), amount);
        Assert.Equal(pounds, amount.Pounds);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.005)]
    [InlineData(50_000.001)]
    public void FromPounds_PartOfAPenny_IsRefused(decimal pounds) =>
        Assert.Throws<ArgumentException>(() => Money.FromPounds(pounds));

    [Fact]
    public void FromPounds_MoreThanMoneyCanHold_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromPounds(92_233_720_368_547_758.08m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromPounds(decimal.MaxValue));
        Assert.Equal(Money.MaxValue, Money.FromPounds(92_233_720_368_547_758.07m));
    }

    public static TheoryData<long, long, long, long> ArithmeticCases => new()
    {
        // a, b, a + b, a - b (pence)
        { 0, 0, 0, 0 },
        { 1, 0, 1, 1 },
        { 4_999_999, 1, 5_000_000, 4_999_998 },
        { 5_000_000, 1, 5_000_001, 4_999_999 },
        { 10, 30, 40, -20 },
        { -1, 1, 0, -2 },
    };

    [Theory]
    [MemberData(nameof(ArithmeticCases))]
    public void AddAndSubtract_ArePenceExactly(long a, long b, long sum, long difference)
    {
        var (left, right) = (Money.FromPence(a), Money.FromPence(b));

        Assert.Equal(sum, (left + right).Pence);
        Assert.Equal(difference, (left - right).Pence);
        Assert.Equal(-difference, (-(left - right)).Pence);
        Assert.Equal(left + right, Money.Add(left, right));
        Assert.Equal(left - right, Money.Subtract(left, right));
    }

    [Fact]
    public void TenPenceThreeTimes_IsThirtyPence_NotAFloatingPointNearMiss()
    {
        var ten = Money.FromPounds(0.10m);

        Assert.Equal(Money.FromPounds(0.30m), ten + ten + ten);
    }

    [Fact]
    public void Arithmetic_BeyondWhatMoneyCanHold_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.MaxValue + Money.FromPence(1));
        Assert.Throws<OverflowException>(() => Money.MinValue - Money.FromPence(1));
        Assert.Throws<OverflowException>(() => -Money.MinValue);
    }

    public static TheoryData<decimal, decimal, int> CompareCases => new()
    {
        // a, b, sign of a compared with b: a penny either side of the £50,000 limit
        { 0m, 0m, 0 },
        { 0m, 0.01m, -1 },
        { 49_999.99m, 50_000m, -1 },
        { 50_000m, 50_000m, 0 },
        { 50_000.01m, 50_000m, 1 },
        { -0.01m, 0m, -1 },
    };

    [Theory]
    [MemberData(nameof(CompareCases))]
    public void Compare_ByPence(decimal a, decimal b, int sign)
    {
        var (left, right) = (Money.FromPounds(a), Money.FromPounds(b));

        Assert.Equal(sign, Math.Sign(left.CompareTo(right)));
        Assert.Equal(sign < 0, left < right);
        Assert.Equal(sign <= 0, left <= right);
        Assert.Equal(sign > 0, left > right);
        Assert.Equal(sign >= 0, left >= right);
        Assert.Equal(sign == 0, left == right);
    }

    [Fact]
    public void Sort_OrdersByAmount()
    {
        var amounts = new[] { 50_000.01m, 0m, 49_999.99m, 50_000m }.Select(Money.FromPounds).Order().Select(m => m.Pounds);

        Assert.Equal([0m, 49_999.99m, 50_000m, 50_000.01m], amounts);
    }

    [Fact]
    public void Default_IsNoughtPounds()
    {
        Assert.Equal(Money.Zero, default);
        Assert.Equal(0, default(Money).Pence);
        Assert.Equal("£0", default(Money).Format());
    }
}
