using System.Net;
using CoProduce.Web.Infrastructure.Security;

namespace CoProduce.UnitTests.Security;

public sealed class RateLimitRuleTests
{
    public static TheoryData<string, string, RateLimitedRequest.Kind, string?> Requests => new()
    {
        { "POST", "/sign-in", RateLimitedRequest.Kind.SignIn, "Email" },
        { "POST", "/Sign-In/", RateLimitedRequest.Kind.SignIn, "Email" },
        { "GET", "/sign-in", RateLimitedRequest.Kind.None, null },
        { "POST", "/register", RateLimitedRequest.Kind.Registration, "Email" },
        { "POST", "/register/confirm", RateLimitedRequest.Kind.Registration, null },
        { "POST", "/forgot-password", RateLimitedRequest.Kind.PasswordReset, "Email" },
        { "POST", "/reset-password", RateLimitedRequest.Kind.PasswordReset, "UserId" },
        { "GET", "/projects/3/statement.pdf", RateLimitedRequest.Kind.Pdf, null },
        { "HEAD", "/how-we-pay/easy-read.PDF", RateLimitedRequest.Kind.Pdf, null },
        { "GET", "/how-we-pay/easy-read", RateLimitedRequest.Kind.None, null },
        { "POST", "/projects", RateLimitedRequest.Kind.None, null },
        { "POST", "/sign-out", RateLimitedRequest.Kind.None, null },
        { "POST", "/sign-in/two-factor", RateLimitedRequest.Kind.SignIn, null },
        { "POST", "/sign-in/recovery-code", RateLimitedRequest.Kind.SignIn, null },
        { "GET", "/projects/3/statement.pdf/", RateLimitedRequest.Kind.Pdf, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Classify_LimitsOnlyAttemptsAndPdfs(string method, string path, RateLimitedRequest.Kind kind, string? accountField) =>
        Assert.Equal((kind, accountField), RateLimitedRequest.Classify(method, path));

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientKey_IsTheAddress_OrTheIpv6Network(string address, string expected) =>
        Assert.Equal(expected, RateLimitedRequest.ClientKey(IPAddress.Parse(address)));

    [Theory]
    [InlineData(" Jo.Smith@Example.ORG ", "JO.SMITH@EXAMPLE.ORG")]
    [InlineData("jo\u017F@example.org", "JOS@EXAMPLE.ORG")] // a long s: Identity finds jos@example.org's account
    [InlineData("jo\u0301@example.org", "J\u00D3@EXAMPLE.ORG")] // o and a combining accent is the same account as ó
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void AccountKey_IsTheEmailHoweverTyped(string? typed, string? expected) =>
        Assert.Equal(expected is null ? null : System.Text.RegularExpressions.Regex.Unescape(expected),
            RateLimitedRequest.AccountKey(typed is null ? null : System.Text.RegularExpressions.Regex.Unescape(typed)));

    [Theory]
    [InlineData(new[] { "jo@example.org", "someone-else@example.org" }, new string[0], "jo@example.org")]
    [InlineData(new string[0], new[] { "jo@example.org" }, "jo@example.org")]
    [InlineData(new[] { "in-form@example.org" }, new[] { "in-address@example.org" }, "in-form@example.org")]
    [InlineData(new string[0], new string[0], null)]
    public void AccountTyped_IsWhatModelBindingWillUse(string[] inForm, string[] inQuery, string? expected) =>
        Assert.Equal(expected, RateLimitedRequest.AccountTyped(new(inForm), new(inQuery)));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(59, 1)]
    [InlineData(60, 1)]
    [InlineData(61, 2)]
    [InlineData(900, 15)]
    [InlineData(0, 1)]
    public void MinutesToWait_RoundsUp_AndIsAtLeastOne(int seconds, int minutes) =>
        Assert.Equal(minutes, RateLimitedRequest.MinutesToWait(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("/sign-in", "/sign-in")]
    [InlineData("/register/confirm", "/register")]
    [InlineData("/reset-password", "/forgot-password")]
    [InlineData("/projects/3/statement.pdf", "/")]
    [InlineData(null, "/")]
    public void WhereToGoBack_IsTheRefusedForm(string? refused, string backTo) =>
        Assert.Equal(backTo, RateLimitedRequest.WhereToGoBack(refused).Path);
}
