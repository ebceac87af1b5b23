using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Security;

namespace CoProduce.IntegrationTests;

/// <summary>Common passwords are refused wherever a password is chosen, with the message by the field.</summary>
public sealed class PasswordPolicyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("Password2026!")]
    [InlineData("correct horse battery staple")]
    [InlineData("qwerty123456")]
    public async Task Registration_WithACommonPassword_ShowsTheErrorByTheField_AndMakesNoAccount(string password)
    {
        using var client = portal.CreatePortalClient();
        var email = $"common.{Guid.NewGuid():N}@example.org";

        var response = await client.RegisterAsync(portal, "Casey Common", email, password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#Password " + CommonPasswords.CommonMessage], page.ErrorSummaryLinks());
        Assert.Contains(CommonPasswords.CommonMessage, page.QuerySelector("#Password-error")?.TextContent, StringComparison.Ordinal);
        // What was typed other than the password is kept.
        Assert.Equal("Casey Common", page.QuerySelector("#DisplayName")?.GetAttribute("value"));

        // A long passphrase of ordinary words, spaces and accents welcome, is fine.
        var link = Mailbox.LinkTo(portal.MailFolder, email, "/register/confirm");
        var chosen = await client.SubmitFormAsync(link, "/register/confirm",
            [new("DisplayName", "Casey Common"), new("Password", "Crème brûlée by the canal"), new("ConfirmPassword", "Crème brûlée by the canal")]);
        Assert.Equal("/profile", chosen.Location());
    }

    [Fact]
    public async Task Registration_WithAShortPassword_SaysHowLong()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.RegisterAsync(portal, "Sol Short", "sol.short@example.org", "elevenchars");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Password Password must be 12 characters or more"], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task PasswordReset_WithACommonPassword_ShowsTheErrorByTheField()
    {
        using var client = portal.CreatePortalClient();
        await client.RegisterAsync(portal, "Rene Reset", "rene.reset@example.org", "a long enough password");
        using var resetter = portal.CreatePortalClient();
        await resetter.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "rene.reset@example.org")]);
        await portal.SendQueuedEmailsAsync();
        var link = Mailbox.LinkTo(portal.MailFolder, "rene.reset@example.org", "/reset-password");

        var reset = await resetter.SubmitFormAsync(link, "/reset-password", [new("Password", "iloveyou1234"), new("ConfirmPassword", "iloveyou1234")]);

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal(["#Password " + CommonPasswords.CommonMessage], (await reset.ReadPageAsync()).ErrorSummaryLinks());
        var again = await resetter.SubmitFormAsync(link, "/reset-password", [new("Password", "my own long phrase"), new("ConfirmPassword", "my own long phrase")]);
        Assert.Equal("/sign-in", again.Location());
    }

    [Fact]
    public async Task NewStaffAccount_FirstPassword_CannotBeCommon()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var made = await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
            [new("DisplayName", "Stella Staff"), new("Email", "stella.staff@example.org"), new("Roles", Roles.FinanceOfficer)]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        await portal.SendQueuedEmailsAsync();
        var link = Mailbox.LinkTo(portal.MailFolder, "stella.staff@example.org", "/reset-password");
        using var staff = portal.CreatePortalClient();

        var common = await staff.SubmitFormAsync(link, "/reset-password", [new("Password", "Brackenfield Council 1"), new("ConfirmPassword", "Brackenfield Council 1")]);

        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Equal(["#Password " + CommonPasswords.CommonMessage], (await common.ReadPageAsync()).ErrorSummaryLinks());
    }
}
