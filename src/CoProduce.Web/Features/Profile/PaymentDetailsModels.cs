using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.Web.Features.Profile;

/// <summary>The person's bank account as they see it: the name on it, and only the last digits of its numbers.</summary>
public sealed record MaskedBankAccount(string Name, string SortCode, string AccountNumber);

/// <summary>
/// How the person is paid, as they see it on their profile and in "your data". Bank details only
/// masked. The flat benefit answers are there for the download; the page shows <see cref="BenefitsInWords"/>.
/// </summary>
public sealed record HowYouArePaid(
    string? HowPaid,
    bool WantsBankTransfer,
    MaskedBankAccount? BankAccount,
    DateTime? BankDetailsChangedUtc,
    string Benefits,
    IReadOnlyList<string> BenefitsInWords,
    int? UniversalCreditAssessmentDay,
    bool UniversalCreditHousingCosts,
    bool UniversalCreditWorkAllowance,
    bool NewStyleEsa,
    bool CarersAllowance,
    DateTime? UpdatedUtc,
    string PayeeReference)
{
    public static HowYouArePaid From(ExpertProfile profile, PaymentDetails? details, BankDetails? account) => new(
        profile.PaymentPreference is { } preference ? ProfileChoices.Text(ProfileChoices.Payments, preference) : null,
        profile.PaymentPreference == PaymentPreference.BankTransfer,
        account is null ? null : new MaskedBankAccount(account.AccountName, account.MaskedSortCode, account.MaskedAccountNumber),
        details?.BankDetailsUpdatedUtc,
        BenefitsWords.Answer(details?.BenefitsAnswer),
        BenefitsWords.Benefits(details?.Benefits),
        details?.UniversalCreditAssessmentDay,
        details?.UniversalCreditHousingCosts ?? false,
        details?.UniversalCreditWorkAllowance ?? false,
        details?.NewStyleEsa ?? false,
        details?.CarersAllowance ?? false,
        details?.UpdatedUtc,
        profile.PayeeReference);
}

/// <summary>The profile page: the person's profile and how they are paid.</summary>
public sealed record ProfilePage(ProfileSummary Profile, HowYouArePaid Payment);

/// <summary>Benefits in the words the person chose them in.</summary>
public static class BenefitsWords
{
    public const string UniversalCredit = "Universal Credit";
    public const string NewStyleEsa = "New Style Employment and Support Allowance (ESA)";
    public const string CarersAllowance = "Carer's Allowance";

    public static string Answer(BenefitsAnswer? answer) => answer switch
    {
        null => "Not answered",
        BenefitsAnswer.None => "I do not get any of these benefits",
        BenefitsAnswer.PreferNotToSay => "I prefer not to say",
        BenefitsAnswer.GetsBenefits => "I get one or more of these benefits",
        _ => answer.ToString()!,
    };

    /// <summary>Each benefit the person gets, with what they told us about their Universal Credit.</summary>
    public static IReadOnlyList<string> Benefits(BenefitsSituation? situation)
    {
        if (situation is not { Answer: BenefitsAnswer.GetsBenefits })
        {
            return [];
        }
        var words = new List<string>();
        if (situation.UniversalCredit is { } uc)
        {
            words.Add($"{UniversalCredit}: your assessment period starts on day {uc.AssessmentDay} of the month; "
                + (uc.HasHousingCosts ? "it includes housing costs; " : "it does not include housing costs; ")
                + (uc.HasWorkAllowance ? "you have a work allowance" : "you do not have a work allowance"));
        }
        if (situation.NewStyleEsa)
        {
            words.Add(NewStyleEsa);
        }
        if (situation.CarersAllowance)
        {
            words.Add(CarersAllowance);
        }
        return words;
    }
}

/// <summary>
/// One of the person's payment claims, everything about it, for "your data": what it pays, each
/// expense, every step of its history with finance's questions and reasons, and the batch that pays it.
/// </summary>
public sealed record ClaimRecord(
    int ClaimNumber,
    string Activity,
    string HowItCameAbout,
    int? CorrectsClaimNumber,
    string Status,
    string PaymentMethod,
    string? FeeOffered,
    string FeeTaken,
    string Total,
    string? WarningsSeen,
    DateTime? FirstSentUtc,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    IReadOnlyList<ExpenseRecord> Expenses,
    IReadOnlyList<ClaimStepRecord> History,
    PaymentBatchRecord? PaymentBatch);

public sealed record ExpenseRecord(int Number, string Category, string Amount, decimal? Miles, string? Description, string? ReceiptFileName, DateTime? ReceiptDeletedUtc);

public sealed record ClaimStepRecord(int Number, string Step, DateTime AtUtc, string Total, string? Note);

/// <summary>The bank transfer batch that pays a claim, and the amount it pays.</summary>
public sealed record PaymentBatchRecord(int BatchNumber, string Amount);
