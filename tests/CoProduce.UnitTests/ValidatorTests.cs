using CoProduce.Web.Features.Account;
using CoProduce.Web.Features.Admin;
using CoProduce.Web.Features.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using FluentValidation;

namespace CoProduce.UnitTests;

/// <summary>Form shape checks, with the GOV.UK-style messages people will read.</summary>
public sealed class ValidatorTests
{
    private static Dictionary<string, string> Errors<T>(IValidator<T> validator, T form) =>
        validator.Validate(form).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    public static TheoryData<string?, string?, string?> RegisterCases => new()
    {
        // name, email, expected first error (field: message) or null
        { "Jo", "jo@example.org", null },
        { "", "jo@example.org", "DisplayName: Enter the name you like to be called" },
        { new string('a', 101), "jo@example.org", "DisplayName: Your name must be 100 characters or fewer" },
        { new string('a', 100), "jo@example.org", null },
        { "Jo", "", "Email: Enter your email address" },
        { "Jo", "jo.example.org", "Email: Enter an email address in the correct format, like name@example.com" },
    };

    [Theory]
    [MemberData(nameof(RegisterCases))]
    public void Register_Cases(string? name, string? email, string? expected) =>
        AssertFirstError(Errors(new RegisterFormValidator(), new RegisterForm { DisplayName = name, Email = email }), expected);

    public static TheoryData<string?, string?, string?> ConfirmRegistrationCases => new()
    {
        // password, confirm, expected first error (field: message) or null
        { "long enough pw", "long enough pw", null },
        { "", "", "Password: Enter a password" },
        { "elevenchars", "elevenchars", "Password: Password must be 12 characters or more" },
        { "twelve chars", "twelve chars", null },
        { new string('a', 256), new string('a', 256), null },
        { new string('a', 257), new string('a', 257), "Password: Password must be 256 characters or fewer" },
        { "long enough pw", "long enough pX", "ConfirmPassword: The passwords do not match. Enter the same password twice" },
        { "long enough pw", "", "ConfirmPassword: Enter your password again" },
    };

    [Theory]
    [MemberData(nameof(ConfirmRegistrationCases))]
    public void ConfirmRegistration_Cases(string? password, string? confirm, string? expected) =>
        AssertFirstError(Errors(new ConfirmRegistrationFormValidator(), new ConfirmRegistrationForm { DisplayName = "Jo", Password = password, ConfirmPassword = confirm }), expected);

    private static void AssertFirstError(Dictionary<string, string> errors, string? expected)
    {
        if (expected is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var (field, message) = (expected[..expected.IndexOf(':', StringComparison.Ordinal)], expected[(expected.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            Assert.Equal(message, Assert.Contains(field, errors));
        }
    }

    [Theory]
    [InlineData("a@example.org", "pw", 0)]
    [InlineData("", "pw", 1)]
    [InlineData("a@example.org", "", 1)]
    [InlineData(null, null, 2)]
    public void SignIn_OnlyAsksForBothFields(string? email, string? password, int expectedErrors)
    {
        // Sign-in does not check the email's format: a wrong address gets the same answer as a wrong password.
        var errors = Errors(new SignInFormValidator(), new SignInForm { Email = email, Password = password });

        Assert.Equal(expectedErrors, errors.Count);
    }

    public static TheoryData<string[], string?> StaffRoleCases => new()
    {
        { [Roles.Commissioner], null },
        { [Roles.FinanceOfficer, Roles.CoProductionLead], null },
        { [], "Select at least one role" },
        { [Roles.ExpertByExperience], "Select roles from the list" },
        { [Roles.Commissioner, "Administrator"], "Select roles from the list" },
    };

    [Theory]
    [MemberData(nameof(StaffRoleCases))]
    public void NewStaffAccount_Roles(string[] roles, string? expected)
    {
        var errors = Errors(new NewStaffAccountFormValidator(), new NewStaffAccountForm { DisplayName = "Ada", Email = "ada@example.org", Roles = [.. roles] });

        Assert.Equal(expected, errors.GetValueOrDefault(nameof(NewStaffAccountForm.Roles)));
        Assert.Equal(expected is null ? 0 : 1, errors.Count);
    }

    public static TheoryData<string?, string?> ProjectValueCases => new()
    {
        // what was typed, the error people read (or null)
        { "650000", null },
        { "£1,250,000.50", null },
        { "0", null },
        { "-0", null },
        { "100,000,000,000", null },
        { "", "Enter the estimated value in pounds, like 250000" },
        { "12.345", "The estimated value must have no more than 2 decimal places, like 250000.50" },
        { "abc", "The estimated value must be a number in pounds, like 250000" },
        { "-0.01", "The estimated value must be £0 or more" },
        { "100,000,000,000.01", "The estimated value must be £100,000,000,000 or less" },
        { "99999999999999999999", "The estimated value must be £100,000,000,000 or less" }, // more than Money can hold
        { "-99999999999999999999", "The estimated value must be £0 or more" },
    };

    [Theory]
    [MemberData(nameof(ProjectValueCases))]
    public void ProjectValue_Cases(string? value, string? expected)
    {
        var form = new ProjectForm { Title = "Short breaks", ServiceArea = "Children's services", Summary = "Summary", Value = value, KeyDecision = "no" };

        var errors = Errors(new ProjectFormValidator(), form);

        Assert.Equal(expected, errors.GetValueOrDefault(nameof(ProjectForm.Value)));
        if (expected is null)
        {
            // A value the form accepts becomes money the project accepts: never negative, "-0" included.
            Assert.False(form.ToDetails().Value.IsNegative);
        }
    }

    [Theory]
    [InlineData("10am", 10, 0)]
    [InlineData("2:30pm", 14, 30)]
    [InlineData("14:30", 14, 30)]
    [InlineData("9.15", 9, 15)]
    [InlineData("12am", 0, 0)]
    [InlineData("１２", null, null)]
    [InlineData("١٠:٣٠", null, null)]
    [InlineData("24:00", null, null)]
    [InlineData("13pm", null, null)]
    [InlineData("", null, null)]
    public void TimeText_OnlyTimesWrittenWithDigitsZeroToNine(string text, int? hour, int? minute) =>
        Assert.Equal(hour is null ? null : new TimeOnly(hour.Value, minute!.Value), CoProduce.Web.Features.Organising.TimeText.Parse(text));
}
