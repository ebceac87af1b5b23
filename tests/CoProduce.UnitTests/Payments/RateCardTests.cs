using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// The rate card: items by activity type, each with dated versions. A new version takes effect
/// from a date that is today or later and after the latest; the version in force on a date
/// answers for that date; a fee fixed for a confirmed place keeps the version it was fixed from.
/// </summary>
public sealed class RateCardTests
{
    // 12 noon on 1 March 2026 in the UK (GMT).
    private static readonly DateTime March2026 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An hourly panel rate: £25 from 1 April 2026, £27.50 with travel from 1 April 2027.</summary>
    private static RateItem PanelRate()
    {
        var card = new RateCard([]);
        var item = card.NewItem("Interview panel, per hour", ActivityType.InterviewPanel, RateKind.PerHour, new RateTerms(Pounds(25m)), Day("2026-04-01"), "lead", March2026);
        item.AddVersion(new RateTerms(Pounds(27.50m), PaysTravel: true), Day("2027-04-01"), "lead", March2026);
        return item;
    }

    [Theory]
    [InlineData("2026-03-31", null)]
    [InlineData("2026-04-01", 1)]
    [InlineData("2027-03-31", 1)]
    [InlineData("2027-04-01", 2)]
    [InlineData("2030-01-01", 2)]
    public void InForceOn_TheLatestVersionThatHasStarted(string date, int? version)
    {
        Assert.Equal(version, PanelRate().InForceOn(Day(date))?.Number);
    }

    [Fact]
    public void Versions_KeepTheirTermsAndWhoAddedThem()
    {
        var item = PanelRate();

        Assert.Collection(item.Versions,
            v => Assert.Equal((1, Day("2026-04-01"), Pounds(25m), false, false, "lead", March2026), (v.Number, v.EffectiveFrom, v.Amount, v.PaysPreparation, v.PaysTravel, v.CreatedByUserId, v.CreatedUtc)),
            v => Assert.Equal((2, Day("2027-04-01"), Pounds(27.50m), false, true, "lead", March2026), (v.Number, v.EffectiveFrom, v.Amount, v.PaysPreparation, v.PaysTravel, v.CreatedByUserId, v.CreatedUtc)));
    }

    public static TheoryData<string, string, string?> AddVersionCases => new()
    {
        // now (UTC), takes effect from, why refused (null: added)
        { "2027-05-01T12:00:00Z", "2027-04-30", "New rates take effect from today, 1 May 2027, or later." },
        { "2027-05-01T12:00:00Z", "2027-05-01", null },
        { "2027-05-01T12:00:00Z", "2028-04-01", null },
        // 11:30pm on 30 June in UTC is already 1 July in the UK (BST)
        { "2027-06-30T23:30:00Z", "2027-06-30", "New rates take effect from today, 1 July 2027, or later." },
        { "2027-06-30T23:30:00Z", "2027-07-01", null },
        // never on or before the latest version's date, even when that is still to come
        { "2026-03-01T12:00:00Z", "2027-04-01", "The latest rate for Interview panel, per hour takes effect on 1 April 2027, so a new rate must take effect after that." },
        { "2026-03-01T12:00:00Z", "2027-03-31", "The latest rate for Interview panel, per hour takes effect on 1 April 2027, so a new rate must take effect after that." },
        { "2026-03-01T12:00:00Z", "2027-04-02", null },
    };

    [Theory]
    [MemberData(nameof(AddVersionCases))]
    public void AddVersion_FromTodayOrLater_AfterTheLatest(string now, string from, string? whyRefused)
    {
        var item = PanelRate();
        var nowUtc = DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var terms = new RateTerms(Pounds(30m));

        if (whyRefused is null)
        {
            var added = item.AddVersion(terms, Day(from), "lead2", nowUtc);
            Assert.Equal((3, Day(from), "lead2"), (added.Number, added.EffectiveFrom, added.CreatedByUserId));
            Assert.Same(added, item.InForceOn(Day(from)));
        }
        else
        {
            var refused = Assert.Throws<PaymentRuleException>(() => item.AddVersion(terms, Day(from), "lead2", nowUtc));
            Assert.Equal(whyRefused, refused.Message);
            Assert.Equal(2, item.Versions.Count);
        }
    }

    public static TheoryData<RateKind, long, bool, bool, string?> TermsCases => new()
    {
        // kind, amount (pence), pays preparation, pays travel, why refused (null: accepted)
        { RateKind.PerHour, 1, false, false, null },
        { RateKind.PerHour, 0, false, false, "The amount must be more than £0." },
        { RateKind.PerHour, -1, false, false, "The amount must be more than £0." },
        { RateKind.PerHour, 2500, true, true, null },
        { RateKind.PerSession, 5000, false, false, null },
        { RateKind.PerSession, 5000, true, false, "Preparation and travel time are paid only with an hourly rate." },
        { RateKind.PerHalfDay, 7500, false, true, "Preparation and travel time are paid only with an hourly rate." },
        { RateKind.PerFullDay, 14_000, true, true, "Preparation and travel time are paid only with an hourly rate." },
        { RateKind.PerFullDay, 0, false, false, "The amount must be more than £0." },
    };

    [Theory]
    [MemberData(nameof(TermsCases))]
    public void Terms_AmountMoreThanNothing_PreparationAndTravelOnlyByTheHour(RateKind kind, long pence, bool preparation, bool travel, string? whyRefused)
    {
        var card = new RateCard([]);
        var terms = new RateTerms(Money.FromPence(pence), preparation, travel);

        if (whyRefused is null)
        {
            var item = card.NewItem("Workshop", ActivityType.Workshop, kind, terms, Day("2026-04-01"), "lead", March2026);
            Assert.Equal(terms, item.Versions.Single().Terms);
        }
        else
        {
            var refused = Assert.Throws<PaymentRuleException>(() => card.NewItem("Workshop", ActivityType.Workshop, kind, terms, Day("2026-04-01"), "lead", March2026));
            Assert.Equal(whyRefused, refused.Message);
            Assert.Empty(card.Items);
        }
    }

    [Theory]
    [InlineData("", "Enter a name for the rate.")]
    [InlineData("   ", "Enter a name for the rate.")]
    [InlineData("Workshop, per hour", "There is already a rate called Workshop, per hour. Give this one another name, or change that one.")]
    [InlineData("  workshop, PER HOUR ", "There is already a rate called workshop, PER HOUR. Give this one another name, or change that one.")]
    public void NewItem_NeedsAName_NotAlreadyOnTheCard(string name, string whyRefused)
    {
        var card = new RateCard([]);
        card.NewItem("Workshop, per hour", ActivityType.Workshop, RateKind.PerHour, new RateTerms(Pounds(25m)), Day("2026-04-01"), "lead", March2026);

        var refused = Assert.Throws<PaymentRuleException>(() =>
            card.NewItem(name, ActivityType.Workshop, RateKind.PerSession, new RateTerms(Pounds(50m)), Day("2026-04-01"), "lead", March2026));

        Assert.Equal(whyRefused, refused.Message);
        Assert.Single(card.Items);
    }

    [Theory]
    [InlineData(100, null)]
    [InlineData(101, "The name must be 100 characters or fewer.")]
    public void NewItem_NameAtMost100Characters(int length, string? whyRefused)
    {
        var card = new RateCard([]);
        var name = new string('a', length);

        var refused = Record.Exception(() => card.NewItem(name, ActivityType.Workshop, RateKind.PerHour, new RateTerms(Pounds(25m)), Day("2026-04-01"), "lead", March2026));

        Assert.Equal(whyRefused, refused?.Message);
    }

    [Fact]
    public void NewItem_TrimsTheName_AndKeepsTheTypeAndKind()
    {
        var item = new RateCard([]).NewItem("  Market event  ", ActivityType.MarketEvent, RateKind.PerHalfDay, new RateTerms(Pounds(75m)), Day("2026-04-01"), "lead", March2026);

        Assert.Equal(("Market event", ActivityType.MarketEvent, RateKind.PerHalfDay), (item.Name, item.ActivityType, item.Kind));
    }

    [Fact]
    public void ForActivity_TheItemsOfThatType_InForceOnTheActivityDate()
    {
        var card = new RateCard([]);
        card.NewItem("Workshop, per session", ActivityType.Workshop, RateKind.PerSession, new RateTerms(Pounds(50m)), Day("2026-04-01"), "lead", March2026);
        card.NewItem("Workshop, full day", ActivityType.Workshop, RateKind.PerFullDay, new RateTerms(Pounds(140m)), Day("2026-06-01"), "lead", March2026);
        card.NewItem("Interview panel, per hour", ActivityType.InterviewPanel, RateKind.PerHour, new RateTerms(Pounds(25m)), Day("2026-04-01"), "lead", March2026);

        Assert.Empty(card.ForActivity(ActivityType.Workshop, Day("2026-03-31")));
        Assert.Equal(["Workshop, per session"], card.ForActivity(ActivityType.Workshop, Day("2026-05-31")).Select(r => r.Item.Name));
        Assert.Equal(["Workshop, full day", "Workshop, per session"], card.ForActivity(ActivityType.Workshop, Day("2026-06-01")).Select(r => r.Item.Name));
        Assert.Equal(["£25 an hour"], card.ForActivity(ActivityType.InterviewPanel, Day("2026-06-01")).Select(r => r.Describe()));
        Assert.Empty(card.ForActivity(ActivityType.MysteryShopper, Day("2026-06-01")));
        Assert.Equal(3, card.InForceOn(Day("2026-06-01")).Count);
    }

    [Theory]
    [InlineData("2026-04-01", 1, 2500, false)]
    [InlineData("2027-03-31", 1, 2500, false)]
    [InlineData("2027-04-01", 2, 2750, true)]
    public void FixFee_FromTheVersionInForceOnTheActivityDate(string activityDate, int version, long pence, bool paysTravel)
    {
        var item = PanelRate();

        var fee = item.FixFee(Day(activityDate));

        Assert.Equal(new FixedFee(item.Id, version, RateKind.PerHour, Money.FromPence(pence), false, paysTravel), fee);
    }

    [Fact]
    public void FixFee_BeforeTheItemStarted_IsRefused()
    {
        var refused = Assert.Throws<PaymentRuleException>(() => PanelRate().FixFee(Day("2026-03-31")));

        Assert.Equal("Interview panel, per hour has no rate for 31 March 2026. Choose another rate or ask the co-production lead to add one.", refused.Message);
    }

    [Fact]
    public void FixedFee_IsNotChangedByALaterVersion()
    {
        var item = PanelRate();
        var fixedInMay = item.FixFee(Day("2027-05-01"));

        item.AddVersion(new RateTerms(Pounds(40m), true, true), Day("2027-05-01").AddDays(1), "lead", March2026);

        Assert.Equal(Pounds(27.50m), fixedInMay.Amount);
        Assert.Equal(Pounds(55m), fixedInMay.For(new TimeGiven(90, 60, 30)).Amount); // 1.5 hours + 30 minutes of travel, no preparation
        Assert.Equal(Pounds(40m), item.FixFee(Day("2027-05-02")).Amount);
    }
}
