using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoProduce.UnitTests.Security;

/// <summary>
/// The password rule as Identity applies it (its own length rule and the common-password
/// check, configured as the portal configures them), for registration, reset and staff set-up.
/// </summary>
public sealed class PasswordRuleTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly UserManager<CoProduceUser> _users;

    public PasswordRuleTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddCoProduceIdentity(Mock.Of<IWebHostEnvironment>(e => e.EnvironmentName == "Production"));
        // The only edge: no database behind the accounts.
        services.AddSingleton(Mock.Of<IUserStore<CoProduceUser>>());
        _services = services.BuildServiceProvider();
        _users = _services.GetRequiredService<UserManager<CoProduceUser>>();
    }

    public static TheoryData<string, string?> Cases => new()
    {
        // password, the code of the first failure, or null when it is allowed
        { "elevenchars", "PasswordTooShort" },
        { "twelve chars", null },
        { "Demo-Pass-2026", null },
        { "a long enough password", null },
        // No composition rules: all lower case, no digit, no symbol is fine when it is long.
        { "allowercaseletters", null },
        // Spaces are allowed, and so is any script.
        { "   spaces around   ", null },
        { "Crème brûlée by the canal", null },
        { "Пароль из нескольких слов", null },
        { "水曜日の朝に猫と散歩する", null },
        { new string('x', 256) + "", null },
        { new string('x', 257), CommonPasswordValidator.TooLongCode },
        // On the list, whatever the case, spacing or numbers on the end.
        { "qwerty123456", CommonPasswordValidator.CommonCode },
        { "QWERTY123456", CommonPasswordValidator.CommonCode },
        { "1qaz2wsx3edc", CommonPasswordValidator.CommonCode },
        { "passwordpassword", CommonPasswordValidator.CommonCode },
        { "Password2026!", CommonPasswordValidator.CommonCode },
        { "iloveyou1234", CommonPasswordValidator.CommonCode },
        { "Correct Horse Battery Staple", CommonPasswordValidator.CommonCode },
        { "correct-horse-battery-staple", CommonPasswordValidator.CommonCode },
        { "Brackenfield2026", CommonPasswordValidator.CommonCode },
        // A common word inside a longer phrase is not the same as a common password.
        { "password for the library", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Password_IsAllowedOrRefused(string password, string? expectedCode)
    {
        var user = new CoProduceUser { UserName = "jo@example.org", Email = "jo@example.org" };
        var failures = new List<IdentityError>();
        foreach (var validator in _users.PasswordValidators)
        {
            failures.AddRange((await validator.ValidateAsync(_users, user, password)).Errors);
        }

        Assert.Equal(expectedCode, failures.FirstOrDefault()?.Code);
    }

    [Fact]
    public async Task CommonPassword_HasTheGovUkMessage()
    {
        var result = await new CommonPasswordValidator(CommonPasswords.Bundled()).ValidateAsync(_users, new CoProduceUser(), "letmein12345");

        Assert.Equal("Choose a password that is harder to guess: this one is on a list of common passwords", Assert.Single(result.Errors).Description);
    }

    [Fact]
    public void BundledList_HoldsTheTenThousandMostCommon()
    {
        var list = CommonPasswords.Bundled();

        Assert.InRange(list.Count, 10_000, 20_000);
        Assert.True(list.IsCommon("123456"));
        Assert.True(list.IsCommon("password"));
        Assert.False(list.IsCommon(string.Empty));
    }

    public void Dispose() => _services.Dispose();
}
