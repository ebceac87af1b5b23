using CoProduce.Web.Domain.Payments;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Finance;

/// <summary>Finance's decision on a claim: approve, reject with a reason, or ask the claimant a question.</summary>
public sealed class ClaimDecisionForm
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Query = "query";

    public string? Decision { get; set; }

    /// <summary>The reason for rejecting, or the question for the claimant.</summary>
    public string? Note { get; set; }

    /// <summary>The claim's version the page showed: a decision on a claim someone has decided since is refused.</summary>
    public Guid? Version { get; set; }

    public static IEnumerable<SelectListItem> Choices =>
    [
        new("Approve the claim", Approve),
        new("Ask the claimant a question", Query),
        new("Reject the claim", Reject),
    ];
}

public sealed class ClaimDecisionFormValidator : AbstractValidator<ClaimDecisionForm>
{
    public ClaimDecisionFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => d is ClaimDecisionForm.Approve or ClaimDecisionForm.Reject or ClaimDecisionForm.Query)
            .WithMessage("Select whether to approve the claim, ask a question or reject it");
        RuleFor(f => f.Note).NotEmpty().When(f => f.Decision == ClaimDecisionForm.Reject).WithMessage("Enter the reason for rejecting this claim");
        RuleFor(f => f.Note).NotEmpty().When(f => f.Decision == ClaimDecisionForm.Query).WithMessage("Enter the question for the claimant");
        RuleFor(f => f.Note).MaximumLength(ClaimDecision.NoteMaxLength).WithMessage($"Write {ClaimDecision.NoteMaxLength:N0} characters or fewer");
    }
}
