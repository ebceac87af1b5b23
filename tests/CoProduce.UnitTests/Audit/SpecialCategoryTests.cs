using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.Audit;

namespace CoProduce.UnitTests.Audit;

/// <summary>How a view of special category data reads in the audit log, and what it is about.</summary>
public sealed class SpecialCategoryTests
{
    public static TheoryData<SpecialCategory, string> SummaryCases => new()
    {
        { SpecialCategory.AccessNeeds, "Access needs shown on the roster." },
        { SpecialCategory.LivedExperience, "Lived experience shown on the roster." },
        { SpecialCategory.AccessNeeds | SpecialCategory.LivedExperience, "Access needs and lived experience shown on the roster." },
        { SpecialCategory.BenefitWarnings | SpecialCategory.MaskedBankAccount, "Benefit warnings and bank account (masked) shown on the roster." },
        { SpecialCategory.BankDetails, "Bank details in full shown on the roster." },
        {
            SpecialCategory.AccessNeeds | SpecialCategory.LivedExperience | SpecialCategory.BenefitWarnings,
            "Access needs, lived experience and benefit warnings shown on the roster."
        },
    };

    [Theory]
    [MemberData(nameof(SummaryCases))]
    public void Summary_NamesTheKindsInOrder_AndWhere(SpecialCategory shown, string expected) =>
        Assert.Equal(expected, SpecialCategories.Summary(shown, "shown on the roster"));

    [Fact]
    public void Summary_OfNothingShown_IsRefused() =>
        Assert.Throws<ArgumentException>(() => SpecialCategories.Summary(SpecialCategory.None, "shown on the roster"));

    [Fact]
    public void Summary_WithoutWhere_IsRefused() =>
        Assert.Throws<ArgumentException>(() => SpecialCategories.Summary(SpecialCategory.AccessNeeds, " "));

    [Theory]
    [InlineData(false, false, false, false, false, SpecialCategory.None)]
    [InlineData(true, false, false, false, false, SpecialCategory.AccessNeeds)]
    [InlineData(false, true, false, false, false, SpecialCategory.LivedExperience)]
    [InlineData(true, true, false, false, false, SpecialCategory.AccessNeeds | SpecialCategory.LivedExperience)]
    [InlineData(false, false, true, true, false, SpecialCategory.BenefitWarnings | SpecialCategory.MaskedBankAccount)]
    [InlineData(false, false, false, false, true, SpecialCategory.BankDetails)]
    public void Of_HoldsOnlyWhatWasShown(bool access, bool lived, bool benefits, bool masked, bool bank, SpecialCategory expected) =>
        Assert.Equal(expected, SpecialCategories.Of(access, lived, benefits, masked, bank));

    [Theory]
    [InlineData(SpecialCategory.AccessNeeds, AuditSubjectType.Profile)]
    [InlineData(SpecialCategory.LivedExperience, AuditSubjectType.Profile)]
    [InlineData(SpecialCategory.BenefitWarnings, AuditSubjectType.PaymentDetails)]
    [InlineData(SpecialCategory.MaskedBankAccount, AuditSubjectType.PaymentDetails)]
    [InlineData(SpecialCategory.BankDetails, AuditSubjectType.PaymentDetails)]
    [InlineData(SpecialCategory.AccessNeeds | SpecialCategory.BankDetails, AuditSubjectType.PaymentDetails)]
    public void Subject_IsTheProfile_OrThePaymentDetailsForMoneyMatters(SpecialCategory shown, AuditSubjectType expected)
    {
        var subject = SpecialCategories.SubjectFor(shown, 42);
        Assert.Equal(expected, subject.Type);
        Assert.Equal("42", subject.Id);
    }

    [Fact]
    public void AuditViewer_NamesTheActionPlainly()
    {
        Assert.Contains(AuditActions.SpecialCategoryViewed, AuditText.Actions);
        Assert.Equal("Special category data seen", AuditText.Action(AuditActions.SpecialCategoryViewed));
        Assert.Equal("Stage moved", AuditText.Action(AuditActions.StageMoved));
    }
}
