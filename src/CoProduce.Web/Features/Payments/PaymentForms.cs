using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Organising;
using CoProduce.Web.Infrastructure.GovUk;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Payments;

// The co-production lead's payment forms. Validators check only the shape of what was typed (a
// number in pounds, a real date); the rules themselves (more than £0, today or later, a cap or
// none) are the domain's, and its refusals are shown next to the field they are about.

/// <summary>A new rate card item with its first version.</summary>
public sealed class RateItemForm
{
    public string? Name { get; set; }
    public string? ActivityType { get; set; }
    public string? Kind { get; set; }
    public string? Amount { get; set; }

    /// <summary>"Preparation" and "Travel": hourly rates only.</summary>
    public List<string> Includes { get; set; } = [];

    public DateParts EffectiveFrom { get; set; } = new();

    public RateTerms Terms() => PaymentInput.Terms(Amount, Includes);

    public static IEnumerable<SelectListItem> Types =>
        Enum.GetValues<ActivityType>().Select(t => new SelectListItem(Words.Type(t), t.ToString())).Prepend(new SelectListItem("Select a type", string.Empty));

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<RateKind>().Select(k => new SelectListItem(PaymentWords.Kind(k), k.ToString()));

    public static IEnumerable<SelectListItem> IncludeChoices =>
    [
        new("Preparation time", PaymentInput.Preparation),
        new("Travel time", PaymentInput.Travel),
    ];

    /// <summary>Which field a refusal from the rate card is about, by how the refusal begins (the rest can hold the lead's own words).</summary>
    public static string FieldFor(string message) =>
        message.StartsWith("Enter a name", StringComparison.Ordinal) || message.StartsWith("The name", StringComparison.Ordinal)
            || message.StartsWith("There is already a rate called", StringComparison.Ordinal) ? nameof(Name)
        : RateVersionForm.FieldFor(message);
}

public sealed class RateItemFormValidator : AbstractValidator<RateItemForm>
{
    public RateItemFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter a name for the rate, like Interview panel, per hour")
            .MaximumLength(RateItem.NameMaxLength).WithMessage($"The name must be {RateItem.NameMaxLength} characters or fewer");
        RuleFor(f => f.ActivityType).Must(PaymentInput.IsName<ActivityType>).WithMessage("Select the type of activity the rate is for");
        RuleFor(f => f.Kind).Must(PaymentInput.IsName<RateKind>).WithMessage("Select what the amount pays for");
        RuleFor(f => f.Amount).Must(PaymentInput.IsPounds).WithMessage("Enter the amount in pounds, like 25 or 20.70");
        RuleFor(f => f.Includes).Must(PaymentInput.AreIncludes).WithMessage("Select preparation time, travel time, or neither");
        RuleFor(f => f.EffectiveFrom).Must(d => d.ToDate() is not null).WithMessage("Enter the date the rate takes effect, like 1 4 2027");
    }
}

/// <summary>New terms for an existing rate item, from a date.</summary>
public sealed class RateVersionForm
{
    public string? Amount { get; set; }
    public List<string> Includes { get; set; } = [];
    public DateParts EffectiveFrom { get; set; } = new();

    public RateTerms Terms() => PaymentInput.Terms(Amount, Includes);

    /// <summary>Which field a refusal of new terms is about, by how the refusal begins (the rest can hold the rate's name).</summary>
    public static string FieldFor(string message) =>
        message.StartsWith("Preparation and travel time", StringComparison.Ordinal) ? nameof(Includes)
        : message.StartsWith("The amount", StringComparison.Ordinal) ? nameof(Amount)
        : message.StartsWith("Someone else", StringComparison.Ordinal) ? string.Empty
        : nameof(EffectiveFrom);
}

public sealed class RateVersionFormValidator : AbstractValidator<RateVersionForm>
{
    public RateVersionFormValidator()
    {
        RuleFor(f => f.Amount).Must(PaymentInput.IsPounds).WithMessage("Enter the amount in pounds, like 25 or 20.70");
        RuleFor(f => f.Includes).Must(PaymentInput.AreIncludes).WithMessage("Select preparation time, travel time, or neither");
        RuleFor(f => f.EffectiveFrom).Must(d => d.ToDate() is not null).WithMessage("Enter the date the new rate takes effect, like 1 4 2027");
    }
}

/// <summary>A new version of the expenses policy: the rate per mile and a rule for every category.</summary>
public sealed class ExpensesPolicyForm
{
    public string? MileageRate { get; set; }

    /// <summary>One row for each category, in the order of <see cref="ExpenseCategory"/>.</summary>
    public List<ExpenseRuleInput> Rules { get; set; } = [];

    public DateParts EffectiveFrom { get; set; } = new();

    /// <summary>
    /// Where a lead starts when there is no policy yet: public transport and other spending at
    /// cost with a receipt, mileage at 45p a mile, meals up to £10 a claim.
    /// </summary>
    public static ExpensesPolicyForm Defaults(DateOnly today) => new()
    {
        MileageRate = "0.45",
        EffectiveFrom = DateParts.From(today),
        Rules = Enum.GetValues<ExpenseCategory>()
            .Select(c => new ExpenseRuleInput
            {
                Category = c.ToString(),
                Cap = c == ExpenseCategory.Meals ? "10" : null,
                ReceiptNeeded = c == ExpenseCategory.Mileage ? "no" : "yes",
            })
            .ToList(),
    };

    /// <summary>The policy in force as a starting point for the next version, from the first day it could take effect.</summary>
    public static ExpensesPolicyForm From(ExpensesPolicy policy, DateOnly from) => new()
    {
        MileageRate = PaymentInput.Pounds(policy.MileageRatePerMile),
        EffectiveFrom = DateParts.From(from),
        Rules = policy.Rules.OrderBy(r => r.Category)
            .Select(r => new ExpenseRuleInput
            {
                Category = r.Category.ToString(),
                Cap = r.CapPerClaim is { } cap ? PaymentInput.Pounds(cap) : null,
                ReceiptNeeded = r.ReceiptNeeded ? "yes" : "no",
            })
            .ToList(),
    };

    /// <summary>The rules, for a form that has passed its validator.</summary>
    public IReadOnlyList<ExpenseRule> ExpenseRules() =>
        Rules.Select(r => new ExpenseRule(Enum.Parse<ExpenseCategory>(r.Category!),
            string.IsNullOrWhiteSpace(r.Cap) ? null : PaymentInput.Read(r.Cap), r.ReceiptNeeded == "yes")).ToList();

    public Money MileageRatePerMile() => PaymentInput.Read(MileageRate)!.Value;

    /// <summary>Which field a refusal of the policy is about.</summary>
    public string FieldFor(string message)
    {
        if (message.Contains("mileage rate", StringComparison.OrdinalIgnoreCase))
        {
            return nameof(MileageRate);
        }
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Enum.TryParse<ExpenseCategory>(Rules[i].Category, out var category)
                && message.Contains($"cap for {ExpenseRule.Name(category)} ", StringComparison.Ordinal))
            {
                return $"{nameof(Rules)}[{i}].{nameof(ExpenseRuleInput.Cap)}";
            }
        }
        return message.Contains("effect", StringComparison.Ordinal) ? nameof(EffectiveFrom) : string.Empty;
    }

    public static IEnumerable<SelectListItem> ReceiptChoices => [new("Yes", "yes"), new("No", "no")];
}

public sealed class ExpenseRuleInput
{
    public string? Category { get; set; }

    /// <summary>The most repaid in one claim, in pounds; blank for no cap.</summary>
    public string? Cap { get; set; }

    public string? ReceiptNeeded { get; set; }
}

public sealed class ExpensesPolicyFormValidator : AbstractValidator<ExpensesPolicyForm>
{
    public ExpensesPolicyFormValidator()
    {
        RuleFor(f => f.MileageRate).Must(PaymentInput.IsPounds).WithMessage("Enter the mileage rate in pounds a mile, like 0.45");
        RuleFor(f => f.Rules).Must(rules => rules.Select(r => r.Category).Order().SequenceEqual(Enum.GetNames<ExpenseCategory>().Order()))
            .WithMessage("The policy needs one rule for each kind of expense");
        RuleForEach(f => f.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Cap).Must(c => string.IsNullOrWhiteSpace(c) || PaymentInput.IsPounds(c))
                .WithMessage("Enter the cap in pounds, like 10, or leave it empty for no cap");
            rule.RuleFor(r => r.ReceiptNeeded).Must(v => v is "yes" or "no").WithMessage("Select yes if a receipt is needed");
        });
        RuleFor(f => f.EffectiveFrom).Must(d => d.ToDate() is not null).WithMessage("Enter the date the policy takes effect, like 1 4 2027");
    }
}

/// <summary>A dated set of benefit limits. Property names match <see cref="BenefitLimitsProblem.Field"/>, so each problem lands by its field.</summary>
public sealed class BenefitLimitsForm
{
    public DateParts EffectiveFrom { get; set; } = new();
    public string? UniversalCreditWorkAllowanceWithHousingCosts { get; set; }
    public string? UniversalCreditWorkAllowanceWithoutHousingCosts { get; set; }

    /// <summary>Pence for each £1 over the work allowance, like 55.</summary>
    public string? UniversalCreditTaperBasisPoints { get; set; }

    public string? EsaPermittedWorkHigherWeeklyLimit { get; set; }
    public string? EsaPermittedWorkLowerWeeklyLimit { get; set; }
    public string? EsaPermittedWorkWeeklyHours { get; set; }
    public string? CarersAllowanceWeeklyEarningsLimit { get; set; }
    public string? TradingAllowancePerTaxYear { get; set; }
    public string? Source { get; set; }
    public string? SourceLink { get; set; }

    /// <summary>The set being corrected; null for a new set. Never posted.</summary>
    [BindNever]
    public int? CorrectingId { get; set; }

    public static BenefitLimitsForm From(BenefitLimits l, DateOnly effectiveFrom) => new()
    {
        EffectiveFrom = DateParts.From(effectiveFrom),
        UniversalCreditWorkAllowanceWithHousingCosts = PaymentInput.Pounds(l.UniversalCreditWorkAllowanceWithHousingCosts),
        UniversalCreditWorkAllowanceWithoutHousingCosts = PaymentInput.Pounds(l.UniversalCreditWorkAllowanceWithoutHousingCosts),
        UniversalCreditTaperBasisPoints = (l.UniversalCreditTaperBasisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture),
        EsaPermittedWorkHigherWeeklyLimit = PaymentInput.Pounds(l.EsaPermittedWorkHigherWeeklyLimit),
        EsaPermittedWorkLowerWeeklyLimit = PaymentInput.Pounds(l.EsaPermittedWorkLowerWeeklyLimit),
        EsaPermittedWorkWeeklyHours = l.EsaPermittedWorkWeeklyHours.ToString(CultureInfo.InvariantCulture),
        CarersAllowanceWeeklyEarningsLimit = PaymentInput.Pounds(l.CarersAllowanceWeeklyEarningsLimit),
        TradingAllowancePerTaxYear = PaymentInput.Pounds(l.TradingAllowancePerTaxYear),
        Source = l.Source,
        SourceLink = l.SourceLink,
    };

    /// <summary>The figures, for a form that has passed its validator.</summary>
    public BenefitLimitFigures Figures() => new(
        PaymentInput.Read(UniversalCreditWorkAllowanceWithHousingCosts)!.Value,
        PaymentInput.Read(UniversalCreditWorkAllowanceWithoutHousingCosts)!.Value,
        TaperBasisPoints(UniversalCreditTaperBasisPoints)!.Value,
        PaymentInput.Read(EsaPermittedWorkHigherWeeklyLimit)!.Value,
        PaymentInput.Read(EsaPermittedWorkLowerWeeklyLimit)!.Value,
        int.Parse(EsaPermittedWorkWeeklyHours!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        PaymentInput.Read(CarersAllowanceWeeklyEarningsLimit)!.Value,
        PaymentInput.Read(TradingAllowancePerTaxYear)!.Value);

    /// <summary>"55" pence per £1 is 5500 hundredths of a percent; up to 2 decimal places of a penny.</summary>
    public static int? TaperBasisPoints(string? pence) =>
        decimal.TryParse(pence?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p)
        && decimal.Round(p, 2) == p && Math.Abs(p) <= 1000
            ? (int)(p * 100)
            : null;
}

public sealed class BenefitLimitsFormValidator : AbstractValidator<BenefitLimitsForm>
{
    public BenefitLimitsFormValidator()
    {
        RuleFor(f => f.EffectiveFrom).Must(d => d.ToDate() is not null).WithMessage("Enter the date these limits take effect, like 6 4 2027");
        Pounds(f => f.UniversalCreditWorkAllowanceWithHousingCosts, "the work allowance with housing costs");
        Pounds(f => f.UniversalCreditWorkAllowanceWithoutHousingCosts, "the work allowance without housing costs");
        RuleFor(f => f.UniversalCreditTaperBasisPoints).Must(t => BenefitLimitsForm.TaperBasisPoints(t) is not null)
            .WithMessage("Enter the taper in pence for each £1, like 55");
        Pounds(f => f.EsaPermittedWorkHigherWeeklyLimit, "the higher weekly limit");
        Pounds(f => f.EsaPermittedWorkLowerWeeklyLimit, "the lower weekly limit");
        RuleFor(f => f.EsaPermittedWorkWeeklyHours).Must(h => int.TryParse(h?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            .WithMessage("Enter the weekly hours as a whole number, like 16");
        Pounds(f => f.CarersAllowanceWeeklyEarningsLimit, "the Carer's Allowance weekly earnings limit");
        Pounds(f => f.TradingAllowancePerTaxYear, "the trading allowance");
    }

    private void Pounds(System.Linq.Expressions.Expression<Func<BenefitLimitsForm, string?>> field, string what) =>
        RuleFor(field).Must(PaymentInput.IsPounds).WithMessage($"Enter {what} in pounds, like 411 or 195.50");
}

/// <summary>The lead's payment settings. Property names match <see cref="PaymentSettings.Check"/>'s fields.</summary>
public sealed class PaymentSettingsForm
{
    public string? WelfareRightsAdviceName { get; set; }
    public string? WelfareRightsAdviceLink { get; set; }
    public string? SecondApprovalAbove { get; set; }

    /// <summary>The version the form was filled in from: a change saved meanwhile is not overwritten unseen.</summary>
    public Guid? Version { get; set; }

    public static PaymentSettingsForm From(PaymentSettings s) => new()
    {
        WelfareRightsAdviceName = s.WelfareRightsAdviceName,
        WelfareRightsAdviceLink = s.WelfareRightsAdviceLink,
        SecondApprovalAbove = PaymentInput.Pounds(s.SecondApprovalAbove),
        Version = s.Version,
    };
}

public sealed class PaymentSettingsFormValidator : AbstractValidator<PaymentSettingsForm>
{
    public PaymentSettingsFormValidator() =>
        RuleFor(f => f.SecondApprovalAbove).Must(PaymentInput.IsPounds).WithMessage("Enter the amount in pounds, like 500");
}

/// <summary>Money and choices as the lead types them.</summary>
public static class PaymentInput
{
    public const string Preparation = "Preparation";
    public const string Travel = "Travel";

    public static bool IsPounds(string? text) => Money.TryParse(text, out _);

    public static Money? Read(string? text) => Money.TryParse(text, out var amount) ? amount : null;

    /// <summary>An amount as the lead typed it, for a form: "25", "20.70", "0.45".</summary>
    public static string Pounds(Money amount) => amount.Pounds.ToString(amount.IsWholePounds ? "0" : "0.00", CultureInfo.InvariantCulture);

    public static bool IsName<T>(string? value)
        where T : struct, Enum => value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal);

    public static bool AreIncludes(List<string> includes) => includes.All(i => i is Preparation or Travel);

    public static RateTerms Terms(string? amount, List<string> includes) =>
        new(Read(amount)!.Value, includes.Contains(Preparation), includes.Contains(Travel));
}
