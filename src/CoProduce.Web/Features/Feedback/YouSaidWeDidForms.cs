using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Infrastructure.GovUk;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Feedback;

/// <summary>The notes ticked on the feedback page, and the theme they go into: an existing one, or a new one by name.</summary>
public sealed class AddToThemeForm
{
    public List<long> ItemIds { get; set; } = [];
    public int? ThemeId { get; set; }
    public string? NewThemeName { get; set; }
}

public sealed class AddToThemeFormValidator : AbstractValidator<AddToThemeForm>
{
    public AddToThemeFormValidator()
    {
        RuleFor(f => f.ItemIds).NotEmpty().WithMessage("Select the notes to add to a theme");
        RuleFor(f => f.ThemeId)
            .Must((form, id) => id is not null || !string.IsNullOrWhiteSpace(form.NewThemeName))
            .WithMessage("Choose a theme, or enter a name for a new theme");
        RuleFor(f => f.NewThemeName)
            .Must((form, name) => form.ThemeId is null || string.IsNullOrWhiteSpace(name))
            .WithMessage("Choose a theme or enter a name for a new one, not both")
            .MaximumLength(FeedbackTheme.NameMaxLength).WithMessage("The theme's name must be 200 characters or fewer");
    }
}

/// <summary>Publishing "you said, we did": whether the public page shows it, and when to bring the group back.</summary>
public sealed class PublishForm
{
    public bool ShowOnPublicPage { get; set; }
    public DateParts ReviewOn { get; set; } = new();
}

public sealed class PublishFormValidator : AbstractValidator<PublishForm>
{
    public PublishFormValidator() =>
        RuleFor(f => f.ReviewOn).Custom((parts, context) =>
        {
            var empty = string.IsNullOrWhiteSpace(parts.Day) && string.IsNullOrWhiteSpace(parts.Month) && string.IsNullOrWhiteSpace(parts.Year);
            if (!empty && parts.ToDate() is null)
            {
                context.AddFailure("The date to bring the group back must be a real date, like 27 3 2027");
            }
        });
}

public sealed class RenameThemeForm
{
    public string? ThemeName { get; set; }
    public Guid? Version { get; set; }
}

public sealed class RenameThemeFormValidator : AbstractValidator<RenameThemeForm>
{
    public RenameThemeFormValidator() =>
        RuleFor(f => f.ThemeName)
            .NotEmpty().WithMessage("Enter the theme's name")
            .MaximumLength(FeedbackTheme.NameMaxLength).WithMessage("The theme's name must be 200 characters or fewer");
}

public sealed class UnderstandThemeForm
{
    public string? RootCauses { get; set; }
    public string? SuccessLooksLike { get; set; }
    public Guid? Version { get; set; }
}

public sealed class UnderstandThemeFormValidator : AbstractValidator<UnderstandThemeForm>
{
    public UnderstandThemeFormValidator()
    {
        RuleFor(f => f.RootCauses).MaximumLength(FeedbackTheme.TextMaxLength).WithMessage("The root causes must be 2,000 characters or fewer");
        RuleFor(f => f.SuccessLooksLike).MaximumLength(FeedbackTheme.TextMaxLength).WithMessage("What success looks like must be 2,000 characters or fewer");
    }
}

/// <summary>The theme's answer: the kind (radios), the words, and "by when" for "we will do".</summary>
public sealed class AnswerThemeForm
{
    public ResponseKind? Kind { get; set; }
    public string? Text { get; set; }
    public DateParts By { get; set; } = new();
    public Guid? Version { get; set; }

    public static IEnumerable<SelectListItem> Kinds =>
    [
        new("We did: something has changed already", nameof(ResponseKind.WeDid)),
        new("We will do: something will change, by a date", nameof(ResponseKind.WeWillDo)),
        new("We cannot do: it cannot change, and why", nameof(ResponseKind.WeCannotDo)),
    ];

    /// <summary>Only for a form that has passed its validator.</summary>
    public ThemeResponse ToResponse() => new(Kind!.Value, Text!.Trim(), Kind == ResponseKind.WeWillDo ? By.ToDate() : null);

    public static AnswerThemeForm From(FeedbackTheme theme) => new()
    {
        Kind = theme.ResponseKind,
        Text = theme.ResponseText,
        By = theme.ResponseBy is { } by ? DateParts.From(by) : new DateParts(),
        Version = theme.Version,
    };
}

/// <summary>The answer is checked by <see cref="ResponseRules"/>, each problem by its field.</summary>
public sealed class AnswerThemeFormValidator : AbstractValidator<AnswerThemeForm>
{
    public AnswerThemeFormValidator(TimeProvider clock) =>
        RuleFor(f => f).Custom((form, context) =>
        {
            var byTyped = !string.IsNullOrWhiteSpace(form.By.Day) || !string.IsNullOrWhiteSpace(form.By.Month) || !string.IsNullOrWhiteSpace(form.By.Year);
            if (form.Kind == ResponseKind.WeWillDo && byTyped && form.By.ToDate() is null)
            {
                context.AddFailure(nameof(AnswerThemeForm.By), "The date we will do it by must be a real date, like 27 3 2027");
                return;
            }
            foreach (var problem in ResponseRules.Check(form.Kind, form.Text, form.By.ToDate(), UkTime.Today(clock)))
            {
                context.AddFailure(problem.Field, problem.Message);
            }
        });
}

public sealed class MergeThemeForm
{
    public int? IntoThemeId { get; set; }
}

public sealed class MergeThemeFormValidator : AbstractValidator<MergeThemeForm>
{
    public MergeThemeFormValidator() =>
        RuleFor(f => f.IntoThemeId).NotNull().WithMessage("Select the theme to merge this one into");
}
