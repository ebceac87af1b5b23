using System.Globalization;
using CoProduce.Web.Domain.Payments;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// New bank details. Never filled in from what is stored: the page shows the stored account only
/// masked (<see cref="Current"/>), and "change" means typing new details.
/// </summary>
public sealed class BankDetailsForm
{
    public string? AccountName { get; set; }
    public string? SortCode { get; set; }
    public string? AccountNumber { get; set; }

    /// <summary>The account there is now, masked; for the page only.</summary>
    [BindNever]
    public MaskedBankAccount? Current { get; set; }

    /// <summary>Only for a form that has passed its validator.</summary>
    public BankDetails ToBankDetails() => BankDetails.Create(AccountName, SortCode, AccountNumber);
}

/// <summary>The domain checks the format (<see cref="BankDetails.Check"/>); each problem goes next to its field.</summary>
public sealed class BankDetailsFormValidator : AbstractValidator<BankDetailsForm>
{
    public BankDetailsFormValidator() =>
        RuleFor(f => f).Custom((form, context) =>
        {
            foreach (var problem in BankDetails.Check(form.AccountName, form.SortCode, form.AccountNumber))
            {
                context.AddFailure(problem.Field, problem.Message);
            }
        });
}

/// <summary>Which benefits the person gets, as they answer on one page.</summary>
public sealed class BenefitsForm
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>A <see cref="BenefitsAnswer"/> name.</summary>
    public string? Answer { get; set; }

    /// <summary>Which benefits: <see cref="BenefitChoice"/> names.</summary>
    public List<string> Benefits { get; set; } = [];

    public string? AssessmentDay { get; set; }
    public string? HousingCosts { get; set; }
    public string? WorkAllowance { get; set; }

    /// <summary>Where the person can get independent advice, from the payment settings; for the page only.</summary>
    [BindNever]
    public AdviceLink? Advice { get; set; }

    public static IEnumerable<SelectListItem> Answers =>
    [
        new("Yes, I get one or more of these benefits", nameof(BenefitsAnswer.GetsBenefits)),
        new("No, I do not get any of these benefits", nameof(BenefitsAnswer.None)),
        new("I prefer not to say", nameof(BenefitsAnswer.PreferNotToSay)),
    ];

    public static IEnumerable<SelectListItem> BenefitChoices =>
    [
        new(BenefitsWords.UniversalCredit, nameof(BenefitChoice.UniversalCredit)),
        new(BenefitsWords.NewStyleEsa, nameof(BenefitChoice.NewStyleEsa)),
        new(BenefitsWords.CarersAllowance, nameof(BenefitChoice.CarersAllowance)),
    ];

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", Yes), new("No", No)];

    public bool GetsBenefits => Answer == nameof(BenefitsAnswer.GetsBenefits);
    public bool GetsUniversalCredit => GetsBenefits && Benefits.Contains(nameof(BenefitChoice.UniversalCredit));

    public static BenefitsForm From(BenefitsSituation? situation) => situation is null ? new() : new()
    {
        Answer = situation.Answer.ToString(),
        Benefits = [.. Chosen(situation)],
        AssessmentDay = situation.UniversalCreditAssessmentDay?.ToString(CultureInfo.InvariantCulture),
        HousingCosts = situation.UniversalCreditAssessmentDay is null ? null : situation.UniversalCreditHousingCosts ? Yes : No,
        WorkAllowance = situation.UniversalCreditAssessmentDay is null ? null : situation.UniversalCreditWorkAllowance ? Yes : No,
    };

    /// <summary>Only for a form that has passed its validator. Details of benefits not chosen are left out.</summary>
    public BenefitsSituation ToSituation() => Enum.Parse<BenefitsAnswer>(Answer!) switch
    {
        BenefitsAnswer.None => BenefitsSituation.NoBenefits(),
        BenefitsAnswer.PreferNotToSay => BenefitsSituation.PreferNotToSay(),
        _ => BenefitsSituation.Gets(
            GetsUniversalCredit ? new UniversalCreditDetails(int.Parse(AssessmentDay!.Trim(), CultureInfo.InvariantCulture), HousingCosts == Yes, WorkAllowance == Yes) : null,
            Benefits.Contains(nameof(BenefitChoice.NewStyleEsa)),
            Benefits.Contains(nameof(BenefitChoice.CarersAllowance))),
    };

    private static IEnumerable<string> Chosen(BenefitsSituation situation)
    {
        if (situation.UniversalCreditAssessmentDay is not null)
        {
            yield return nameof(BenefitChoice.UniversalCredit);
        }
        if (situation.NewStyleEsa)
        {
            yield return nameof(BenefitChoice.NewStyleEsa);
        }
        if (situation.CarersAllowance)
        {
            yield return nameof(BenefitChoice.CarersAllowance);
        }
    }
}

/// <summary>The benefits whose limits the portal knows.</summary>
public enum BenefitChoice { UniversalCredit, NewStyleEsa, CarersAllowance }

/// <summary>Who gives independent welfare-rights advice, and where.</summary>
public sealed record AdviceLink(string Name, string Link);

public sealed class BenefitsFormValidator : AbstractValidator<BenefitsForm>
{
    public const string NoAnswerMessage = "Select whether you get any of these benefits";
    public const string NoBenefitMessage = "Select which benefits you get";
    public const string AssessmentDayMessage = "Enter the day your Universal Credit assessment period starts, a number from 1 to 31";

    public BenefitsFormValidator()
    {
        RuleFor(f => f.Answer).Must(ProfileChoices.IsChoice<BenefitsAnswer>).WithMessage(NoAnswerMessage);
        When(f => f.GetsBenefits, () =>
        {
            RuleFor(f => f.Benefits)
                .NotEmpty().WithMessage(NoBenefitMessage)
                .Must(chosen => chosen.All(ProfileChoices.IsChoice<BenefitChoice>)).WithMessage("Select benefits from the list");
        });
        When(f => f.GetsUniversalCredit, () =>
        {
            RuleFor(f => f.AssessmentDay)
                .Must(day => int.TryParse(day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31)
                .WithMessage(AssessmentDayMessage);
            RuleFor(f => f.HousingCosts)
                .Must(v => v is BenefitsForm.Yes or BenefitsForm.No).WithMessage("Select yes if your Universal Credit includes money for housing costs");
            RuleFor(f => f.WorkAllowance)
                .Must(v => v is BenefitsForm.Yes or BenefitsForm.No).WithMessage("Select yes if you have a work allowance");
        });
    }
}
