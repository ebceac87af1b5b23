using CoProduce.Web.Domain.Accounts;
using FluentValidation;

namespace CoProduce.Web.Features.Account;

/// <summary>A 6-digit code from the authenticator app.</summary>
public sealed class AuthenticatorCodeForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class AuthenticatorCodeFormValidator : AbstractValidator<AuthenticatorCodeForm>
{
    public const string EnterCodeMessage = "Enter the 6-digit code from your authenticator app";
    public const string WrongCodeMessage = "The code is not right. Enter the 6-digit code your authenticator app shows now";

    public AuthenticatorCodeFormValidator() =>
        RuleFor(f => f.Code)
            .NotEmpty().WithMessage(EnterCodeMessage)
            .Must(SignInRules.IsAuthenticatorCode).WithMessage("The code must be 6 digits, like 123456");
}

/// <summary>One of the recovery codes given when two-factor sign-in was set up.</summary>
public sealed class RecoveryCodeForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public const string WrongCodeMessage = "The recovery code is not right, or has been used. Enter one of your recovery codes";

    public RecoveryCodeFormValidator() =>
        RuleFor(f => f.Code).NotEmpty().WithMessage("Enter one of your recovery codes");
}
