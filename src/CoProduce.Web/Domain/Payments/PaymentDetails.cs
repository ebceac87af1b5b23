using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// How a person is paid, kept apart from the profile organisers load: their bank details
/// (encrypted before they get here; this class never sees them in clear) and which benefit limits
/// apply to them. One per expert profile. Only the person and finance read it.
/// </summary>
public sealed class PaymentDetails : IConcurrencyVersioned
{
    public const int ProtectedMaxLength = 1000;

    private PaymentDetails()
    {
    }

    public PaymentDetails(int expertProfileId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expertProfileId, 1);
        ExpertProfileId = expertProfileId;
        UpdatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ExpertProfileId { get; private set; }

    /// <summary>The bank details, encrypted as one value; null when none have been given.</summary>
    public string? ProtectedBankDetails { get; private set; }

    public DateTime? BankDetailsUpdatedUtc { get; private set; }

    // Which benefit limits apply, in the flat form of BenefitsSituation; null answer: not asked yet.
    public BenefitsAnswer? BenefitsAnswer { get; private set; }
    public int? UniversalCreditAssessmentDay { get; private set; }
    public bool UniversalCreditHousingCosts { get; private set; }
    public bool UniversalCreditWorkAllowance { get; private set; }
    public bool NewStyleEsa { get; private set; }
    public bool CarersAllowance { get; private set; }

    public DateTime UpdatedUtc { get; private set; }
    public Guid Version { get; set; }

    public bool HasBankDetails => ProtectedBankDetails is not null;

    /// <summary>What they told us about benefits, or null when they have not said.</summary>
    public BenefitsSituation? Benefits => BenefitsAnswer switch
    {
        Payments.BenefitsAnswer.None => BenefitsSituation.NoBenefits(),
        Payments.BenefitsAnswer.PreferNotToSay => BenefitsSituation.PreferNotToSay(),
        Payments.BenefitsAnswer.GetsBenefits => BenefitsSituation.Gets(
            UniversalCreditAssessmentDay is { } day ? new UniversalCreditDetails(day, UniversalCreditHousingCosts, UniversalCreditWorkAllowance) : null,
            NewStyleEsa,
            CarersAllowance),
        _ => null,
    };

    public void SetProtectedBankDetails(string protectedValue, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(protectedValue.Length, ProtectedMaxLength, nameof(protectedValue));
        ProtectedBankDetails = protectedValue;
        BankDetailsUpdatedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    public void RemoveBankDetails(DateTime nowUtc)
    {
        ProtectedBankDetails = null;
        BankDetailsUpdatedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// The person deleted their information: what they told us about benefits goes, and so do
    /// their bank details, unless the council still owes them money by bank transfer
    /// (<see cref="PayeeDeletion.BankDetailsStillNeeded"/>), which cannot be paid without them.
    /// </summary>
    public void ForgetOnDeletion(bool bankDetailsStillNeeded, DateTime nowUtc)
    {
        if (!bankDetailsStillNeeded && ProtectedBankDetails is not null)
        {
            RemoveBankDetails(nowUtc);
        }
        BenefitsAnswer = null;
        UniversalCreditAssessmentDay = null;
        UniversalCreditHousingCosts = false;
        UniversalCreditWorkAllowance = false;
        NewStyleEsa = false;
        CarersAllowance = false;
        UpdatedUtc = nowUtc;
    }

    public void SetBenefits(BenefitsSituation situation, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(situation);
        BenefitsAnswer = situation.Answer;
        UniversalCreditAssessmentDay = situation.UniversalCreditAssessmentDay;
        UniversalCreditHousingCosts = situation.UniversalCreditHousingCosts;
        UniversalCreditWorkAllowance = situation.UniversalCreditWorkAllowance;
        NewStyleEsa = situation.NewStyleEsa;
        CarersAllowance = situation.CarersAllowance;
        UpdatedUtc = nowUtc;
    }
}
