using System.Globalization;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Claims;

/// <summary>One expense: its category, the amount spent (or miles driven), what it was for and the receipt.</summary>
public sealed class ExpenseForm
{
    public string? Category { get; set; }
    public string? Amount { get; set; }
    public string? Miles { get; set; }
    public string? Description { get; set; }
    public IFormFile? Receipt { get; set; }

    [BindNever]
    public ExpensePageModel? Page { get; set; }

    // A method, not a property: model validation reads every property of a bound form, and this
    // one would throw for a category that is not on the list.
    public ExpenseCategory ChosenCategory() => Enum.Parse<ExpenseCategory>(Category!);

    public IEnumerable<SelectListItem> CategoryChoices =>
        Page?.Categories.Select(c => new SelectListItem($"{c.Name} ({c.Hint})", c.Value)) ?? [];

    public static decimal? ReadMiles(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var miles) ? miles : null;

    /// <summary>
    /// The line as the expenses policy checks it. The receipt counts only when it passed
    /// <see cref="ReceiptFiles"/>; a refused file has its own message by the field.
    /// </summary>
    public ExpenseToCheck ToCheck(bool hasReceipt) => ChosenCategory() == ExpenseCategory.Mileage
        ? ExpenseToCheck.Mileage(ReadMiles(Miles) ?? 0m, hasReceipt)
        : ExpenseToCheck.Spent(ChosenCategory(), Money.TryParse(Amount, out var amount) ? amount : Money.Zero, hasReceipt);

    /// <summary>Checks the receipt file, if there is one, by its first bytes. A file not allowed gets its reason by the field.</summary>
    public async Task<CheckedReceipt?> CheckReceiptAsync(ModelStateDictionary modelState)
    {
        if (Receipt is not { } upload)
        {
            return null;
        }
        var header = new byte[ReceiptFiles.HeaderLength];
        int read;
        await using (var stream = upload.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        }
        var check = ReceiptFiles.Check(upload.FileName, upload.Length, header.AsSpan(0, read));
        if (!check.IsAllowed)
        {
            modelState.AddModelError(nameof(Receipt), check.Problem!);
            return null;
        }
        return new CheckedReceipt(check.SafeFileName, check.ContentType, upload.OpenReadStream);
    }

    /// <summary>Which field a refusal by the expenses policy belongs next to.</summary>
    public static string FieldFor(string refusal, ExpenseCategory category) =>
        refusal.Contains("receipt", StringComparison.OrdinalIgnoreCase) ? nameof(Receipt)
        : category == ExpenseCategory.Mileage ? nameof(Miles)
        : nameof(Amount);
}

public sealed class ExpenseFormValidator : AbstractValidator<ExpenseForm>
{
    public ExpenseFormValidator()
    {
        RuleFor(f => f.Category).Must(v => Enum.GetNames<ExpenseCategory>().Contains(v)).WithMessage("Select what the expense was for");
        RuleFor(f => f.Amount).Must(v => Money.TryParse(v, out var amount) && amount > Money.Zero)
            .When(f => f.Category is not null && f.Category != nameof(ExpenseCategory.Mileage))
            .WithMessage("Enter the amount you spent in pounds and pence, like 4.50");
        RuleFor(f => f.Miles).Must(v => ExpenseForm.ReadMiles(v) is > 0m)
            .When(f => f.Category == nameof(ExpenseCategory.Mileage))
            .WithMessage("Enter the miles you drove, like 12.5");
        RuleFor(f => f.Description).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Say what the expense was for, like \"bus to County Hall and back\"");
        RuleFor(f => f.Description).MaximumLength(ExpenseLine.DescriptionMaxLength)
            .WithMessage($"Say what the expense was for in {ExpenseLine.DescriptionMaxLength} characters or fewer");
    }
}

/// <summary>Take the whole fee, take less (an amount), or decline it and keep the expenses.</summary>
public sealed class FeeForm
{
    public const string Whole = "whole";
    public const string Less = "less";
    public const string Decline = "decline";

    public string? Choice { get; set; }
    public string? Amount { get; set; }

    /// <summary>"check" to go back to "Check and send"; otherwise back to the claim.</summary>
    public string? Then { get; set; }

    /// <summary>The amount to take: null for the whole fee.</summary>
    public Money? ToTake() => Choice switch
    {
        Decline => Money.Zero,
        Less => Money.TryParse(Amount, out var amount) ? amount : Money.Zero,
        _ => null,
    };
}

public sealed class FeeFormValidator : AbstractValidator<FeeForm>
{
    public FeeFormValidator()
    {
        RuleFor(f => f.Choice).Must(v => v is FeeForm.Whole or FeeForm.Less or FeeForm.Decline).WithMessage("Select how much of the fee you want");
        RuleFor(f => f.Amount).Must(v => Money.TryParse(v, out var amount) && !amount.IsNegative)
            .When(f => f.Choice == FeeForm.Less)
            .WithMessage("Enter the amount you want to take in pounds and pence, like 50.00");
    }
}

public sealed class PaymentMethodForm
{
    public string? Method { get; set; }

    public static IEnumerable<SelectListItem> Choices =>
    [
        new("Bank transfer", nameof(ClaimPaymentMethod.BankTransfer)),
        new("Voucher (vouchers count as earnings for benefits, like money)", nameof(ClaimPaymentMethod.Voucher)),
    ];
}

public sealed class PaymentMethodFormValidator : AbstractValidator<PaymentMethodForm>
{
    public PaymentMethodFormValidator()
    {
        RuleFor(f => f.Method).Must(v => v is nameof(ClaimPaymentMethod.BankTransfer) or nameof(ClaimPaymentMethod.Voucher))
            .WithMessage("Select how you want to be paid");
    }
}

/// <summary>Sending the claim, with an answer when finance asked a question.</summary>
public sealed class SubmitForm
{
    public string? Answer { get; set; }
}

public sealed class SubmitFormValidator : AbstractValidator<SubmitForm>
{
    public SubmitFormValidator()
    {
        RuleFor(f => f.Answer).MaximumLength(ClaimDecision.NoteMaxLength).WithMessage($"Write your answer in {ClaimDecision.NoteMaxLength} characters or fewer");
    }
}
