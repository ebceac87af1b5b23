using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoProduce.Web.Features.Finance;

/// <summary>
/// A correction of an approved claim, as finance types it: the difference in the fee and in the
/// expenses (each more or less than £0, as "-5.00" or "12.50"), and why.
/// </summary>
public sealed class CorrectionForm
{
    public string? FeeDifference { get; set; }
    public string? ExpensesDifference { get; set; }
    public string? Reason { get; set; }

    /// <summary>The claim being corrected, for the page; never bound from the request.</summary>
    [BindNever]
    public CorrectionPage? Page { get; set; }

    public Money Fee() => Read(FeeDifference);

    public Money Expenses() => Read(ExpensesDifference);

    // A blank box is no difference.
    private static Money Read(string? text) => string.IsNullOrWhiteSpace(text) ? Money.Zero : Money.TryParse(text, out var amount) ? amount : Money.Zero;
}

public sealed class CorrectionFormValidator : AbstractValidator<CorrectionForm>
{
    public CorrectionFormValidator()
    {
        RuleFor(f => f.FeeDifference).Must(BeBlankOrAnAmount)
            .WithMessage($"Enter the difference in the fee in pounds, like 12.50, or -5.00 when less was owed, up to {ExpensesPolicy.MaxAmountPerLine.Format()} either way");
        RuleFor(f => f.ExpensesDifference).Must(BeBlankOrAnAmount)
            .WithMessage($"Enter the difference in the expenses in pounds, like 3.80, or -2.00 when less was owed, up to {ExpensesPolicy.MaxAmountPerLine.Format()} either way");
        RuleFor(f => f.FeeDifference).Must((form, _) => form.Fee() != Money.Zero || form.Expenses() != Money.Zero)
            .When(f => BeBlankOrAnAmount(f.FeeDifference) && BeBlankOrAnAmount(f.ExpensesDifference))
            .WithMessage("Enter a difference in the fee or in the expenses: a correction of £0 changes nothing");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter the reason for the correction")
            .MaximumLength(ClaimDecision.NoteMaxLength).WithMessage($"Write {ClaimDecision.NoteMaxLength:N0} characters or fewer");
    }

    private static bool BeBlankOrAnAmount(string? text) =>
        string.IsNullOrWhiteSpace(text)
        || (Money.TryParse(text, out var amount) && amount <= ExpensesPolicy.MaxAmountPerLine && amount >= -ExpensesPolicy.MaxAmountPerLine);
}
