using CoProduce.Web.Domain.Activities;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoProduce.Web.Features.Involvement;

/// <summary>
/// Saying yes to an invitation, with what would help (optional). It carries no person or sign-up
/// id: the invitation answered is the signed-in person's own, on the activity in the address.
/// </summary>
public sealed class InvitationAnswerForm
{
    public string? WhatWouldHelp { get; set; }

    /// <summary>The page the form is on. Never posted.</summary>
    [BindNever]
    public InvolvementPage? Page { get; set; }

    /// <summary>The activity whose invitation was being answered, when the page is shown again with a problem. Never posted.</summary>
    [BindNever]
    public int? AnsweringActivityId { get; set; }

    public string WhatWouldHelpText => WhatWouldHelp?.Trim() ?? string.Empty;

    /// <summary>Each invitation has its own box, so each needs its own id.</summary>
    public static string WhatWouldHelpId(int activityId) => $"WhatWouldHelp-{activityId}";
}

public sealed class InvitationAnswerFormValidator : AbstractValidator<InvitationAnswerForm>
{
    public InvitationAnswerFormValidator() =>
        RuleFor(f => f.WhatWouldHelp)
            .MaximumLength(Activity.TextMaxLength).WithMessage("What would help you take part must be 2,000 characters or fewer");
}
