using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>Moving through a page as a keyboard user does: Tab until the element has focus.</summary>
public static class Keyboard
{
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 80)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"Could not reach {selector} with the Tab key");
    }

    /// <summary>Tabs to a link or button and presses Enter, then waits for the next page.</summary>
    public static async Task ActivateAsync(IPage page, string selector)
    {
        await TabToAsync(page, selector);
        await PressForNewPageAsync(page, "Enter");
    }

    /// <summary>
    /// Presses a key that loads a page (following a link, submitting a form) and waits until the
    /// new page has loaded: a mark left on the old page is gone once the new one replaces it.
    /// </summary>
    public static async Task PressForNewPageAsync(IPage page, string key)
    {
        await page.EvaluateAsync("() => { window.__oldPage = true; }");
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync("() => window.__oldPage === undefined && document.readyState === 'complete'");
    }
}
