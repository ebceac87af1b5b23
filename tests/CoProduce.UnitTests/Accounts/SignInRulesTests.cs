using CoProduce.Web.Domain.Accounts;
using CoProduce.Web.Infrastructure.Security;

namespace CoProduce.UnitTests.Accounts;

/// <summary>Who must use an authenticator app, how long a session lasts idle, and codes as people type them.</summary>
public sealed class SignInRulesTests
{
    public static TheoryData<string[], bool, bool> TwoFactorCases => new()
    {
        // roles, setting on?, must use two-factor?
        { [Roles.FinanceOfficer], true, true },
        { [Roles.CoProductionLead], true, true },
        { [Roles.Commissioner, Roles.CoProductionLead], true, true },
        { [Roles.ExpertByExperience, Roles.FinanceOfficer], true, true },
        { [Roles.Commissioner], true, false },
        { [Roles.ExpertByExperience], true, false },
        { [], true, false },
        { [Roles.FinanceOfficer], false, false },
        { [Roles.CoProductionLead], false, false },
        { ["financeofficer"], true, false }, // role names are exact
    };

    [Theory]
    [MemberData(nameof(TwoFactorCases))]
    public void MustUseTwoFactor(string[] roles, bool setting, bool expected)
    {
        Assert.Equal(expected, SignInRules.MustUseTwoFactor(roles, setting));
        Assert.Equal(!expected, SignInRules.MayTurnOffTwoFactor(roles, setting));
    }

    public static TheoryData<string[], int> TimeoutCases => new()
    {
        // roles, minutes idle before signing out
        { [Roles.ExpertByExperience], 120 },
        { [Roles.Commissioner], 30 },
        { [Roles.FinanceOfficer], 30 },
        { [Roles.CoProductionLead], 30 },
        { [Roles.ExpertByExperience, Roles.Commissioner], 30 }, // any staff role: the staff timeout
        { [], 30 }, // no role yet: the shorter one
    };

    [Theory]
    [MemberData(nameof(TimeoutCases))]
    public void IdleTimeout(string[] roles, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInRules.IdleTimeout(roles));

    [Fact]
    public void WarningComesTwoMinutesBeforeTheEnd() => Assert.Equal(TimeSpan.FromMinutes(2), SignInRules.WarningBefore);

    [Theory]
    [InlineData("123456", true)]
    [InlineData(" 123 456 ", true)]
    [InlineData("123-456", true)]
    [InlineData("000000", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12345a", false)]
    [InlineData("١٢٣٤٥٦", false)] // digits of another script are not what the app shows
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAuthenticatorCode(string? typed, bool expected) => Assert.Equal(expected, SignInRules.IsAuthenticatorCode(typed));

    [Theory]
    [InlineData("ABCDE-12345", "ABCDE-12345")]
    [InlineData(" ABCDE-12345 ", "ABCDE-12345")]
    [InlineData("ABCDE12345", "ABCDE-12345")]
    [InlineData("ABCDE 12345", "ABCDE-12345")]
    [InlineData("ABC", "ABC")]
    [InlineData("bcdfg-23456", "BCDFG-23456")]
    [InlineData("bcdfg23456", "BCDFG-23456")]
    [InlineData(null, "")]
    public void CleanRecoveryCode(string? typed, string expected) => Assert.Equal(expected, SignInRules.CleanRecoveryCode(typed));

    [Theory]
    [InlineData("ENTOMHA3YMCQNA7T", "ento mha3 ymcq na7t")]
    [InlineData("ABCDEF", "abcd ef")]
    [InlineData("ABCD", "abcd")]
    [InlineData("", "")]
    public void FormatKey_GroupsOfFour(string key, string expected) => Assert.Equal(expected, SignInRules.FormatKey(key));

    [Fact]
    public void RoleNames_AreTheOnesIdentityKeeps()
    {
        Assert.Equal(Roles.FinanceOfficer, SignInRules.FinanceOfficer);
        Assert.Equal(Roles.CoProductionLead, SignInRules.CoProductionLead);
        Assert.Equal(Roles.Commissioner, SignInRules.Commissioner);
        Assert.Equal(Roles.ExpertByExperience, SignInRules.ExpertByExperience);
    }
}
