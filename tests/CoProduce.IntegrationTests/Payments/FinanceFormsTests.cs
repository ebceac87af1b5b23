using System.Net;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.IntegrationTests.Payments;

/// <summary>Bad input on the finance queue's filters and the budget form gets a message by the field, never an error page.</summary>
public sealed class FinanceFormsTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    private readonly PaymentsWorld _world = new(portal.Services);

    [Fact]
    public async Task QueueFilters_ThatAreNotDatesOrAmounts_AreExplainedByTheirFields()
    {
        using var client = await PaymentsWorld.SignedInAsync(portal, await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer));

        var response = await client.GetAsync(new Uri("/finance?from=last+tuesday&to=1/1/2020&min=lots&max=-1&activity=%25", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["#From Enter the first activity date like 1/4/2026", "#Min Enter the smallest amount in pounds, like 25 or 25.50"], page.ErrorSummaryLinks());
        Assert.Equal("last tuesday", page.QuerySelector("#From")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#queue-total, .govuk-inset-text"));
    }

    [Fact]
    public async Task QueueFilters_InTheWrongOrder_AreExplained()
    {
        using var client = await PaymentsWorld.SignedInAsync(portal, await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer));

        var page = await client.GetPageAsync("/finance?from=31/3/2027&to=1/4/2026&min=500&max=20");

        Assert.Equal(["#To The last activity date must be the same as or after the first", "#Max The largest amount must be the same as or more than the smallest"],
            page.ErrorSummaryLinks());
    }

    [Theory]
    [InlineData("", "#Amount Enter the budget in pounds, £0 or more, like 25000")]
    [InlineData("-5", "#Amount Enter the budget in pounds, £0 or more, like 25000")]
    [InlineData("12.345", "#Amount Enter the budget in pounds, £0 or more, like 25000")]
    public async Task ABudgetThatIsNotAnAmount_IsExplainedByItsField(string amount, string error)
    {
        using var client = await PaymentsWorld.SignedInAsync(portal, await _world.StaffAsync("Lee Lead", Roles.CoProductionLead));

        var response = await client.SubmitFormAsync("/payments/budget?year=2031", "/payments/budget", [new("Amount", amount)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([error], (await response.ReadPageAsync()).ErrorSummaryLinks());
        Assert.False(await _world.WithDbAsync(db => db.CoProductionBudgets.AnyAsync(b => b.StartYear == 2031)));
    }

    [Fact]
    public async Task ChangingTheBudget_IsAuditedWithTheAmountBeforeAndAfter()
    {
        var lead = await _world.StaffAsync("Lee Lead", Roles.CoProductionLead);
        using var client = await PaymentsWorld.SignedInAsync(portal, lead);

        await client.SubmitFormAsync("/payments/budget?year=2032", "/payments/budget", [new("Amount", "20000")]);
        var changed = await client.SubmitFormAsync("/payments/budget?year=2032", "/payments/budget", [new("Amount", "£22,500.50")]);

        Assert.Equal("/payments/budget?year=2032", changed.Location());
        Assert.Equal("£22,500.50", (await client.GetPageAsync("/payments/budget?year=2032")).QuerySelector("#budget-amount")!.TextContent);
        var audit = await _world.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.BudgetSet && e.SubjectId == "2032").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([(null, "£20,000"), ("£20,000", "£22,500.50")], audit.Select(e => (e.Before, e.After)));
    }
}
