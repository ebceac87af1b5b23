using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// A finance officer sets up an authenticator app and signs in with its code, computed here from
/// the shared key the page shows; a wrong code is refused by the field and does not sign in.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TwoFactorSignInTests(BrowserFixture browser)
{
    /// <summary>Made for this run: long, and not on the list of common passwords.</summary>
    private static readonly string Password = $"walk-by-the-river-{Guid.NewGuid():N}";

    /// <summary>A finance officer of their own, so that the demo finance officer signs in with a password for the other tests.</summary>
    private async Task<string> NewFinanceOfficerAsync()
    {
        var email = $"finance.{Guid.NewGuid():N}@example.org";
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
        var user = new CoProduceUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Robin Finance", CreatedUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.FinanceOfficer)).Succeeded);
        return email;
    }

    private static async Task SubmitAndWaitAsync(IPage page, string button)
    {
        await page.EvaluateAsync("() => { window.__oldPage = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__oldPage === undefined && document.readyState === 'complete'");
    }

    private static async Task PasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in?returnUrl=%2Ffinance");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await SubmitAndWaitAsync(page, "Sign in");
    }

    [Fact]
    public async Task FinanceOfficer_SignsInWithTheCodeFromTheSharedKey_AndIsRefusedWithoutIt()
    {
        var email = await NewFinanceOfficerAsync();
        var page = await browser.NewPageAsync();

        // Set up: the key as text, a code from it, the recovery codes once.
        await PasswordAsync(page, email);
        await page.GotoAsync("/account/two-factor/set-up");
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await SubmitAndWaitAsync(page, "Continue");
        Assert.Equal(10, await page.Locator(".app-recovery-codes code").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");

        // Without the code: the password alone does not sign in, and a wrong code is refused by the field.
        await PasswordAsync(page, email);
        Assert.Contains("/sign-in/two-factor", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        await SubmitAndWaitAsync(page, "Continue");
        Assert.Equal("The code is not right. Enter the 6-digit code your authenticator app shows now",
            (await page.Locator(".govuk-error-summary__list a[href='#Code']").InnerTextAsync()).Trim());
        Assert.Contains("The code is not right", await page.Locator("#Code-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/finance");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);

        // With the code: signed in, and back where they were going.
        await PasswordAsync(page, email);
        await page.GetByLabel("Code").FillAsync(Totp.Code(key));
        await SubmitAndWaitAsync(page, "Continue");
        Assert.Equal(browser.BaseUrl + "/finance", page.Url);
        await BrowserFixture.ScreenshotAsync(page, "two-factor-signed-in");
    }
}
