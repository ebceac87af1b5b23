using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Profile;
using FluentValidation;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// How an expert is paid: what stays when they delete their information, their payee reference,
/// which total of their statement each claim counts in, and the forms' checks.
/// </summary>
public sealed class PaymentDetailsTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    public static TheoryData<ClaimStatus, ClaimPaymentMethod, decimal, bool> OwedByBankCases => new()
    {
        // Sent to finance, approved or in a batch, by bank transfer, with money to pay: still owed.
        { ClaimStatus.Submitted, ClaimPaymentMethod.BankTransfer, 10m, true },
        { ClaimStatus.Queried, ClaimPaymentMethod.BankTransfer, 10m, true },
        { ClaimStatus.AwaitingSecondApproval, ClaimPaymentMethod.BankTransfer, 600m, true },
        { ClaimStatus.Approved, ClaimPaymentMethod.BankTransfer, 0.01m, true },
        { ClaimStatus.Batched, ClaimPaymentMethod.BankTransfer, 10m, true },
        // Nothing left to pay into the account.
        { ClaimStatus.Paid, ClaimPaymentMethod.BankTransfer, 10m, false },
        { ClaimStatus.Rejected, ClaimPaymentMethod.BankTransfer, 10m, false },
        { ClaimStatus.Draft, ClaimPaymentMethod.BankTransfer, 10m, false },
        { ClaimStatus.Approved, ClaimPaymentMethod.Voucher, 10m, false },
        { ClaimStatus.Approved, ClaimPaymentMethod.None, 0m, false },
        { ClaimStatus.Approved, ClaimPaymentMethod.BankTransfer, 0m, false },
        // A correction owed back to the council pays nothing into the account.
        { ClaimStatus.Approved, ClaimPaymentMethod.BankTransfer, -5m, false },
    };

    [Theory]
    [MemberData(nameof(OwedByBankCases))]
    public void NeedsBankDetails_OnlyWhileABankTransferIsStillToBePaid(ClaimStatus status, ClaimPaymentMethod method, decimal total, bool expected) =>
        Assert.Equal(expected, PayeeDeletion.NeedsBankDetails(status, method, Pounds(total)));

    [Fact]
    public void BankDetailsStillNeeded_WhenAnyClaimIsStillToBePaid()
    {
        Assert.False(PayeeDeletion.BankDetailsStillNeeded([]));
        Assert.False(PayeeDeletion.BankDetailsStillNeeded([(ClaimStatus.Paid, ClaimPaymentMethod.BankTransfer, Pounds(20))]));
        Assert.True(PayeeDeletion.BankDetailsStillNeeded(
            [(ClaimStatus.Paid, ClaimPaymentMethod.BankTransfer, Pounds(20)), (ClaimStatus.Batched, ClaimPaymentMethod.BankTransfer, Pounds(5))]));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void ForgetOnDeletion_RemovesBenefits_AndBankDetailsUnlessStillNeeded(bool stillNeeded, bool keptBankDetails)
    {
        var details = new PaymentDetails(7, Now);
        details.SetProtectedBankDetails("encrypted", Now);
        details.SetBenefits(BenefitsSituation.Gets(new UniversalCreditDetails(15, true, true), newStyleEsa: true, carersAllowance: true), Now);

        details.ForgetOnDeletion(stillNeeded, Now.AddDays(1));

        Assert.Equal(keptBankDetails, details.HasBankDetails);
        Assert.Null(details.Benefits);
        Assert.Equal((null, null, false, false, false, false),
            (details.BenefitsAnswer, details.UniversalCreditAssessmentDay, details.UniversalCreditHousingCosts, details.UniversalCreditWorkAllowance, details.NewStyleEsa, details.CarersAllowance));
    }

    [Theory]
    [InlineData(1, "P000001")]
    [InlineData(42, "P000042")]
    [InlineData(999_999, "P999999")]
    [InlineData(1_234_567, "P1234567")]
    public void PayeeReference_IsThePaddedProfileId(int id, string expected) =>
        Assert.Equal(expected, ExpertProfile.PayeeReferenceOf(id));

    [Fact]
    public void PayeeName_IsTheReferenceOnceThePersonIsDeleted()
    {
        var profile = new ExpertProfile("user-1", "Jo Pritchard", "jo@example.org", Now);
        Assert.Equal("Jo Pritchard", profile.PayeeName);

        profile.Anonymise(Now);

        Assert.Equal(profile.PayeeReference, profile.PayeeName);
        Assert.StartsWith("P", profile.PayeeName, StringComparison.Ordinal);
    }

    public static TheoryData<ClaimStatus, StatementGroup> StatementCases => new()
    {
        { ClaimStatus.Paid, StatementGroup.Paid },
        { ClaimStatus.Approved, StatementGroup.ApprovedNotPaid },
        { ClaimStatus.Batched, StatementGroup.ApprovedNotPaid },
        { ClaimStatus.Submitted, StatementGroup.WithFinance },
        { ClaimStatus.AwaitingSecondApproval, StatementGroup.WithFinance },
        { ClaimStatus.Queried, StatementGroup.WithFinance },
        { ClaimStatus.Draft, StatementGroup.Draft },
        { ClaimStatus.Rejected, StatementGroup.Rejected },
    };

    [Theory]
    [MemberData(nameof(StatementCases))]
    public void StatementGroup_OfEachStatus(ClaimStatus status, StatementGroup expected) =>
        Assert.Equal(expected, StatementGroups.Of(status));

    [Fact]
    public void StatementGroup_EveryStatusHasOne_AndRejectedIsInNoTotal()
    {
        Assert.All(Enum.GetValues<ClaimStatus>(), status => StatementGroups.Of(status));
        Assert.DoesNotContain(StatementGroup.Rejected, StatementGroups.Totalled);
    }

    private static Dictionary<string, string> Errors<T>(IValidator<T> validator, T form) =>
        validator.Validate(form).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(e => e.ErrorMessage)));

    public static TheoryData<string?, string?, string?, string[]> BankDetailsCases => new()
    {
        // name on the account, sort code, account number, expected errors (field: message)
        { "J Pritchard", "30-94-57", "00733445", [] },
        { "J Pritchard", "309457", "733445", [] },
        { "J Pritchard", "30 94 57", "0073 3445", [] },
        { null, null, null, ["AccountName: Enter the name on the account", "SortCode: Enter a sort code", "AccountNumber: Enter an account number"] },
        { "J Pritchard", "30-94-5", "00733445", ["SortCode: Enter a valid sort code like 30-94-57"] },
        { "J Pritchard", "30-94-5a", "00733445", ["SortCode: Enter a valid sort code like 30-94-57"] },
        { "J Pritchard", "30-94-57", "12345", ["AccountNumber: Account number must be between 6 and 8 digits"] },
        { "J Pritchard", "30-94-57", "123456789", ["AccountNumber: Account number must be between 6 and 8 digits"] },
        { "J Pritchard", "30-94-57", "1234567x", ["AccountNumber: Enter a valid account number like 00733445"] },
        { new string('a', 71), "30-94-57", "00733445", ["AccountName: Name on the account must be 70 characters or fewer"] },
    };

    [Theory]
    [MemberData(nameof(BankDetailsCases))]
    public void BankDetailsForm_EachProblemNextToItsField(string? name, string? sortCode, string? number, string[] expected)
    {
        var errors = Errors(new BankDetailsFormValidator(), new BankDetailsForm { AccountName = name, SortCode = sortCode, AccountNumber = number });

        Assert.Equal(expected.Order(), errors.Select(e => $"{e.Key}: {e.Value}").Order());
    }

    public static TheoryData<string?, string[], string?, string?, string?, string[]> BenefitsCases => new()
    {
        // answer, benefits, assessment day, housing costs, work allowance, expected error fields
        { "None", [], null, null, null, [] },
        { "PreferNotToSay", [], null, null, null, [] },
        { "None", ["UniversalCredit"], "99", null, null, [] }, // details of a "no" are ignored
        { "GetsBenefits", ["CarersAllowance"], null, null, null, [] },
        { "GetsBenefits", ["UniversalCredit", "NewStyleEsa"], "1", "yes", "no", [] },
        { "GetsBenefits", ["UniversalCredit"], "31", "no", "yes", [] },
        { null, [], null, null, null, ["Answer"] },
        { "Maybe", [], null, null, null, ["Answer"] },
        { "GetsBenefits", [], null, null, null, ["Benefits"] },
        { "GetsBenefits", ["Pension"], null, null, null, ["Benefits"] },
        { "GetsBenefits", ["UniversalCredit"], null, null, null, ["AssessmentDay", "HousingCosts", "WorkAllowance"] },
        { "GetsBenefits", ["UniversalCredit"], "0", "yes", "yes", ["AssessmentDay"] },
        { "GetsBenefits", ["UniversalCredit"], "32", "yes", "yes", ["AssessmentDay"] },
        { "GetsBenefits", ["UniversalCredit"], "1.5", "yes", "yes", ["AssessmentDay"] },
        { "GetsBenefits", ["UniversalCredit"], "15", "maybe", "yes", ["HousingCosts"] },
    };

    [Theory]
    [MemberData(nameof(BenefitsCases))]
    public void BenefitsForm_Cases(string? answer, string[] benefits, string? day, string? housing, string? allowance, string[] expected)
    {
        var form = new BenefitsForm { Answer = answer, Benefits = [.. benefits], AssessmentDay = day, HousingCosts = housing, WorkAllowance = allowance };

        var errors = Errors(new BenefitsFormValidator(), form);

        Assert.Equal(expected.Order(), errors.Keys.Order());
        if (expected.Length == 0)
        {
            // A form that passes always makes a situation the domain accepts.
            Assert.Equal(Enum.Parse<BenefitsAnswer>(answer!), form.ToSituation().Answer);
        }
    }

    [Fact]
    public void BenefitsForm_RoundTripsTheSituation()
    {
        var situation = BenefitsSituation.Gets(new UniversalCreditDetails(29, false, true), carersAllowance: true);

        var again = BenefitsForm.From(situation).ToSituation();

        Assert.Equal(situation, again);
    }
}
