using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Security;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// A sign-in cookie copied before an account event is refused after it, on every request: sign-out,
/// password reset, deletion, a change of roles and an administrative lock each end every session
/// of the account.
/// Each test uses its own account, because ending sessions is the point.
/// </summary>
public sealed class SessionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Passphrase = "a long enough password";

    [Fact]
    public async Task CopiedCookie_AfterSignOut_IsRefused()
    {
        using var client = portal.CreatePortalClient();
        var cookie = await SignInAndCopyCookieAsync(client, DemoUsers.EmailFor(Roles.FinanceOfficer), DemoUsers.Password(portal));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie, "/finance"));

        await client.SubmitFormAsync("/", "/sign-out", []);

        await AssertRefusedAsync(cookie, "/finance");
    }

    [Fact]
    public async Task CopiedCookie_AfterPasswordReset_IsRefused()
    {
        using var client = portal.CreatePortalClient();
        await client.RegisterAsync(portal, "Reset Person", "reset.person@example.org", Passphrase);
        using var other = portal.CreatePortalClient();
        var cookie = await SignInAndCopyCookieAsync(other, "reset.person@example.org", Passphrase);
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie, "/profile/your-data"));

        using var resetter = portal.CreatePortalClient();
        await resetter.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "reset.person@example.org")]);
        await portal.SendQueuedEmailsAsync();
        var link = Mailbox.LinkTo(portal.MailFolder, "reset.person@example.org", "/reset-password");
        var reset = await resetter.SubmitFormAsync(link, "/reset-password", [new("Password", "a new long password"), new("ConfirmPassword", "a new long password")]);
        Assert.Equal("/sign-in", reset.Location());

        await AssertRefusedAsync(cookie, "/profile/your-data");
    }

    [Fact]
    public async Task CopiedCookie_AfterDeletion_IsRefused()
    {
        using var client = portal.CreatePortalClient();
        await client.RegisterAsync(portal, "Leaving Person", "leaving.person@example.org", Passphrase);
        using var other = portal.CreatePortalClient();
        var cookie = await SignInAndCopyCookieAsync(other, "leaving.person@example.org", Passphrase);
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie, "/profile/your-data"));

        var deleted = await client.SubmitFormAsync("/profile/delete", "/profile/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await AssertRefusedAsync(cookie, "/profile/your-data");
    }

    [Fact]
    public async Task CopiedCookie_AfterRoleChange_IsRefused_AndTheNewRolesApplyAtNextSignIn()
    {
        using var client = portal.CreatePortalClient();
        var cookie = await SignInAndCopyCookieAsync(client, "chris.lee@example.org", DemoUsers.Password(portal));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie, "/projects"));
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var staffPage = await lead.GetPageAsync("/admin/staff");
        var change = staffPage.QuerySelectorAll("a").Single(a => a.TextContent.Contains("of Chris Lee", StringComparison.Ordinal)).GetAttribute("href")!;

        var changed = await lead.SubmitFormAsync(change, change, [new("Roles", Roles.FinanceOfficer)]);

        Assert.Equal("/admin/staff", changed.Location());
        await AssertRefusedAsync(cookie, "/projects");
        await client.SignInAsync("chris.lee@example.org", DemoUsers.Password(portal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/finance", UriKind.Relative))).StatusCode);
        Assert.Contains("/access-denied", (await client.GetAsync(new Uri("/projects", UriKind.Relative))).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRoles_LeadCannotRemoveTheirOwnLeadRole()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var staffPage = await lead.GetPageAsync("/admin/staff");
        var change = staffPage.QuerySelectorAll("a").Single(a => a.TextContent.Contains("of Alex Morgan", StringComparison.Ordinal)).GetAttribute("href")!;

        var refused = await lead.SubmitFormAsync(change, change, [new("Roles", Roles.Commissioner)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["#Roles You cannot remove your own co-production lead role. Ask another co-production lead to do it"], (await refused.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri("/rules", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CopiedCookie_AfterAdministrativeLock_IsRefused()
    {
        using var client = portal.CreatePortalClient();
        var cookie = await SignInAndCopyCookieAsync(client, "grace.adeyemi@example.org", DemoUsers.Password(portal));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie, "/my-involvement"));

        // Locked until further notice, as deletion or an administrator does.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
            var grace = await users.FindByEmailAsync("grace.adeyemi@example.org");
            await users.SetLockoutEndDateAsync(grace!, DateTimeOffset.MaxValue);
        }

        await AssertRefusedAsync(cookie, "/my-involvement");
    }

    [Fact]
    public async Task WrongPasswordsFromSomeoneElse_DoNotThrowThePersonOut()
    {
        // Anyone can lock an account for a while by typing wrong passwords for its address: that
        // stops new sign-ins, but must not end the real person's session.
        using var client = portal.CreatePortalClient();
        var cookie = await SignInAndCopyCookieAsync(client, "tom.evans@example.org", DemoUsers.Password(portal));
        using var attacker = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.SignInAsync("tom.evans@example.org", "wrong password " + attempt);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie, "/my-involvement"));
        Assert.Equal(HttpStatusCode.BadRequest, (await attacker.SignInAsync("tom.evans@example.org", DemoUsers.Password(portal))).StatusCode);
    }

    /// <summary>Signs in and returns the auth cookie as a browser would store it ("name=value").</summary>
    private static async Task<string> SignInAndCopyCookieAsync(HttpClient client, string email, string password)
    {
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentitySetup.AuthCookieName + "=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>A request from somewhere else that carries only the copied cookie.</summary>
    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie, string url)
    {
        using var replay = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await replay.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Redirect && response.Location()!.Contains("/sign-in", StringComparison.Ordinal)
            ? HttpStatusCode.Unauthorized
            : response.StatusCode;
    }

    private async Task AssertRefusedAsync(string cookie, string url) =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookieAsync(cookie, url));
}
