using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Options;

namespace CoProduce.UnitTests.EasyRead;

/// <summary>The small pieces every easy-read document is made of: bold facts, times, and the public PDF cache.</summary>
public sealed class EasyReadBuildingBlocksTests
{
    [Theory]
    [InlineData("It is on {0}.", new[] { "Monday" }, "It is on |*Monday*|.")]
    [InlineData("{0} to {1}", new[] { "10am", "midday" }, "*10am*| to |*midday*")]
    // A translation may put the facts in another order.
    [InlineData("ends {1}, starts {0}", new[] { "10am", "midday" }, "ends |*midday*|, starts |*10am*")]
    [InlineData("No facts here.", new string[0], "No facts here.")]
    public void Bold_PutsEachFactInBold_InThePatternsOrder(string pattern, string[] facts, string expected)
    {
        var sentence = EasyReadSentence.Bold(pattern, facts);

        Assert.Equal(expected, string.Join("|", sentence.Parts.Select(p => p.Strong ? $"*{p.Text}*" : p.Text)));
    }

    [Fact]
    public void Bold_APlaceholderWithNoFact_IsRefused() =>
        Assert.Throws<FormatException>(() => EasyReadSentence.Bold("It is on {1}.", "Monday"));

    [Theory]
    [InlineData(10, 0, "10am")]
    [InlineData(14, 30, "2:30pm")]
    [InlineData(12, 0, "midday")]
    [InlineData(0, 0, "midnight")]
    [InlineData(12, 30, "12:30pm")]
    [InlineData(0, 15, "12:15am")]
    public void Time_InEnglish_IsWrittenAsGovUkWritesIt(int hour, int minute, string expected) =>
        Assert.Equal(expected, new EasyReadWords(EasyReadLanguage.English).Time(new TimeOnly(hour, minute)));

    [Fact]
    public void Time_InArabic_UsesThe24HourClock() =>
        Assert.Equal("14:30", new EasyReadWords(EasyReadLanguage.Arabic).Time(new TimeOnly(14, 30)));

    [Fact]
    public async Task PublicPdfCache_SameContent_IsPrintedOnce_NewContent_IsPrintedAgain()
    {
        using var cache = new PublicPdfCache(Options.Create(new PdfOptions()));
        var prints = 0;
        Task<byte[]> Print() => Task.FromResult(new[] { (byte)++prints });

        var first = await cache.GetOrPrintAsync("<p>programme</p>", Print);
        var again = await cache.GetOrPrintAsync("<p>programme</p>", Print);
        var changed = await cache.GetOrPrintAsync("<p>programme, with a new meeting</p>", Print);

        Assert.Equal((1, 1, 2, 2), (first[0], again[0], changed[0], prints));
    }

    [Fact]
    public async Task PublicPdfCache_TurnedOff_PrintsEveryTime()
    {
        using var cache = new PublicPdfCache(Options.Create(new PdfOptions { KeepPublicPdfs = false }));
        var prints = 0;
        Task<byte[]> Print() => Task.FromResult(new[] { (byte)++prints });

        await cache.GetOrPrintAsync("<p>programme</p>", Print);
        await cache.GetOrPrintAsync("<p>programme</p>", Print);

        Assert.Equal(2, prints);
    }
}
