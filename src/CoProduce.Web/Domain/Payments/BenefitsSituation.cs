namespace CoProduce.Web.Domain.Payments;

/// <summary>What a person told us about benefits: that they get some, none, or would rather not say.</summary>
public enum BenefitsAnswer
{
    None = 1,
    PreferNotToSay = 2,
    GetsBenefits = 3,
}

/// <summary>
/// About a person's Universal Credit: the day of the month each assessment period starts (as on
/// their statement, 1 to 31), whether the award includes housing costs, and whether they have a
/// work allowance at all (only people with children or limited capability for work do).
/// </summary>
public sealed record UniversalCreditDetails
{
    public UniversalCreditDetails(int assessmentDay, bool hasHousingCosts, bool hasWorkAllowance)
    {
        if (assessmentDay is < 1 or > 31)
        {
            throw new PaymentRuleException("Enter the day of the month your Universal Credit assessment period starts, from 1 to 31.");
        }
        (AssessmentDay, HasHousingCosts, HasWorkAllowance) = (assessmentDay, hasHousingCosts, hasWorkAllowance);
    }

    public int AssessmentDay { get; }
    public bool HasHousingCosts { get; }
    public bool HasWorkAllowance { get; }
}

/// <summary>
/// Which benefit limits apply to a person, in their own words. They say so themselves and may
/// change it at any time; the portal only uses it to warn them. A person may get more than one
/// benefit (Universal Credit and Carer's Allowance together is common). Stored flat, so that it
/// can live on a payment profile as plain columns.
/// </summary>
public sealed record BenefitsSituation
{
    private BenefitsSituation()
    {
    }

    public BenefitsAnswer Answer { get; private set; }

    /// <summary>The day each Universal Credit assessment period starts; none when they do not get Universal Credit.</summary>
    public int? UniversalCreditAssessmentDay { get; private set; }

    public bool UniversalCreditHousingCosts { get; private set; }
    public bool UniversalCreditWorkAllowance { get; private set; }
    public bool NewStyleEsa { get; private set; }
    public bool CarersAllowance { get; private set; }

    public UniversalCreditDetails? UniversalCredit => UniversalCreditAssessmentDay is { } day
        ? new UniversalCreditDetails(day, UniversalCreditHousingCosts, UniversalCreditWorkAllowance)
        : null;

    public static BenefitsSituation NoBenefits() => new() { Answer = BenefitsAnswer.None };

    public static BenefitsSituation PreferNotToSay() => new() { Answer = BenefitsAnswer.PreferNotToSay };

    /// <summary>Someone who gets at least one of the benefits the portal knows the limits of.</summary>
    public static BenefitsSituation Gets(UniversalCreditDetails? universalCredit = null, bool newStyleEsa = false, bool carersAllowance = false)
    {
        if (universalCredit is null && !newStyleEsa && !carersAllowance)
        {
            throw new PaymentRuleException("Choose at least one benefit you get, or say that you get none.");
        }
        return new BenefitsSituation
        {
            Answer = BenefitsAnswer.GetsBenefits,
            UniversalCreditAssessmentDay = universalCredit?.AssessmentDay,
            UniversalCreditHousingCosts = universalCredit?.HasHousingCosts ?? false,
            UniversalCreditWorkAllowance = universalCredit?.HasWorkAllowance ?? false,
            NewStyleEsa = newStyleEsa,
            CarersAllowance = carersAllowance,
        };
    }
}
