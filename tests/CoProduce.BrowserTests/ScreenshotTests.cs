using CoProduce.Tests.Shared;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// The sign-in page and each role's home page at desktop (1280 px) and narrow (320 px, the
/// width WCAG's reflow rule uses for 400% zoom) widths. Screenshots are kept in artifacts/screenshots.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var audience in AccessExpectations.Audiences)
        {
            data.Add(audience, 1280);
            data.Add(audience, 320);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task HomePage_AtWidth_FitsWithoutSidewaysScrolling(string audience, int width)
    {
        var page = await browser.NewPageAsync(width, 900);
        if (audience == AccessExpectations.Anonymous)
        {
            await page.GotoAsync("/sign-in");
        }
        else
        {
            await browser.SignInAsync(page, audience);
        }

        var name = audience == AccessExpectations.Anonymous ? "sign-in" : "home-" + audience.ToLowerInvariant();
        var path = Path.Combine(TestArtifacts.Folder("screenshots"), $"{name}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 5_000, "The screenshot is too small to show the page");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide at a {width} px window: it scrolls sideways");
        // The page is styled: the GOV.UK stylesheet has loaded and the council's font is in use.
        var font = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('h1')).fontFamily");
        Assert.Contains("Atkinson Hyperlegible", font, StringComparison.Ordinal);
    }
}
