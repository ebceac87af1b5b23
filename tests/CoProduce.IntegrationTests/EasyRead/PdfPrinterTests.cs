using System.Diagnostics;
using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>Alone, so that the only Chromium this test process runs meanwhile is the one measured.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PdfMemoryTests
{
    public const string Name = "PDF printer memory";
}

/// <summary>The PDF printer shared by the whole app: bounded, restarted when its browser dies, and harmless without one.</summary>
[Collection(PdfMemoryTests.Name)]
public sealed class PdfPrinterTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task TwentyPdfsAtOnce_AllSucceed_WithNoMoreThanTheBoundPrintingAtATime()
    {
        var printer = portal.Services.GetRequiredService<ChromiumPdfPrinter>();
        var bound = portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PdfOptions>>().Value.MaxConcurrentPrints;
        // Straight to the printer: the programme's address would answer most of these from its cache.
        await using var scope = portal.Services.CreateAsyncScope();
        var output = scope.ServiceProvider.GetRequiredService<EasyReadOutput>();
        var document = await scope.ServiceProvider.GetRequiredService<ProgrammeDocument>().BuildAsync(EasyReadLanguage.English, 1, CancellationToken.None);
        await output.PdfAsync(document, CancellationToken.None); // the browser is warm

        var mostAtOnce = 0;
        long mostMemory = 0;
        using var done = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                mostAtOnce = Math.Max(mostAtOnce, printer.PrintsInProgress);
                mostMemory = Math.Max(mostMemory, BrowserMemoryBytes());
                await Task.Delay(20);
            }
        });
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => output.PdfAsync(document, CancellationToken.None)));
        await done.CancelAsync();
        await watcher;

        Assert.All(pdfs, pdf => Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5)));
        Assert.InRange(mostAtOnce, 1, bound);
        // One browser with at most the bound's pages open. Measured here at about 500 MB (proportional set size); a
        // browser opening twenty pages at once passes 1.3 GB.
        Assert.InRange(mostMemory, 1, 800_000_000);
        Console.WriteLine($"PDF browser memory at most {mostMemory / 1_000_000} MB, {mostAtOnce} prints at once");
    }

    [Fact]
    public async Task BrowserDied_NextPdf_StartsItAgain()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/programme.pdf", UriKind.Relative))).StatusCode);

        // As if it crashed: every Chromium process this test process started is killed outright.
        var killed = 0;
        foreach (var process in Process.GetProcessesByName("chromium").Concat(Process.GetProcessesByName("chrome")))
        {
            using (process)
            {
                if (DescendsFrom(process.Id, Environment.ProcessId))
                {
                    process.Kill();
                    killed++;
                }
            }
        }
        Assert.True(killed > 0, "No browser was running to kill.");
        var again = await client.GetAsync(new Uri("/programme.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("application/pdf", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SizeCheck_FourteenPointText_IsCaught()
    {
        // The 16 point check must be able to fail: the same font at 14 point is below its limit, at 16 point it is not.
        var printer = portal.Services.GetRequiredService<IPdfPrinter>();
        const string Page = "<!DOCTYPE html><html lang=\"en\"><head><title>Sizes</title><link rel=\"stylesheet\" href=\"/lib/easy-read-print.css\"></head>" +
            "<body><p style=\"font-size:{0}pt\">Some words to measure</p></body></html>";

        var fourteen = await HeightsAsync(await printer.PrintAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, 14), "<span></span>", CancellationToken.None));
        var sixteen = await HeightsAsync(await printer.PrintAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, 16), "<span></span>", CancellationToken.None));

        Assert.All(fourteen, h => Assert.True(h.Height < PdfChecks.SmallestWordBox, $"14 point \"{h.Word}\" is {h.Height:0.0} high"));
        Assert.All(sixteen, h => Assert.True(h.Height >= PdfChecks.SmallestWordBox, $"16 point \"{h.Word}\" is {h.Height:0.0} high"));
    }

    [Fact]
    public async Task PagesAreReused_YetEachPdfHasOnlyItsOwnDocument()
    {
        // Prints are made in warm pages kept between documents: one person's words must never reach another's PDF.
        var printer = portal.Services.GetRequiredService<IPdfPrinter>();
        const string Page = "<!DOCTYPE html><html lang=\"en\"><head><title>{0}</title><link rel=\"stylesheet\" href=\"/lib/easy-read-print.css\"></head>" +
            "<body><h1>{0}</h1><p>{1}</p></body></html>";
        var names = Enumerable.Range(1, ChromiumPdfPrinter.PrintsPerPage + 3).Select(n => $"Person{n}Name").ToList();

        // More prints than a page is kept for, one after another: reused pages, then a replaced one.
        var texts = new List<string>();
        foreach (var name in names)
        {
            var pdf = await printer.PrintAsync(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, name, name + " lives at " + name + " Road"),
                "<span></span>", CancellationToken.None);
            texts.Add(await TextAsync(pdf));
        }

        for (var i = 0; i < names.Count; i++)
        {
            Assert.Contains(names[i] + " lives at", texts[i], StringComparison.Ordinal);
            var others = names.Where((_, j) => j != i).Where(other => texts[i].Contains(other, StringComparison.Ordinal)).ToList();
            Assert.True(others.Count == 0, $"PDF {i + 1} also has {string.Join(", ", others)}");
        }
    }

    private static async Task<string> TextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"text-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return await PdfChecks.RunAsync("pdftotext", file, "-");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<IReadOnlyList<(string Word, double Height)>> HeightsAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sizes-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return PdfChecks.WordHeights(await PdfChecks.RunAsync("pdftotext", "-bbox", file, "-"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The resident memory of every Chromium process this test process started.</summary>
    private static long BrowserMemoryBytes()
    {
        var me = Environment.ProcessId;
        long total = 0;
        foreach (var process in Process.GetProcessesByName("chromium").Concat(Process.GetProcessesByName("chrome")))
        {
            using (process)
            {
                try
                {
                    if (DescendsFrom(process.Id, me))
                    {
                        total += ProportionalMemoryBytes(process.Id);
                    }
                }
                catch (Exception ended) when (ended is InvalidOperationException or IOException or UnauthorizedAccessException)
                {
                    // It ended while we looked.
                }
            }
        }
        return total;
    }

    /// <summary>
    /// A process's proportional set size: its own memory plus its share of what it shares with
    /// the browser's other processes, so adding them up counts shared memory once.
    /// </summary>
    private static long ProportionalMemoryBytes(int pid)
    {
        var file = $"/proc/{pid}/smaps_rollup";
        if (!File.Exists(file))
        {
            return 0;
        }
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private static bool DescendsFrom(int pid, int ancestor)
    {
        for (var i = 0; i < 10 && pid > 1; i++)
        {
            var stat = File.Exists($"/proc/{pid}/stat") ? File.ReadAllText($"/proc/{pid}/stat") : null;
            if (stat is null)
            {
                return false;
            }
            // Field 4, after the name in parentheses.
            var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            if (parent == ancestor)
            {
                return true;
            }
            pid = parent;
        }
        return false;
    }
}

/// <summary>A portal on a machine without Chromium: pages still work and say plainly that PDFs cannot be made.</summary>
public sealed class NoChromiumPortal : CoProduceAppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pdf:ChromiumPath", "/nowhere/chromium");
    }
}

public sealed class NoChromiumTests(NoChromiumPortal portal) : IClassFixture<NoChromiumPortal>
{
    [Fact]
    public async Task Page_WithoutChromium_WorksAndSaysThePdfCannotBeMade()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.GetAsync(new Uri("/programme", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Null(page.QuerySelector("a.app-easy-read__pdf-link"));
        Assert.Contains("You cannot download this as a PDF at the moment", page.QuerySelector(".app-easy-read__no-pdf")?.TextContent);
    }

    [Fact]
    public async Task Pdf_WithoutChromium_IsAPlainPageNotAServerError()
    {
        using var client = portal.CreatePortalClient();
        var response = await client.GetAsync(new Uri("/programme.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("The PDF cannot be made at the moment", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/programme']"));
    }
}
