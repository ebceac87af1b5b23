using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Rules;

/// <summary>A draft of the next rule set version, as typed. Blank rows are ignored.</summary>
public sealed class RuleSetForm
{
    public List<string?> UpperBounds { get; set; } = [];
    public List<RequirementInput> Requirements { get; set; } = [];
    public string? ChangeNote { get; set; }

    /// <summary>Which button was pressed: "preview" or "publish".</summary>
    public string? Intent { get; set; }

    public static RuleSetForm From(TierRuleSet rules) => new()
    {
        UpperBounds = [.. rules.UpperBounds.Select(b => (string?)b.Pounds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)), null],
        Requirements =
        [
            .. rules.Requirements.Select(r => new RequirementInput
            {
                Code = r.Code, ShortName = r.ShortName, Wording = r.Wording,
                Tier = r.IntroducedAtTier.ToString(System.Globalization.CultureInfo.InvariantCulture), DueBy = r.DueBy.ToString(),
            }),
            new RequirementInput(),
        ],
    };

    public static IEnumerable<SelectListItem> DueStages =>
        [new("Select a stage", string.Empty), .. new[] { CommissioningStage.Analyse, CommissioningStage.Plan, CommissioningStage.Do }.Select(s => new SelectListItem(s.ToString(), s.ToString())),
            new("Review (ongoing: never blocks)", nameof(CommissioningStage.Review))];

    /// <summary>
    /// Reads the draft into bounds and definitions, adding an error by the field for anything
    /// that is not the right shape or breaks <see cref="TierRuleSetRules"/>. Returns null when there are errors.
    /// </summary>
    public (IReadOnlyList<Money> Bounds, IReadOnlyList<RequirementDefinition> Requirements)? Read(ModelStateDictionary modelState)
    {
        var bounds = new List<(int Index, Money Value)>();
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(UpperBounds[i]))
            {
                continue;
            }
            if (Money.TryParse(UpperBounds[i], out var value))
            {
                bounds.Add((i, value));
            }
            else
            {
                modelState.AddModelError($"UpperBounds[{i}]", $"The upper limit of tier {i + 1} must be an amount in pounds, like 50000");
            }
        }

        var requirements = new List<(int Index, RequirementDefinition Definition)>();
        for (var i = 0; i < Requirements.Count; i++)
        {
            var row = Requirements[i];
            if (row.IsBlank)
            {
                continue;
            }
            var tier = int.TryParse(row.Tier, out var t) ? t : 0;
            var due = Enum.TryParse<CommissioningStage>(row.DueBy, out var d) ? d : 0;
            // Codes are kept in capitals so that "r1" and "R1" are the same requirement.
            requirements.Add((i, new RequirementDefinition(row.Code?.Trim().ToUpperInvariant() ?? string.Empty, row.ShortName?.Trim() ?? string.Empty,
                row.Wording?.Trim() ?? string.Empty, tier, due)));
        }

        // The domain's rules, mapped back from the kept rows to the rows on the page.
        foreach (var problem in TierRuleSetRules.Check(bounds.Select(b => b.Value).ToList(), requirements.Select(r => r.Definition).ToList()))
        {
            modelState.AddModelError(MapToPage(problem.Field, bounds.Select(b => b.Index).ToList(), requirements.Select(r => r.Index).ToList()), problem.Message);
        }
        return modelState.IsValid ? (bounds.Select(b => b.Value).ToList(), requirements.Select(r => r.Definition).ToList()) : null;
    }

    private static string MapToPage(string field, List<int> boundRows, List<int> requirementRows)
    {
        // Problems about the whole list point at its first box.
        if (field == "UpperBounds")
        {
            return "UpperBounds[0]";
        }
        if (field == "Requirements")
        {
            return "Requirements[0].Code";
        }
        var match = System.Text.RegularExpressions.Regex.Match(field, @"^(UpperBounds|Requirements)\[(\d+)\](.*)$");
        if (!match.Success)
        {
            return field;
        }
        var kept = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rows = match.Groups[1].Value == "UpperBounds" ? boundRows : requirementRows;
        return $"{match.Groups[1].Value}[{rows[kept]}]{match.Groups[3].Value}";
    }
}

public sealed class RequirementInput
{
    public string? Code { get; set; }
    public string? ShortName { get; set; }
    public string? Wording { get; set; }
    public string? Tier { get; set; }
    public string? DueBy { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(ShortName) && string.IsNullOrWhiteSpace(Wording);
}

public sealed class RuleSetFormValidator : AbstractValidator<RuleSetForm>
{
    public RuleSetFormValidator()
    {
        RuleFor(f => f.ChangeNote)
            .NotEmpty().WithMessage("Enter what changed and why, for example the new standing orders")
            .MaximumLength(1000).WithMessage("What changed must be 1,000 characters or fewer");
        // Only filled-in rows count: the form always offers one empty row to add.
        RuleFor(f => f.Requirements).Must(rows => rows.Count(r => !r.IsBlank) <= 30)
            .OverridePropertyName("Requirements[0].Code").WithMessage("A rule set can have up to 30 requirements");
        RuleFor(f => f.UpperBounds).Must(bounds => bounds.Count(b => !string.IsNullOrWhiteSpace(b)) <= 10)
            .OverridePropertyName("UpperBounds[0]").WithMessage("A rule set can have up to 11 tiers (10 upper limits)");
    }
}
