using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using CoProduce.Web.Features.EasyRead;

namespace CoProduce.UnitTests.EasyRead;

/// <summary>The Arabic sample translates the documents' shared words, the programme and every picture's words.</summary>
public sealed partial class ArabicTextTests
{
    private static readonly CultureInfo Arabic = EasyReadLanguage.Arabic.Culture;

    private static Dictionary<string, string> Entries(CultureInfo culture) =>
        EasyReadWords.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void SharedWords_TheProgramme_AndEveryPicture_AreInArabic_WithTheirPlaceholders()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var arabic = Entries(Arabic);
        var shared = new[] { "PageNumber", "Attribution", "AttributionLicence", "Web_DownloadPdf", "Web_PdfSize", "Web_PdfUnavailable", "Web_OtherLanguages", "Web_EasyReadVersion" };
        var keys = english.Keys.Where(k => k.StartsWith("Programme_", StringComparison.Ordinal) || k.StartsWith("Picture_", StringComparison.Ordinal))
            .Concat(shared).ToList();

        Assert.True(keys.Count > 100, $"{keys.Count} keys");
        Assert.All(keys, key =>
        {
            Assert.True(arabic.TryGetValue(key, out var text), $"No Arabic for {key}");
            Assert.Matches(ArabicLetter(), text);
            Assert.Equal(Placeholders(english[key]), Placeholders(text!));
        });
        // Nothing translated that English does not have.
        Assert.Empty(arabic.Keys.Except(english.Keys));
    }

    [Fact]
    public void Dates_AreGregorian_InArabicWords()
    {
        var words = new EasyReadWords(EasyReadLanguage.Arabic);

        Assert.Equal("الثلاثاء 3 مارس 2026", words.Date(new DateOnly(2026, 3, 3)));
        Assert.Equal("14:30", words.Time(new TimeOnly(14, 30)));
        Assert.Equal("صفحة {0} من {1}", words["PageNumber"]);
    }

    private static List<string> Placeholders(string text) => [.. Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();
}
