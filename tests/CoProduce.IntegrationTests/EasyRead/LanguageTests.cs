using System.Net;
using System.Text.RegularExpressions;
using CoProduce.Tests.Shared;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>
/// The Arabic sample: the public programme's fixed words in Arabic, right to left, as a page and
/// as a tagged PDF. The translation is a sample for a translator to check.
/// </summary>
[Collection(PdfMemoryTests.Name)]
public sealed partial class LanguageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Programme_InArabic_IsRightToLeft_InArabicWords_WithGregorianDates()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var response = await client.GetAsync(new Uri("/programme?lang=ar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var document = page.QuerySelector(".app-easy-read")!;
        Assert.Equal(("ar", "rtl"), (document.GetAttribute("lang"), document.GetAttribute("dir")));
        Assert.Equal("اجتماعات يمكنك المشاركة فيها", page.QuerySelector(".app-easy-read__title")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll(".app-easy-read__section img"), img => Assert.Matches(ArabicLetter(), img.GetAttribute("alt")!));
        Assert.NotNull(page.QuerySelector("a.app-easy-read__pdf-link[href='/programme.pdf?lang=ar']"));
        // The English version is offered, marked as English.
        Assert.NotNull(page.QuerySelector("a[href='/programme'][lang='en-GB']"));
        // "الاجتماع يوم الثلاثاء 3 مارس 2026.": an Arabic day and month, the Gregorian year.
        var when = page.QuerySelectorAll(".app-easy-read__text p").Select(p => p.TextContent.Trim()).Where(t => t.StartsWith("الاجتماع يوم ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(when);
        Assert.All(when, w => Assert.Matches(@"^الاجتماع يوم \p{IsArabic}+ \d{1,2} \p{IsArabic}+ 20\d\d\.$", w));
    }

    [Fact]
    public async Task ProgrammePdf_InArabic_IsATaggedEasyReadPdfOfTheArabicPage()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var page = await client.GetPageAsync("/programme?lang=ar");
        var response = await client.GetAsync(new Uri("/programme.pdf?lang=ar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, "programme-ar");
    }

    /// <summary>The right-to-left comparison is still a check: it finds what is there and misses what is not or is out of order.</summary>
    [Theory]
    [InlineData("اجتماعات يمكنك المشاركة فيها", true)]
    [InlineData("يمكنك أيضًا", false)] // two words of the line, but not next to each other
    [InlineData("المشاركة اجتماعات", false)] // out of order
    [InlineData("الاجتماع يوم الاثنين 14 ديسمبر 2026.", true)]
    [InlineData("الاجتماع يوم الاثنين 15 ديسمبر 2026.", false)]
    [InlineData("الاجتماع في Brackenfield Central Library.", true)]
    [InlineData("الاجتماع في Brackenfield Town Hall.", false)]
    public void RightToLeftComparison_FindsOnlyWhatIsThere(string sentence, bool found)
    {
        // What pdftotext gives back for lines of the Arabic programme, direction marks and broken words included.
        const string Extracted = "\u202Bاج ت ماعات يمكن ك المش اركة ف يها\u202C\n\u202Bويمكن ك الت سج يل أيًض ا إذ ا كنت\u202C\n" +
            "\u202Bالاج ت ماع يوم الاث ن ي ن \u202A14\u202C ديسمبر \u202A.2026\u202C\u202C\n\u202Bالاج ت ماع ف ي \u202ABrackenfield Central Library,\u202C\u202C";

        Assert.Equal(found, PdfChecks.HasRightToLeftSentence(Extracted, sentence));
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();
}
