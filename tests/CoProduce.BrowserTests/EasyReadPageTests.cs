using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// An easy-read document as a page, as the browser lays it out: the site's font (Atkinson
/// Hyperlegible, never the browser's default serif), at least 16 point (21.3 CSS pixels), line
/// spacing at least 1.5, left aligned, and its pictures on the left; on the right in Arabic.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class EasyReadPageTests(BrowserFixture browser)
{
    private const double SixteenPointInPixels = 16 * 96 / 72.0;

    [Theory]
    [InlineData("/programme", "ltr")]
    [InlineData("/programme?lang=ar", "rtl")]
    public async Task Programme_IsLaidOutAsEasyRead(string url, string direction)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        var sentences = await page.Locator(".app-easy-read__section .app-easy-read__text p").EvaluateAllAsync<Sentence[]>(
            """
            ps => ps.map(p => {
              const style = getComputedStyle(p);
              return { font: style.fontFamily, size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), align: style.textAlign };
            })
            """);
        Assert.NotEmpty(sentences);
        var expectedFont = direction == "rtl" ? "Noto Sans Arabic" : "Atkinson Hyperlegible";
        Assert.All(sentences, s =>
        {
            Assert.StartsWith($"\"{expectedFont}\"", s.Font, StringComparison.Ordinal);
            Assert.True(s.Size >= SixteenPointInPixels - 0.1, $"{s.Size}px is under 16 point");
            Assert.True(s.LineHeight >= 1.5 * s.Size - 0.1, $"line height {s.LineHeight}px is under 1.5 times {s.Size}px");
            Assert.NotEqual("justify", s.Align);
        });

        // The picture is on the side the text starts from.
        var row = page.Locator(".app-easy-read__section .app-easy-read__row").First;
        var picture = await row.Locator("img").BoundingBoxAsync();
        var text = await row.Locator(".app-easy-read__text").BoundingBoxAsync();
        Assert.True(direction == "ltr" ? picture!.X < text!.X : picture!.X > text!.X, $"The picture is on the wrong side for {direction}.");
        Assert.Equal(direction, await page.Locator(".app-easy-read").First.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
    }

    /// <summary>What the browser computed for one sentence (filled by Playwright, so settable).</summary>
    public sealed class Sentence
    {
        public string Font { get; set; } = string.Empty;

        public double Size { get; set; }

        public double LineHeight { get; set; }

        public string Align { get; set; } = string.Empty;
    }
}
