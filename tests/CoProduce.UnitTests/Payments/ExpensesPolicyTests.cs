using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// The expenses policy: each category with an optional cap per claim and whether a receipt is
/// needed; mileage at a rate per mile. Over a cap, a line is allowed up to the cap with a note;
/// without a receipt that is needed, it is refused. Versions take effect from a date.
/// </summary>
public sealed class ExpensesPolicyTests
{
    private static readonly DateTime March2026 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly April2026 = new(2026, 4, 1);

    private static ExpenseRule[] Rules(Money? mileageCap = null) =>
    [
        new(ExpenseCategory.PublicTransport, null, ReceiptNeeded: true),
        new(ExpenseCategory.Mileage, mileageCap, ReceiptNeeded: false),
        new(ExpenseCategory.ReplacementCare, null, ReceiptNeeded: true),
        new(ExpenseCategory.SupportWorker, null, ReceiptNeeded: true),
        new(ExpenseCategory.Meals, Pounds(10m), ReceiptNeeded: true),
        new(ExpenseCategory.Other, Pounds(50m), ReceiptNeeded: true),
    ];

    /// <summary>45p a mile; meals up to £10 a claim; other expenses up to £50.</summary>
    private static ExpensesPolicy Policy(Money? mileageCap = null) =>
        ExpensesPolicy.Publish([], Pounds(0.45m), Rules(mileageCap), April2026, "lead", March2026);

    public static TheoryData<ExpenseCategory, long, long, string?> CapCases => new()
    {
        // category, claimed (pence), allowed (pence), note (null: none)
        { ExpenseCategory.Meals, 999, 999, null },
        { ExpenseCategory.Meals, 1000, 1000, null },
        { ExpenseCategory.Meals, 1001, 1000, "Up to £10 a claim is repaid for meals, so £10 of the £10.01 is allowed." },
        { ExpenseCategory.Meals, 1250, 1000, "Up to £10 a claim is repaid for meals, so £10 of the £12.50 is allowed." },
        { ExpenseCategory.Meals, 1, 1, null },
        { ExpenseCategory.Other, 4999, 4999, null },
        { ExpenseCategory.Other, 5000, 5000, null },
        { ExpenseCategory.Other, 5001, 5000, "Up to £50 a claim is repaid for other expenses, so £50 of the £50.01 is allowed." },
        // no cap
        { ExpenseCategory.PublicTransport, 100_000, 100_000, null },
        { ExpenseCategory.ReplacementCare, 25_000, 25_000, null },
        { ExpenseCategory.SupportWorker, 1, 1, null },
    };

    [Theory]
    [MemberData(nameof(CapCases))]
    public void OverTheCap_AllowedUpToTheCap_WithANote(ExpenseCategory category, long claimed, long allowed, string? note)
    {
        var check = Policy().Check(ExpenseToCheck.Spent(category, Money.FromPence(claimed), hasReceipt: true));

        Assert.False(check.IsRefused);
        Assert.Equal(Money.FromPence(claimed), check.Claimed);
        Assert.Equal(Money.FromPence(allowed), check.Allowed);
        Assert.Equal(note is not null, check.IsReducedByCap);
        Assert.Equal(note is null ? [] : [note], check.Notes);
    }

    public static TheoryData<ExpenseCategory, bool, string?> ReceiptCases => new()
    {
        // category, has a receipt, why refused (null: allowed)
        { ExpenseCategory.PublicTransport, false, "A receipt is needed for public transport. Add a photo or PDF of the receipt." },
        { ExpenseCategory.PublicTransport, true, null },
        { ExpenseCategory.ReplacementCare, false, "A receipt is needed for replacement care. Add a photo or PDF of the receipt." },
        { ExpenseCategory.SupportWorker, false, "A receipt is needed for a support worker. Add a photo or PDF of the receipt." },
        { ExpenseCategory.Meals, false, "A receipt is needed for meals. Add a photo or PDF of the receipt." },
        { ExpenseCategory.Other, false, "A receipt is needed for other expenses. Add a photo or PDF of the receipt." },
    };

    [Theory]
    [MemberData(nameof(ReceiptCases))]
    public void MissingReceipt_WhereOneIsNeeded_IsRefused(ExpenseCategory category, bool hasReceipt, string? whyRefused)
    {
        var check = Policy().Check(ExpenseToCheck.Spent(category, Pounds(4.20m), hasReceipt));

        Assert.Equal(whyRefused is null ? [] : [whyRefused], check.Refusals);
        Assert.Equal(whyRefused is null ? Pounds(4.20m) : Money.Zero, check.Allowed);
        Assert.Equal(Pounds(4.20m), check.Claimed);
    }

    [Fact]
    public void OverTheCapWithoutAReceipt_IsRefused_WithoutACapNote()
    {
        var check = Policy().Check(ExpenseToCheck.Spent(ExpenseCategory.Meals, Pounds(12.50m), hasReceipt: false));

        Assert.True(check.IsRefused);
        Assert.False(check.IsReducedByCap);
        Assert.Equal(Money.Zero, check.Allowed);
        Assert.Empty(check.Notes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NothingSpent_IsRefused(long pence)
    {
        var check = Policy().Check(ExpenseToCheck.Spent(ExpenseCategory.PublicTransport, Money.FromPence(pence), hasReceipt: true));

        Assert.Equal(["Enter the amount you spent, more than £0."], check.Refusals);
        Assert.Equal(Money.Zero, check.Allowed);
    }

    [Theory]
    [InlineData(500_000, false)] // £5,000: the most one line may claim
    [InlineData(500_001, true)]
    [InlineData(long.MaxValue / 2, true)] // a typing mistake that would overflow a total
    public void OneLine_IsAtMostTheGuardAmount(long pence, bool refused)
    {
        var check = Policy().Check(ExpenseToCheck.Spent(ExpenseCategory.ReplacementCare, Money.FromPence(pence), hasReceipt: true));

        Assert.Equal(refused, check.IsRefused);
        Assert.Equal(refused ? Money.Zero : Money.FromPence(pence), check.Allowed); // replacement care has no cap here
    }

    public static TheoryData<decimal, long, string> MileageCases => new()
    {
        // miles, amount at 45p a mile (pence), working
        { 12m, 540, "12 miles at 45p a mile is £5.40." },
        { 12.5m, 563, "12.5 miles at 45p a mile is £5.63." }, // 562.5p rounds up
        { 12.50m, 563, "12.5 miles at 45p a mile is £5.63." },
        { 12.51m, 563, "12.51 miles at 45p a mile is £5.63." }, // 562.95p
        { 12.49m, 562, "12.49 miles at 45p a mile is £5.62." }, // 562.05p
        { 1m, 45, "1 mile at 45p a mile is £0.45." },
        { 0.01m, 0, "0.01 miles at 45p a mile is £0." }, // 0.45p rounds down
        { 0.02m, 1, "0.02 miles at 45p a mile is £0.01." }, // 0.9p rounds up
        { 1000m, 45_000, "1,000 miles at 45p a mile is £450." },
    };

    [Theory]
    [MemberData(nameof(MileageCases))]
    public void Mileage_MilesTimesTheRate_ToTheNearestPenny(decimal miles, long pence, string working)
    {
        var check = Policy().Check(ExpenseToCheck.Mileage(miles));

        Assert.False(check.IsRefused);
        Assert.Equal(Money.FromPence(pence), check.Claimed);
        Assert.Equal(Money.FromPence(pence), check.Allowed);
        Assert.Equal([working], check.Notes);
    }

    [Theory]
    [InlineData(0, "Enter the miles you drove, more than 0, like 12.5.")]
    [InlineData(-12.5, "Enter the miles you drove, more than 0, like 12.5.")]
    [InlineData(12.345, "Enter the miles with no more than 2 decimal places, like 12.5.")]
    [InlineData(1000.01, "Enter 1,000 miles or fewer on one line.")]
    public void Mileage_OddMiles_AreRefused(double miles, string whyRefused)
    {
        var check = Policy().Check(ExpenseToCheck.Mileage((decimal)miles));

        Assert.Equal([whyRefused], check.Refusals);
        Assert.Equal(Money.Zero, check.Allowed);
    }

    [Theory]
    [InlineData(44.44, 2000, 2000)] // 1999.8p, just under the £20 cap once rounded: exactly at it
    [InlineData(44.43, 1999, 1999)] // 1999.35p: 1p under
    [InlineData(44.46, 2001, 2000)] // 2000.7p: 1p over, allowed up to the cap
    public void Mileage_WithACap(double miles, long claimed, long allowed)
    {
        var check = Policy(mileageCap: Pounds(20m)).Check(ExpenseToCheck.Mileage((decimal)miles));

        Assert.Equal((Money.FromPence(claimed), Money.FromPence(allowed)), (check.Claimed, check.Allowed));
        Assert.Equal(claimed > allowed, check.IsReducedByCap);
    }

    [Fact]
    public void Mileage_NoReceiptNeeded_UnlessThePolicySaysSo()
    {
        var rules = Rules().Select(r => r.Category == ExpenseCategory.Mileage ? r with { ReceiptNeeded = true } : r).ToArray();
        var strict = ExpensesPolicy.Publish([], Pounds(0.45m), rules, April2026, "lead", March2026);

        Assert.False(Policy().Check(ExpenseToCheck.Mileage(10m)).IsRefused);
        Assert.Equal(["A receipt is needed for mileage. Add a photo or PDF of the receipt."], strict.Check(ExpenseToCheck.Mileage(10m)).Refusals);
        Assert.False(strict.Check(ExpenseToCheck.Mileage(10m, hasReceipt: true)).IsRefused);
    }

    [Fact]
    public void CapIsPerClaim_EarlierLinesCount()
    {
        var checks = Policy().CheckClaim(
        [
            ExpenseToCheck.Spent(ExpenseCategory.Meals, Pounds(6m), true),
            ExpenseToCheck.Spent(ExpenseCategory.PublicTransport, Pounds(30m), true),
            ExpenseToCheck.Spent(ExpenseCategory.Meals, Pounds(3m), false), // refused: counts nothing
            ExpenseToCheck.Spent(ExpenseCategory.Meals, Pounds(5.50m), true),
            ExpenseToCheck.Spent(ExpenseCategory.Meals, Pounds(1m), true),
        ]);

        Assert.Equal([Pounds(6m), Pounds(30m), Money.Zero, Pounds(4m), Money.Zero], checks.Select(c => c.Allowed));
        Assert.Equal("Up to £10 a claim is repaid for meals and this claim already has £6, so £4 of the £5.50 is allowed.", Assert.Single(checks[3].Notes));
        Assert.Equal("Up to £10 a claim is repaid for meals, and this claim already has £10 for meals.", Assert.Single(checks[4].Refusals));
    }

    [Theory]
    [InlineData(0, 1000, null)]
    [InlineData(1, 999, null)]
    [InlineData(999, 1, null)]
    [InlineData(1000, 0, "Up to £10 a claim is repaid for meals, and this claim already has £10 for meals.")]
    [InlineData(1500, 0, "Up to £10 a claim is repaid for meals, and this claim already has £15 for meals.")]
    public void Check_WithWhatTheClaimAlreadyHas(long already, long allowed, string? whyRefused)
    {
        var check = Policy().Check(ExpenseToCheck.Spent(ExpenseCategory.Meals, Pounds(10m), true), Money.FromPence(already));

        Assert.Equal(Money.FromPence(allowed), check.Allowed);
        Assert.Equal(whyRefused is null ? [] : [whyRefused], check.Refusals);
    }

    [Fact]
    public void SpentMileage_IsNotAnExpenseLine()
    {
        Assert.Throws<ArgumentException>(() => ExpenseToCheck.Spent(ExpenseCategory.Mileage, Pounds(5m), false));
    }

    public static TheoryData<string, string> PublishRefusals => new()
    {
        // what is wrong, why refused
        { "no mileage rule", "The policy needs exactly one rule for mileage." },
        { "two meals rules", "The policy needs exactly one rule for meals." },
        { "a £0 cap", "The cap for other expenses must be more than £0, or no cap." },
        { "a £0 mileage rate", "The mileage rate must be more than £0 a mile." },
        { "in the past", "A new expenses policy takes effect from today, 1 March 2026, or later." },
    };

    [Theory]
    [MemberData(nameof(PublishRefusals))]
    public void Publish_RefusesAnIncompletePolicy(string wrong, string whyRefused)
    {
        var rules = wrong switch
        {
            "no mileage rule" => Rules().Where(r => r.Category != ExpenseCategory.Mileage).ToArray(),
            "two meals rules" => [.. Rules(), new ExpenseRule(ExpenseCategory.Meals, null, false)],
            "a £0 cap" => Rules().Select(r => r.Category == ExpenseCategory.Other ? r with { CapPerClaim = Money.Zero } : r).ToArray(),
            _ => Rules(),
        };
        var rate = wrong == "a £0 mileage rate" ? Money.Zero : Pounds(0.45m);
        var from = wrong == "in the past" ? new DateOnly(2026, 2, 28) : April2026;

        var refused = Assert.Throws<PaymentRuleException>(() => ExpensesPolicy.Publish([], rate, rules, from, "lead", March2026));

        Assert.Equal(whyRefused, refused.Message);
    }

    [Theory]
    [InlineData("2026-04-01", "The latest expenses policy takes effect on 1 April 2026, so a new one must take effect after that.")]
    [InlineData("2026-03-31", "The latest expenses policy takes effect on 1 April 2026, so a new one must take effect after that.")]
    [InlineData("2026-04-02", null)]
    public void Publish_AfterTheLatestVersion(string from, string? whyRefused)
    {
        var first = Policy();
        var date = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);

        var published = Record.Exception(() => ExpensesPolicy.Publish([first], Pounds(0.50m), Rules(), date, "lead", March2026));

        Assert.Equal(whyRefused, published?.Message);
    }

    [Fact]
    public void Versions_TheOneInForceOnADate()
    {
        var first = Policy();
        var second = ExpensesPolicy.Publish([first], Pounds(0.50m), Rules(), new DateOnly(2027, 4, 1), "lead2", March2026);
        var versions = new[] { second, first };

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(("lead2", March2026), (second.CreatedByUserId, second.CreatedUtc));
        Assert.Null(ExpensesPolicy.InForceOn(versions, new DateOnly(2026, 3, 31)));
        Assert.Same(first, ExpensesPolicy.InForceOn(versions, April2026));
        Assert.Same(first, ExpensesPolicy.InForceOn(versions, new DateOnly(2027, 3, 31)));
        Assert.Same(second, ExpensesPolicy.InForceOn(versions, new DateOnly(2027, 4, 1)));
        Assert.Equal(Pounds(6.25m), second.Check(ExpenseToCheck.Mileage(12.5m)).Allowed);
        Assert.Equal(Enum.GetValues<ExpenseCategory>(), second.Rules.Select(r => r.Category));
    }
}
