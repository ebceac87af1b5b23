using System.Globalization;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.GovUk;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Commissioning;

public sealed class ProjectForm
{
    public string? Title { get; set; }
    public string? ServiceArea { get; set; }
    public string? Summary { get; set; }
    public string? Value { get; set; }

    /// <summary>"yes" or "no", from radios.</summary>
    public string? KeyDecision { get; set; }

    /// <summary>The project's version when the form was filled in (edits only): a stale form is refused.</summary>
    public Guid? Version { get; set; }

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    /// <summary>Only for a form that has passed its validator.</summary>
    public ProjectDetails ToDetails() =>
        Money.TryParse(Value, out var value)
            ? new(Title!.Trim(), ServiceArea!.Trim(), Summary!.Trim(), value, KeyDecision == "yes")
            : throw new InvalidOperationException("The form has not been validated.");

    public static ProjectForm From(CommissioningProject p) => new()
    {
        Title = p.Title,
        ServiceArea = p.ServiceArea,
        Summary = p.Summary,
        Value = p.EstimatedValue.Pounds.ToString("#,##0.##", CultureInfo.GetCultureInfo("en-GB")),
        KeyDecision = p.IsKeyDecision ? "yes" : "no",
        Version = p.Version,
    };
}

public sealed class ProjectFormValidator : AbstractValidator<ProjectForm>
{
    public ProjectFormValidator()
    {
        RuleFor(f => f.Title)
            .NotEmpty().WithMessage("Enter the project's title")
            .MaximumLength(CommissioningProject.TitleMaxLength).WithMessage("Title must be 200 characters or fewer");
        RuleFor(f => f.ServiceArea)
            .NotEmpty().WithMessage("Enter the service area, like Adult social care")
            .MaximumLength(CommissioningProject.ServiceAreaMaxLength).WithMessage("Service area must be 100 characters or fewer");
        RuleFor(f => f.Summary)
            .NotEmpty().WithMessage("Enter a summary of the service in plain English")
            .MaximumLength(CommissioningProject.SummaryMaxLength).WithMessage("Summary must be 2,000 characters or fewer");
        RuleFor(f => f.Value).MoneyInPounds("the estimated value");
        RuleFor(f => f.KeyDecision)
            .Must(v => v is "yes" or "no").WithMessage("Select yes if this is a key decision");
    }
}

/// <summary>How every money field on a form is checked, with the words people will read.</summary>
public static class MoneyValidation
{
    public static IRuleBuilderOptionsConditions<T, string?> MoneyInPounds<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Custom((text, context) =>
        {
            var capitalised = char.ToUpperInvariant(what[0]) + what[1..];
            if (string.IsNullOrWhiteSpace(text))
            {
                context.AddFailure($"Enter {what} in pounds, like 250000");
            }
            else if (!Money.TryParsePounds(text, out var pounds))
            {
                var looksLikePence = decimal.TryParse(text.Replace("£", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Trim(),
                    NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out _);
                context.AddFailure(looksLikePence
                    ? $"{capitalised} must have no more than 2 decimal places, like 250000.50"
                    : $"{capitalised} must be a number in pounds, like 250000");
            }
            else if (pounds < 0)
            {
                context.AddFailure($"{capitalised} must be £0 or more");
            }
            else if (pounds > CommissioningProject.MaximumValue.Pounds)
            {
                context.AddFailure($"{capitalised} must be {CommissioningProject.MaximumValue.Format()} or less");
            }
        });
}

public sealed class EvidenceForm
{
    public string? WhatWasDone { get; set; }
    public DateParts DoneOn { get; set; } = new();
    public string? LivedExperienceCount { get; set; }
    public string? Notes { get; set; }
    public IFormFile? Attachment { get; set; }

    public const int MaximumLivedExperienceCount = 100_000;

    /// <summary>
    /// Checks the attached file, if there is one, against <see cref="AttachmentRules"/>. A file that
    /// is not allowed gets its reason by the field. Returns the files to keep.
    /// </summary>
    public async Task<IReadOnlyList<CheckedFile>> CheckAttachmentAsync(ModelStateDictionary modelState)
    {
        if (Attachment is not { } upload)
        {
            return [];
        }
        AttachmentCheck check;
        await using (var stream = upload.OpenReadStream())
        {
            check = AttachmentRules.Check(upload.FileName, upload.Length, stream);
        }
        if (!check.IsAllowed)
        {
            modelState.AddModelError(nameof(Attachment), check.Problem!);
            return [];
        }
        return [new CheckedFile(check.SafeFileName, check.ContentType, upload.Length, upload.OpenReadStream)];
    }

    /// <summary>Only for a form that has passed its validator.</summary>
    public NewEvidence ToNewEvidence(IReadOnlyList<CheckedFile> files) =>
        new(WhatWasDone!.Trim(), DoneOn.ToDate()!.Value, ReadCount(LivedExperienceCount)!.Value, Notes?.Trim() ?? string.Empty, files);

    /// <summary>The number of people, when it is a whole number from 0 to <see cref="MaximumLivedExperienceCount"/>; otherwise null.</summary>
    public static int? ReadCount(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaximumLivedExperienceCount ? count : null;
}

public sealed class EvidenceFormValidator : AbstractValidator<EvidenceForm>
{
    public EvidenceFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.WhatWasDone)
            .NotEmpty().WithMessage("Enter what was done, and with whom")
            .MaximumLength(Evidence.WhatWasDoneMaxLength).WithMessage("What was done must be 2,000 characters or fewer");
        RuleFor(f => f.DoneOn).Custom((parts, context) =>
        {
            if (string.IsNullOrWhiteSpace(parts.Day) && string.IsNullOrWhiteSpace(parts.Month) && string.IsNullOrWhiteSpace(parts.Year))
            {
                context.AddFailure("Enter the date it was done");
            }
            else if (parts.ToDate() is not { } date)
            {
                context.AddFailure("The date it was done must be a real date, like 27 3 2026");
            }
            else if (date > UkTime.Today(clock))
            {
                context.AddFailure("The date it was done must be today or in the past");
            }
        });
        // Stop at the first failure: a blank count is asked for, never parsed.
        RuleFor(f => f.LivedExperienceCount)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter how many people with lived experience took part, or 0")
            .Must(v => EvidenceForm.ReadCount(v) is not null).WithMessage("Enter a whole number of people, like 6");
        RuleFor(f => f.Notes)
            .MaximumLength(Evidence.NotesMaxLength).WithMessage("Notes must be 2,000 characters or fewer");
    }
}

public sealed class ExceptionRequestForm
{
    public string? Reason { get; set; }
}

public sealed class ExceptionRequestFormValidator : AbstractValidator<ExceptionRequestForm>
{
    public ExceptionRequestFormValidator() =>
        RuleFor(f => f.Reason)
            .NotEmpty().WithMessage("Enter why this co-production cannot or need not be done")
            .MaximumLength(ExceptionRequest.ReasonMaxLength).WithMessage("The reason must be 2,000 characters or fewer");
}

public sealed class StageMoveForm
{
    public string? Note { get; set; }

    /// <summary>The stage the person saw: a second click, or a colleague's old tab, must not move on twice.</summary>
    public CommissioningStage? FromStage { get; set; }
}

public sealed class StageMoveFormValidator : AbstractValidator<StageMoveForm>
{
    public StageMoveFormValidator() =>
        RuleFor(f => f.Note).MaximumLength(StageMove.NoteMaxLength).WithMessage("The note must be 1,000 characters or fewer");
}
