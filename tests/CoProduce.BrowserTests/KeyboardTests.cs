using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>Journeys done with the keyboard alone: Tab, typing and Enter, no mouse.</summary>
[Collection(SharedBrowser.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignIn_KeyboardOnly_ReachesHomeWithRoleNavigation()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await Keyboard.TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync(DemoUsers.EmailFor(Roles.Commissioner));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Password", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync(DemoUsers.Password(browser.App));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(browser.BaseUrl + "/");
        Assert.Equal("Your home", await page.Locator("h1").InnerTextAsync());
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        Assert.True(await navigation.GetByRole(AriaRole.Link, new() { Name = "Projects" }).IsVisibleAsync());

        // The skip link is the first thing the keyboard reaches, and it works.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
    }

    [Fact]
    public async Task SignIn_KeyboardOnlyWithMistake_ErrorSummaryTakesFocusAndLinksToField()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await Keyboard.TabToAsync(page, "#Email");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-error-summary");

        // GOV.UK Frontend moves focus to the summary; Tab then reaches its first link.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Enter your email address", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Email", await FocusedIdAsync(page));
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement?.id ?? ''");
}
