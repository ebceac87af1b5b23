using System.Globalization;
using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// The co-production lead's payment settings against the real app and database: the rate card, the
/// expenses policy, benefit limits and the advice and approval settings, each audited; bad input
/// shown next to its field; and the public "how we pay" page built from them.
/// </summary>
public sealed class PaymentSettingsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    internal static IEnumerable<KeyValuePair<string, string>> DateFields(string name, DateOnly date) =>
    [
        new($"{name}.Day", date.Day.ToString(Invariant)), new($"{name}.Month", date.Month.ToString(Invariant)), new($"{name}.Year", date.Year.ToString(Invariant)),
    ];

    internal static List<KeyValuePair<string, string>> RateFields(string name, string type = "Workshop", string kind = "PerHour", string amount = "25",
        string[]? includes = null, DateOnly? from = null) =>
    [
        new("Name", name), new("ActivityType", type), new("Kind", kind), new("Amount", amount),
        .. (includes ?? []).Select(i => new KeyValuePair<string, string>("Includes", i)),
        .. DateFields("EffectiveFrom", from ?? Today),
    ];

    /// <summary>Adds a rate as the lead does, and returns its id.</summary>
    internal static async Task<int> AddRateAsync(HttpClient lead, List<KeyValuePair<string, string>> fields)
    {
        var added = await lead.SubmitFormAsync("/payments/rates/new", "/payments/rates/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return int.Parse(added.Location()!.Split('/').Last(), Invariant);
    }

    private static async Task<List<AuditEntry>> AuditAsync(PortalFixture app, string action) =>
        await WithDbAsync(app, db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    private static async Task<T> WithDbAsync<T>(PortalFixture app, Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    [Fact]
    public async Task RateCard_LeadAddsARateAndANewVersion_ShownWithItsHistoryAndAudited()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var id = await AddRateAsync(lead, RateFields("Interview panel, per hour", type: "InterviewPanel", includes: ["Travel"]));
        var later = Today.AddDays(40);
        var versioned = await lead.SubmitFormAsync($"/payments/rates/{id}", $"/payments/rates/{id}/versions",
            [new("Amount", "27.50"), .. DateFields("EffectiveFrom", later)]);

        Assert.Equal($"/payments/rates/{id}", versioned.Location());
        var rows = (await lead.GetPageAsync($"/payments/rates/{id}")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("£27.50 an hour", rows[0], StringComparison.Ordinal);
        Assert.Contains("Coming", rows[0], StringComparison.Ordinal);
        Assert.Contains("£25 an hour, including travel time", rows[1], StringComparison.Ordinal);
        Assert.Contains("In force", rows[1], StringComparison.Ordinal);
        var card = (await lead.GetPageAsync("/payments/rates")).QuerySelector("main")!.TextContent;
        Assert.Contains("Interview panel, per hour", card, StringComparison.Ordinal);
        Assert.Contains($"From {later.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}: £27.50 an hour", card, StringComparison.Ordinal);

        var audit = (await AuditAsync(portal, AuditActions.RateChanged)).Where(e => e.SubjectId == id.ToString(Invariant)).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Null(audit[0].Before);
        Assert.Contains("PerHour 2500p, pays travel", audit[0].After, StringComparison.Ordinal);
        Assert.Equal(audit[0].After, audit[1].Before);
        Assert.Contains("version 2", audit[1].After, StringComparison.Ordinal);
        Assert.Contains("2750p", audit[1].After, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string[]> BadRates => new()
    {
        // Fields (name, type, kind, amount, includes, days from today), error summary links.
        { ["", "", "", "", "", "0"], ["#Name Enter a name for the rate, like Interview panel, per hour", "#ActivityType Select the type of activity the rate is for",
            "#Kind Select what the amount pays for", "#Amount Enter the amount in pounds, like 25 or 20.70"] },
        { ["Session with travel", "Workshop", "PerSession", "75", "Travel", "0"], ["#Includes Preparation and travel time are paid only with an hourly rate."] },
        { ["Nothing paid", "Workshop", "PerHour", "0", "", "0"], ["#Amount The amount must be more than £0."] },
        { ["Backdated", "Workshop", "PerHour", "25", "", "-1"], [$"#EffectiveFrom New rates take effect from today, {Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, or later."] },
    };

    [Theory]
    [MemberData(nameof(BadRates))]
    public async Task RateCard_BadInput_IsShownNextToItsFieldAndNothingIsAdded(string[] fields, string[] expected)
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var before = await WithDbAsync(portal, db => db.RateItems.CountAsync());

        var response = await lead.SubmitFormAsync("/payments/rates/new", "/payments/rates/new",
            RateFields(fields[0], fields[1], fields[2], fields[3], fields[4].Length == 0 ? [] : [fields[4]], Today.AddDays(int.Parse(fields[5], Invariant))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, (await response.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(before, await WithDbAsync(portal, db => db.RateItems.CountAsync()));
    }

    [Fact]
    public async Task RateCard_SameNameTwiceOrAVersionNotAfterTheLatest_IsRefusedWithTheReason()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var id = await AddRateAsync(lead, RateFields("Learning walk, per session", type: "LearningWalk", kind: "PerSession", amount: "60", from: Today.AddDays(10)));

        var again = await lead.SubmitFormAsync("/payments/rates/new", "/payments/rates/new", RateFields("LEARNING WALK, PER SESSION", type: "LearningWalk"));
        var early = await lead.SubmitFormAsync($"/payments/rates/{id}", $"/payments/rates/{id}/versions", [new("Amount", "65"), .. DateFields("EffectiveFrom", Today.AddDays(10))]);

        Assert.Equal(["#Name There is already a rate called LEARNING WALK, PER SESSION. Give this one another name, or change that one."],
            (await again.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.StartsWith("#EffectiveFrom The latest rate for Learning walk, per session takes effect on", Assert.Single((await early.ReadPageAsync()).ErrorSummaryLinks()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLeads_CannotAddARate()
    {
        var before = await WithDbAsync(portal, db => db.RateItems.CountAsync());
        foreach (var role in new[] { Roles.Commissioner, Roles.FinanceOfficer, Roles.ExpertByExperience })
        {
            var client = await portal.ClientForAsync(role);
            var page = await client.GetAsync("/payments/rates/new");
            using var post = new HttpRequestMessage(HttpMethod.Post, "/payments/rates/new") { Content = new FormUrlEncodedContent(RateFields($"By {role}")) };
            var posted = await client.SendAsync(post);

            Assert.Contains("/access-denied", page.Location(), StringComparison.Ordinal);
            Assert.Contains("/access-denied", posted.Location(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await WithDbAsync(portal, db => db.RateItems.CountAsync()));
    }

    [Fact]
    public async Task BenefitLimits_LeadAddsCorrectsAndIsToldWhatIsWrong()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var starts = new DateOnly(Today.Year + 3, 4, 6);
        List<KeyValuePair<string, string>> Set(DateOnly from, string lower = "20", string carers = "204", string source = "DWP benefit and pension rates", string link = "https://www.gov.uk/") =>
        [
            .. DateFields("EffectiveFrom", from),
            new("UniversalCreditWorkAllowanceWithHousingCosts", "411"), new("UniversalCreditWorkAllowanceWithoutHousingCosts", "684"),
            new("UniversalCreditTaperBasisPoints", "55"), new("EsaPermittedWorkHigherWeeklyLimit", "195.50"), new("EsaPermittedWorkLowerWeeklyLimit", lower),
            new("EsaPermittedWorkWeeklyHours", "16"), new("CarersAllowanceWeeklyEarningsLimit", carers), new("TradingAllowancePerTaxYear", "1000"),
            new("Source", source), new("SourceLink", link),
        ];

        var bad = await lead.SubmitFormAsync("/payments/benefit-limits/new", "/payments/benefit-limits/new", Set(starts, lower: "200", source: " ", link: "ftp://example.org"));
        var added = await lead.SubmitFormAsync("/payments/benefit-limits/new", "/payments/benefit-limits/new", Set(starts));
        var sameDay = await lead.SubmitFormAsync("/payments/benefit-limits/new", "/payments/benefit-limits/new", Set(starts));
        var id = await WithDbAsync(portal, db => db.BenefitLimits.Where(l => l.EffectiveFrom == starts).Select(l => l.Id).SingleAsync());
        var corrected = await lead.SubmitFormAsync($"/payments/benefit-limits/{id}/correct", $"/payments/benefit-limits/{id}/correct", Set(starts.AddDays(1), carers: "210"));
        var startedId = await WithDbAsync(portal, db => db.BenefitLimits.OrderBy(l => l.EffectiveFrom).Select(l => l.Id).FirstAsync());
        var started = await lead.GetAsync($"/payments/benefit-limits/{startedId}/correct");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal([
            "#EsaPermittedWorkLowerWeeklyLimit The New Style ESA lower weekly limit must not be more than the higher weekly limit",
            "#Source Enter where these figures come from, in up to 1000 characters",
            "#SourceLink Enter the source link as a web address starting with https:// or http://, in up to 500 characters",
        ], (await bad.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal("/payments/benefit-limits", added.Location());
        Assert.Equal([$"#EffectiveFrom A set of limits already takes effect on {starts.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. Choose another date"],
            (await sameDay.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal("/payments/benefit-limits", corrected.Location());
        Assert.Equal(HttpStatusCode.NotFound, started.StatusCode);
        var saved = await WithDbAsync(portal, db => db.BenefitLimits.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal((starts.AddDays(1), Money.FromPounds(210m)), (saved.EffectiveFrom, saved.CarersAllowanceWeeklyEarningsLimit));
        var audit = (await AuditAsync(portal, AuditActions.BenefitLimitsChanged)).Where(e => e.SubjectId == id.ToString(Invariant)).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains("Carer's Allowance 20400p", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("Carer's Allowance 21000p", audit[1].After, StringComparison.Ordinal);
        var listed = (await lead.GetPageAsync("/payments/benefit-limits")).QuerySelector("main")!.TextContent;
        Assert.Contains("£210 a week", listed, StringComparison.Ordinal);
        Assert.Contains("DWP benefit and pension rates", listed, StringComparison.Ordinal);
    }
}

/// <summary>Settings that are one for the whole council, each test on its own database.</summary>
public sealed class PaymentPolicyTests
{
    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    private static async Task<T> WithDbAsync<T>(PortalFixture app, Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>The policy form as the page fills it, with the given fields changed.</summary>
    private static async Task<List<KeyValuePair<string, string>>> PolicyFormAsync(HttpClient lead, params (string Name, string Value)[] changes) =>
        await lead.FormAsBrowserWouldSendAsync("/payments/expenses/new", "/payments/expenses/new", changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));

    [Fact]
    public async Task ExpensesPolicy_StartsFromDefaults_RefusesBadInput_PublishesAndIsShownToEveryone()
    {
        using var app = new PortalFixture();
        // A council that has not written its policy yet: the demo's is taken away.
        await WithDbAsync(app, db => db.ExpensesPolicies.ExecuteDeleteAsync());
        var lead = await app.ClientForAsync(Roles.CoProductionLead);

        var none = (await lead.GetPageAsync("/payments/expenses")).QuerySelector(".app-no-policy");
        var form = await lead.GetPageAsync("/payments/expenses/new");
        var badShape = await lead.SubmitFormAsync("/payments/expenses/new", "/payments/expenses/new", await PolicyFormAsync(lead, ("MileageRate", "lots"), ("Rules[4].Cap", "ten")));
        var zeroCap = await lead.SubmitFormAsync("/payments/expenses/new", "/payments/expenses/new", await PolicyFormAsync(lead, ("Rules[4].Cap", "0")));
        var published = await lead.SubmitFormAsync("/payments/expenses/new", "/payments/expenses/new", await PolicyFormAsync(lead));

        Assert.NotNull(none);
        Assert.Equal("0.45", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#MileageRate")!).Value);
        Assert.Equal("10", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Rules_4__Cap")!).Value);
        Assert.Equal(["#MileageRate Enter the mileage rate in pounds a mile, like 0.45", "#Rules_4__Cap Enter the cap in pounds, like 10, or leave it empty for no cap"],
            (await badShape.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(["#Rules_4__Cap The cap for meals must be more than £0, or no cap."], (await zeroCap.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal("/payments/expenses", published.Location());
        var policy = await WithDbAsync(app, db => db.ExpensesPolicies.AsNoTracking().SingleAsync());
        Assert.Equal((1, Today, 45L), (policy.Version, policy.EffectiveFrom, policy.MileageRatePerMile.Pence));
        var audit = await WithDbAsync(app, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.ExpensesPolicyPublished));
        Assert.Contains("Meals: cap 1000p, receipt needed", audit.After, StringComparison.Ordinal);

        // A second version on the same day is refused: one version in force on any day.
        var sameDay = await lead.SubmitFormAsync("/payments/expenses/new", "/payments/expenses/new", await PolicyFormAsync(lead,
            ("EffectiveFrom.Day", Today.Day.ToString(CultureInfo.InvariantCulture)), ("EffectiveFrom.Month", Today.Month.ToString(CultureInfo.InvariantCulture)),
            ("EffectiveFrom.Year", Today.Year.ToString(CultureInfo.InvariantCulture))));
        Assert.StartsWith("#EffectiveFrom The latest expenses policy takes effect on", Assert.Single((await sameDay.ReadPageAsync()).ErrorSummaryLinks()), StringComparison.Ordinal);

        // Anyone can read how we pay, without signing in: the rates in force and the policy.
        await PaymentSettingsTests.AddRateAsync(lead, PaymentSettingsTests.RateFields("Workshop, per hour", includes: ["Preparation", "Travel"]));
        await PaymentSettingsTests.AddRateAsync(lead, PaymentSettingsTests.RateFields("Workshop, next year", amount: "99", from: Today.AddYears(1)));
        var anonymous = app.CreatePortalClient();
        var page = await anonymous.GetAsync("/how-we-pay");
        var text = (await page.ReadPageAsync()).QuerySelector("main")!.TextContent;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Workshop, per hour: £25 an hour, including preparation and travel time", text, StringComparison.Ordinal);
        Assert.DoesNotContain("£99", text, StringComparison.Ordinal);
        Assert.Contains("Food and drink", text, StringComparison.Ordinal);
        Assert.Contains("Up to £10 a claim", text, StringComparison.Ordinal);
        Assert.Contains("45p a mile", text, StringComparison.Ordinal);
        Assert.Contains("Vouchers count as earnings", text, StringComparison.Ordinal);
        Assert.Contains("You can choose not to be paid for your time. You can still claim your expenses.", text, StringComparison.Ordinal);
        var advice = (await anonymous.GetPageAsync("/how-we-pay")).QuerySelector(".app-advice-link")!;
        Assert.Equal(("https://www.citizensadvice.org.uk/benefits/", "Citizens Advice"), (advice.GetAttribute("href"), advice.TextContent));
    }

    [Fact]
    public async Task Settings_LeadChangesAdviceAndApproval_BadInputNextToItsField_Audited()
    {
        using var app = new PortalFixture();
        var lead = await app.ClientForAsync(Roles.CoProductionLead);

        var bad = await lead.SubmitFormAsync("/payments/settings", "/payments/settings",
            [new("WelfareRightsAdviceName", ""), new("WelfareRightsAdviceLink", "javascript:alert(1)"), new("SecondApprovalAbove", "-1")]);
        var notMoney = await lead.SubmitFormAsync("/payments/settings", "/payments/settings", [new("SecondApprovalAbove", "five hundred")]);
        var saved = await lead.SubmitFormAsync("/payments/settings", "/payments/settings",
            [new("WelfareRightsAdviceName", "Brackenfield Welfare Rights"), new("WelfareRightsAdviceLink", "https://welfare.example.org/"), new("SecondApprovalAbove", "750")]);

        Assert.Equal([
            "#WelfareRightsAdviceName Enter who gives welfare-rights advice, in up to 200 characters",
            "#WelfareRightsAdviceLink Enter the advice link as a web address starting with https://",
            "#SecondApprovalAbove Enter an amount of £0 or more",
        ], (await bad.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(["#SecondApprovalAbove Enter the amount in pounds, like 500"], (await notMoney.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal("/payments", saved.Location());
        var settings = await WithDbAsync(app, db => db.PaymentSettings.AsNoTracking().SingleAsync());
        Assert.Equal(("Brackenfield Welfare Rights", 75000L), (settings.WelfareRightsAdviceName, settings.SecondApprovalAbove.Pence));
        var audit = await WithDbAsync(app, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.PaymentSettingsChanged));
        Assert.Contains("second approval above 50000p", audit.Before, StringComparison.Ordinal);
        Assert.Contains("second approval above 75000p", audit.After, StringComparison.Ordinal);
        var howWePay = (await app.CreatePortalClient().GetPageAsync("/how-we-pay")).QuerySelector(".app-advice-link")!;
        Assert.Equal("Brackenfield Welfare Rights", howWePay.TextContent);
        var hub = await lead.GetPageAsync("/payments");
        Assert.Equal(["/payments/rates", "/payments/expenses", "/payments/benefit-limits", "/payments/settings", "/payments/budget"],
            hub.QuerySelectorAll(".app-payments-hub a").Select(a => a.GetAttribute("href")));
    }
}
