using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using FluentValidation;

namespace CoProduce.Web.Features.Account;

// Form models take nullable strings so that binding never fails before validation can speak.

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password");
    }
}

public sealed class RegisterForm
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
}

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator()
    {
        RuleFor(f => f.DisplayName)
            .NotEmpty().WithMessage("Enter the name you like to be called")
            .MaximumLength(Data.CoProduceUser.DisplayNameMaxLength).WithMessage("Your name must be 100 characters or fewer");
        RuleFor(f => f.Email).EmailRules();
    }
}

/// <summary>The first password, chosen from the link in the registration email.</summary>
public sealed class ConfirmRegistrationForm
{
    public string? Token { get; set; }

    /// <summary>Shown on the page; always read again from the signed link, never from the form.</summary>
    public string? Email { get; set; }

    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ConfirmRegistrationFormValidator : AbstractValidator<ConfirmRegistrationForm>
{
    public ConfirmRegistrationFormValidator()
    {
        RuleFor(f => f.DisplayName)
            .NotEmpty().WithMessage("Enter the name you like to be called")
            .MaximumLength(Data.CoProduceUser.DisplayNameMaxLength).WithMessage("Your name must be 100 characters or fewer");
        RuleFor(f => f.Password).NewPasswordRules();
        RuleFor(f => f.ConfirmPassword)
            .NotEmpty().WithMessage("Enter your password again")
            .Equal(f => f.Password).WithMessage("The passwords do not match. Enter the same password twice");
    }
}

public sealed class ForgotPasswordForm
{
    public string? Email { get; set; }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator() => RuleFor(f => f.Email).EmailRules();
}

public sealed class ResetPasswordForm
{
    public string? UserId { get; set; }
    public string? Token { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        RuleFor(f => f.Password).NewPasswordRules();
        RuleFor(f => f.ConfirmPassword)
            .NotEmpty().WithMessage("Enter your new password again")
            .Equal(f => f.Password).WithMessage("The passwords do not match. Enter the same password twice");
    }
}

/// <summary>Rules shared by every form that asks for an email address or a new password.</summary>
public static class AccountRules
{
    public const int PasswordMinLength = CommonPasswords.MinLength;
    public const int PasswordMaxLength = CommonPasswords.MaxLength;

    public const string EmailFormatMessage = "Enter an email address in the correct format, like name@example.com";

    /// <summary>Your own email address: required, and one that email can be sent to.</summary>
    public static IRuleBuilderOptions<T, string?> EmailRules<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter your email address")
            .SendableEmail();

    /// <summary>
    /// An email address, when one is given, that email can be sent to: checked with the parser
    /// that sends the mail. Every form that asks for an email address uses this.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SendableEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(EmailAddresses.MaxLength).WithMessage($"Email address must be {EmailAddresses.MaxLength} characters or fewer")
            // Blank and too long have their own messages.
            .Must(text => string.IsNullOrWhiteSpace(text) || text.Length > EmailAddresses.MaxLength || EmailAddresses.IsSendable(text))
            .WithMessage(EmailFormatMessage);

    public static IRuleBuilderOptions<T, string?> NewPasswordRules<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter a password")
            .MinimumLength(PasswordMinLength).WithMessage($"Password must be {PasswordMinLength} characters or more")
            .MaximumLength(PasswordMaxLength).WithMessage($"Password must be {PasswordMaxLength} characters or fewer");
}
