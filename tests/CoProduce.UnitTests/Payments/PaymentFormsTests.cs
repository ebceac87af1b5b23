using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Payments;

namespace CoProduce.UnitTests.Payments;

/// <summary>What the lead's payment forms read from what was typed, and where they start.</summary>
public sealed class PaymentFormsTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("55", 5500)]
    [InlineData(" 55.5 ", 5550)]
    [InlineData("0", 0)]
    [InlineData("100", 10000)]
    [InlineData("55.25", 5525)]
    [InlineData("55.255", null)]
    [InlineData("fifty", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("1e3", null)]
    public void Taper_IsPenceForEachPound_KeptAsHundredthsOfAPercent(string? typed, int? basisPoints) =>
        Assert.Equal(basisPoints, BenefitLimitsForm.TaperBasisPoints(typed));

    [Fact]
    public void ExpensesPolicyDefaults_AreAPolicyThatCanBePublished()
    {
        var today = DateOnly.FromDateTime(UkTime.ToUk(Now));
        var form = ExpensesPolicyForm.Defaults(today);

        var policy = ExpensesPolicy.Publish([], form.MileageRatePerMile(), form.ExpenseRules(), form.EffectiveFrom.ToDate()!.Value, "lead", Now);

        Assert.Equal(45, policy.MileageRatePerMile.Pence);
        Assert.Equal(new ExpenseRule(ExpenseCategory.Meals, Money.FromPounds(10m), true), policy.RuleFor(ExpenseCategory.Meals));
        Assert.Equal(new ExpenseRule(ExpenseCategory.PublicTransport, null, true), policy.RuleFor(ExpenseCategory.PublicTransport));
        Assert.Equal(new ExpenseRule(ExpenseCategory.Mileage, null, false), policy.RuleFor(ExpenseCategory.Mileage));
    }

    [Fact]
    public void ExpensesPolicyForm_FromAPolicy_GivesItsRulesBack()
    {
        var today = DateOnly.FromDateTime(UkTime.ToUk(Now));
        var published = ExpensesPolicy.Publish([], Money.FromPence(52), ExpensesPolicyForm.Defaults(today).ExpenseRules(), today, "lead", Now);

        var form = ExpensesPolicyForm.From(published, today.AddDays(1));

        Assert.Equal("0.52", form.MileageRate);
        Assert.Equal(published.Rules, form.ExpenseRules());
    }

    [Theory]
    [InlineData("The mileage rate must be more than £0 a mile.", "MileageRate")]
    [InlineData("The cap for meals must be more than £0, or no cap.", "Rules[4].Cap")]
    [InlineData("The cap for a support worker must be more than £0, or no cap.", "Rules[3].Cap")]
    [InlineData("The latest expenses policy takes effect on 1 April 2027, so a new one must take effect after that.", "EffectiveFrom")]
    [InlineData("A new expenses policy takes effect from today, 1 March 2027, or later.", "EffectiveFrom")]
    [InlineData("Another co-production lead has just published a version of the expenses policy. Look at it before publishing yours.", "")]
    public void ExpensesPolicyRefusal_LandsOnItsField(string message, string field) =>
        Assert.Equal(field, ExpensesPolicyForm.Defaults(new DateOnly(2027, 3, 1)).FieldFor(message));

    [Theory]
    [InlineData("Enter a name for the rate.", "Name")]
    [InlineData("There is already a rate called Panel. Give this one another name, or change that one.", "Name")]
    [InlineData("Preparation and travel time are paid only with an hourly rate.", "Includes")]
    [InlineData("The amount must be more than £0.", "Amount")]
    [InlineData("New rates take effect from today, 1 March 2027, or later.", "EffectiveFrom")]
    [InlineData("The latest rate for Preparation workshop, per hour takes effect on 1 April 2027, so a new rate must take effect after that.", "EffectiveFrom")]
    public void RateRefusal_LandsOnItsField(string message, string field) =>
        Assert.Equal(field, RateItemForm.FieldFor(message));

    [Theory]
    [InlineData("Preparation and travel time are paid only with an hourly rate.", "Includes")]
    [InlineData("The amount must be more than £0.", "Amount")]
    [InlineData("The latest rate for The amount workshop takes effect on 1 April 2027, so a new rate must take effect after that.", "EffectiveFrom")]
    [InlineData("Someone else changed Panel at the same moment. Look at its rates again before adding this one.", "")]
    public void NewVersionRefusal_LandsOnItsField(string message, string field) =>
        Assert.Equal(field, RateVersionForm.FieldFor(message));
}
