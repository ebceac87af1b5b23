using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Infrastructure.GovUk;
using FluentValidation;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>A check of a template with people: when, at which activity, and what they said.</summary>
public sealed class EasyReadCheckForm
{
    public DateParts CheckedOn { get; set; } = new();

    public string? ActivityId { get; set; }

    public string? Note { get; set; }

    public int? Activity => int.TryParse(ActivityId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}

/// <summary>The shape of the answers; whether the day fits the activity is the domain's rule, checked by the service.</summary>
public sealed class EasyReadCheckFormValidator : AbstractValidator<EasyReadCheckForm>
{
    public EasyReadCheckFormValidator()
    {
        RuleFor(f => f.CheckedOn).Must(d => d.ToDate() is not null).WithMessage("Enter the date people checked the template, like 27 3 2026");
        RuleFor(f => f.ActivityId).Must((form, _) => form.Activity is not null).WithMessage("Select the activity where people checked the template");
        RuleFor(f => f.Note).MaximumLength(EasyReadTemplate.NoteMaxLength).WithMessage($"What people said must be {EasyReadTemplate.NoteMaxLength} characters or fewer");
    }
}
