using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CoProduce.Tests.Shared;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>
/// Checks an easy-read PDF with Poppler's tools, as a reader's software would see it: tagged,
/// holding every sentence of its page, all text at least 16 point, every picture a figure with
/// its words. PNG renders of each PDF are saved under artifacts/easy-read for people to look at.
/// </summary>
public static partial class PdfChecks
{
    /// <summary>
    /// A word's box from pdftotext is its font's ascent plus descent, not its size: for 16 point
    /// text, 19.8 points in Atkinson Hyperlegible and 18.6 in DejaVu Sans (the page numbers), the
    /// smallest of the fonts the documents use. So every box must be at least 18.5 points: 16 point
    /// text in any of them passes, and Atkinson Hyperlegible under 15 point fails (a test shows 14 does).
    /// </summary>
    public const double SmallestWordBox = 18.5;

    /// <summary>Runs every check of one document against its web page, and saves its PNG pages.</summary>
    public static async Task AssertEasyReadAsync(byte[] pdf, IHtmlDocument page, string name)
    {
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var file = Path.Combine(Path.GetTempPath(), $"easy-read-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var info = await RunAsync("pdfinfo", file);
            Assert.Matches(@"(?m)^Tagged:\s+yes", info);

            var extracted = await RunAsync("pdftotext", "-enc", "UTF-8", file, "-");
            var text = Normalise(extracted);
            var rightToLeft = page.QuerySelector(".app-easy-read[dir=rtl], html[dir=rtl]") is not null;
            foreach (var sentence in PageSentences(page))
            {
                Assert.True(rightToLeft ? HasRightToLeftParagraph(extracted, sentence) : text.Contains(Normalise(sentence), StringComparison.Ordinal),
                    $"The PDF of {name} lacks \"{sentence}\".");
            }

            var heights = WordHeights(await RunAsync("pdftotext", "-bbox", file, "-"));
            Assert.NotEmpty(heights);
            var small = heights.Where(h => h.Height < SmallestWordBox).ToList();
            Assert.True(small.Count == 0, $"The PDF of {name} has text under 16 point: " + string.Join(", ", small.Take(5).Select(s => $"\"{s.Word}\" {s.Height:0.0}")));

            var pictures = page.QuerySelectorAll(".app-easy-read__section img")
                .Select(i => i.GetAttribute("alt") ?? string.Empty).ToList();
            Assert.All(pictures, alt => Assert.False(string.IsNullOrWhiteSpace(alt)));
            var structure = await RunAsync("pdfinfo", "-struct", file);
            Assert.Equal(pictures.Count, Regex.Count(structure, @"(?m)^\s*Figure\s*$"));
            Assert.Equal(pictures.Order(StringComparer.Ordinal), AltTexts(pdf).Order(StringComparer.Ordinal));

            await SavePngsAsync(file, name);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The sentences and headings of the document on a page (not the site's own header and footer).</summary>
    public static IReadOnlyList<string> PageSentences(IHtmlDocument page) =>
        page.QuerySelectorAll(".app-easy-read__title, .app-easy-read__heading, .app-easy-read__section .app-easy-read__text p, .app-easy-read__note")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    /// <summary>Each word's height in points, from pdftotext -bbox.</summary>
    public static IReadOnlyList<(string Word, double Height)> WordHeights(string bbox) =>
        WordBox().Matches(bbox).Select(m => (m.Groups["word"].Value,
            double.Parse(m.Groups["yMax"].Value, CultureInfo.InvariantCulture) - double.Parse(m.Groups["yMin"].Value, CultureInfo.InvariantCulture))).ToList();

    /// <summary>The /Alt text of every element of the structure tree, read from the PDF's (possibly compressed) objects.</summary>
    public static IReadOnlyList<string> AltTexts(byte[] pdf)
    {
        var chunks = new List<byte[]> { pdf };
        var raw = Encoding.Latin1.GetString(pdf);
        foreach (Match stream in StreamStart().Matches(raw))
        {
            var start = stream.Index + stream.Length;
            var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }
            try
            {
                using var input = new ZLibStream(new MemoryStream(pdf, start, end - start), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                chunks.Add(output.ToArray());
            }
            catch (InvalidDataException)
            {
                // Not a compressed stream (an image, a font): no structure in it.
            }
        }
        var alts = new List<string>();
        foreach (var chunk in chunks)
        {
            foreach (Match alt in AltEntry().Matches(Encoding.Latin1.GetString(chunk)))
            {
                alts.Add(alt.Groups["hex"].Success ? FromHex(alt.Groups["hex"].Value) : FromLiteral(alt.Groups["literal"].Value));
            }
        }
        return alts;
    }

    public static async Task SavePngsAsync(string pdfFile, string name)
    {
        var folder = TestArtifacts.Folder("easy-read");
        foreach (var old in Directory.GetFiles(folder, name + "-*.png"))
        {
            File.Delete(old);
        }
        await RunAsync("pdftoppm", "-r", "60", "-png", pdfFile, Path.Combine(folder, name));
    }

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        // Poppler 22 warns about PDF 2.0 structure types it does not know (Strong): not a failure.
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
        return await output;
    }

    /// <summary>
    /// Whether a right-to-left sentence is in the PDF's text. Poppler gives Arabic back in reading
    /// order, but wraps each run in direction marks, breaks words where Chromium's joined letters
    /// sit apart ("اج ت ماعات"), may put a vowel mark before its letter, and moves a full stop, a
    /// number or an English phrase to the other end of a line that mixes directions. So both sides
    /// are reduced to their letters and digits, without marks, and compared without spaces: a
    /// sentence all in Arabic letters must be there whole and in order; a sentence that mixes in
    /// digits or English must have each of its words there.
    /// </summary>
    /// <summary>
    /// A paragraph of one sentence must be there whole and in order. In a paragraph of two
    /// sentences, a printed line can hold the end of one and the start of the next, and the reader
    /// gives that line's two parts in either order: each sentence's words must then all be there.
    /// </summary>
    public static bool HasRightToLeftParagraph(string pdfText, string paragraph)
    {
        var sentences = CoProduce.Web.Domain.EasyRead.PlainEnglishChecker.Sentences(paragraph).ToList();
        if (sentences.Count <= 1)
        {
            return HasRightToLeftSentence(pdfText, paragraph);
        }
        var letters = LettersOnly(pdfText);
        return sentences.SelectMany(s => LetterRun().Matches(s)).Select(m => LettersOnly(m.Value)).Where(w => w.Length > 0)
            .All(w => letters.Contains(w, StringComparison.Ordinal));
    }

    public static bool HasRightToLeftSentence(string pdfText, string sentence)
    {
        var letters = LettersOnly(pdfText);
        var words = LetterRun().Matches(sentence).Select(m => LettersOnly(m.Value)).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return true;
        }
        return words.All(w => w.All(c => c >= '\u0600' && c <= '\u06FF'))
            ? letters.Contains(string.Concat(words), StringComparison.Ordinal)
            : words.All(w => letters.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Letters and digits only, in their plain forms (not the joined forms a PDF may hold), without vowel marks.</summary>
    private static string LettersOnly(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));

    /// <summary>One space for any run of white space: lines in a PDF break where the page's do not.</summary>
    private static string Normalise(string text) => Whitespace().Replace(text.Replace("\u00AD", string.Empty), " ").Trim();

    private static string FromHex(string hex)
    {
        var bytes = Convert.FromHexString(Regex.Replace(hex, @"\s", string.Empty));
        return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
            ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
            : Encoding.Latin1.GetString(bytes);
    }

    private static string FromLiteral(string literal)
    {
        var text = Regex.Replace(literal, @"\\([()\\])", "$1");
        var bytes = Encoding.Latin1.GetBytes(text);
        return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : text;
    }

    [GeneratedRegex(@"<word xMin=""[\d.]+"" yMin=""(?<yMin>[\d.]+)"" xMax=""[\d.]+"" yMax=""(?<yMax>[\d.]+)"">(?<word>[^<]*)</word>")]
    private static partial Regex WordBox();

    [GeneratedRegex(@"stream\r?\n")]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"/Alt\s*(?:<(?<hex>[0-9A-Fa-f\s]*)>|\((?<literal>(?:\\.|[^\\)])*)\))")]
    private static partial Regex AltEntry();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+")]
    private static partial Regex LetterRun();
}
