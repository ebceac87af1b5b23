using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Infrastructure.GovUk;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoProduce.Web.Features.Participation;

// Form models take nullable strings so that binding never fails before validation can speak.
// None of them carries a person or sign-up id: the signed-in person is always the one who acts.

/// <summary>The filters on the list of activities (a GET form).</summary>
public sealed class ActivityFilterForm
{
    public const string Mine = "mine";

    public string? Experience { get; set; }
    public string? Mode { get; set; }
    public DateParts From { get; set; } = new();

    public bool OnlyMyExperience => Experience == Mine;

    public ActivityMode? ModeChosen => Enum.TryParse<ActivityMode>(Mode, out var mode) && Enum.IsDefined(mode) && mode != ActivityMode.Hybrid ? mode : null;

    public bool HasFromDate =>
        !string.IsNullOrWhiteSpace(From.Day) || !string.IsNullOrWhiteSpace(From.Month) || !string.IsNullOrWhiteSpace(From.Year);

    /// <summary>The activities these filters found. Never posted.</summary>
    [BindNever]
    public ActivityListModel? Listing { get; set; }
}

public sealed class ActivityFilterFormValidator : AbstractValidator<ActivityFilterForm>
{
    public ActivityFilterFormValidator() =>
        RuleFor(f => f.From).Custom((parts, context) =>
        {
            var anyGiven = !string.IsNullOrWhiteSpace(parts.Day) || !string.IsNullOrWhiteSpace(parts.Month) || !string.IsNullOrWhiteSpace(parts.Year);
            if (anyGiven && parts.ToDate() is null)
            {
                context.AddFailure("The date must be a real date, like 8 12 2026");
            }
        });
}

public sealed class SignUpForm
{
    public string? WhatWouldHelp { get; set; }

    /// <summary>The activity the form is on. Never posted.</summary>
    [BindNever]
    public ActivityPageModel? Page { get; set; }

    public string WhatWouldHelpText => WhatWouldHelp?.Trim() ?? string.Empty;
}

public sealed class SignUpFormValidator : AbstractValidator<SignUpForm>
{
    public SignUpFormValidator() =>
        RuleFor(f => f.WhatWouldHelp)
            .MaximumLength(Activity.TextMaxLength).WithMessage("What would help you take part must be 2,000 characters or fewer");
}
