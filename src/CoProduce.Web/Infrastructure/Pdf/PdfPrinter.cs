using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CoProduce.Web.Infrastructure.Pdf;

/// <summary>How PDFs are printed (section <c>Pdf</c>).</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium to print with. When empty, the usual Debian and Chrome paths are tried.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How many documents are printed at once; more wait their turn, so the browser's memory stays bounded.</summary>
    public int MaxConcurrentPrints { get; set; } = 2;

    /// <summary>How long one print may take, including waiting for a turn, before it is given up.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Keep public PDFs (the same for everyone) in memory by their content, so they are not printed again. Off to measure printing.</summary>
    public bool KeepPublicPdfs { get; set; } = true;

    internal static readonly string[] UsualChromiumPaths =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
}

/// <summary>A PDF could not be made: there is no browser, it timed out or the browser failed. The page itself still works.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Prints an HTML document to a tagged PDF.</summary>
public interface IPdfPrinter
{
    /// <summary>Whether a browser to print with is installed: when not, pages say PDFs cannot be made.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Prints <paramref name="html"/> as A4 with the footer given (Chromium's header and footer
    /// template: <c>pageNumber</c> and <c>totalPages</c> classes are filled in). The document's
    /// styles, fonts and pictures are read from the app's own web root, never the network.
    /// </summary>
    /// <exception cref="PdfUnavailableException">No PDF could be made.</exception>
    Task<byte[]> PrintAsync(string html, string footerTemplate, CancellationToken cancellationToken);
}

/// <summary>
/// One headless Chromium for the whole app, started at the first print and shared by every
/// request: at most <see cref="PdfOptions.MaxConcurrentPrints"/> documents at once, each with a
/// timeout, each in a warm page kept between prints (one per turn, each in its own browser
/// context). Nothing of one person's document reaches the next: the documents have no scripts,
/// storage or network, and the page is blanked after each print and replaced after
/// <see cref="PrintsPerPage"/> prints or any failure. If the
/// browser dies it is started again at the next print. The browser has no network: the page's
/// own requests are answered from the web root, anything else is refused.
/// </summary>
public sealed class ChromiumPdfPrinter : IPdfPrinter, IAsyncDisposable
{
    /// <summary>The made-up address documents are opened at, so their relative links resolve to our web root.</summary>
    internal const string DocumentOrigin = "https://easy-read.invalid";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly PdfOptions _options;
    private readonly IWebHostEnvironment _environment;
    private readonly ILogger<ChromiumPdfPrinter> _log;
    private readonly SemaphoreSlim _turns;
    private readonly SemaphoreSlim _starting = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ChromiumPdfPrinter(IOptions<PdfOptions> options, IWebHostEnvironment environment, ILogger<ChromiumPdfPrinter> log)
    {
        _options = options.Value;
        _environment = environment;
        _log = log;
        _turns = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentPrints));
        ChromiumPath = string.IsNullOrWhiteSpace(_options.ChromiumPath)
            ? PdfOptions.UsualChromiumPaths.FirstOrDefault(File.Exists)
            : _options.ChromiumPath;
    }

    /// <summary>The browser used, or null when none was found.</summary>
    public string? ChromiumPath { get; }

    public bool IsAvailable => ChromiumPath is not null && File.Exists(ChromiumPath);

    /// <summary>How many documents have a browser context open now (for tests of the bound).</summary>
    internal int PrintsInProgress => Volatile.Read(ref _printing);

    /// <summary>A page is closed and a new one opened after this many prints, so that nothing builds up in it.</summary>
    internal const int PrintsPerPage = 100;

    private const string BlankDocument = "<!DOCTYPE html><html lang=\"en\"><head><title>Document</title></head><body></body></html>";

    private readonly ConcurrentBag<WarmPage> _warmPages = [];
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)?> _webRootFiles = new(StringComparer.Ordinal);
    private int _printing;
    private volatile bool _disposed;

    public async Task<byte[]> PrintAsync(string html, string footerTemplate, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            throw new PdfUnavailableException("No Chromium is installed to print PDFs with.");
        }
        if (_disposed)
        {
            throw new PdfUnavailableException("The portal is shutting down.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await _turns.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfUnavailableException("Every PDF printer was busy for too long.");
        }
        try
        {
            // A browser that died since the last print is replaced once; a second failure is reported.
            for (var attempt = 1; ; attempt++)
            {
                var browser = await BrowserAsync(timeout.Token);
                try
                {
                    return await PrintWithAsync(browser, html, footerTemplate, timeout.Token);
                }
                catch (PlaywrightException failed) when (!browser.IsConnected && attempt == 1 && !timeout.IsCancellationRequested)
                {
                    _log.LogWarning(failed, "The PDF browser stopped; starting it again");
                    await ForgetAsync(browser);
                }
                catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // A browser that does not answer in time may be hung: the next print starts a new one.
                    await ForgetAsync(browser);
                    throw;
                }
            }
        }
        catch (Exception failed) when (!cancellationToken.IsCancellationRequested && failed is not PdfUnavailableException)
        {
            // Anything the browser or its driver throws: the person is told the PDF cannot be made now.
            _log.LogError(failed, "A PDF could not be printed");
            throw new PdfUnavailableException("The PDF could not be printed.", failed);
        }
        finally
        {
            _turns.Release();
        }
    }

    private async Task<byte[]> PrintWithAsync(IBrowser browser, string html, string footerTemplate, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var warm = TakeWarmPage(browser) ?? await OpenPageAsync(browser, cancellationToken);
        Interlocked.Increment(ref _printing);
        var keep = false;
        try
        {
            await using var cancel = cancellationToken.Register(() => _ = warm.Context.CloseAsync());
            // The page is already at the document address with the stylesheet and fonts loaded once:
            // only the document itself is new.
            await warm.Page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            // Print only once the web fonts are in, or the PDF could fall back to another font.
            await warm.Page.EvaluateAsync("() => document.fonts.ready");
            var pdf = await warm.Page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Tagged = true,
                Outline = true,
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = footerTemplate,
                Margin = new Margin { Top = "15mm", Bottom = "25mm", Left = "15mm", Right = "15mm" },
            });
            cancellationToken.ThrowIfCancellationRequested();
            // Nothing of this person's document stays in the page the next document is printed in.
            await warm.Page.SetContentAsync(BlankDocument);
            keep = ++warm.Prints < PrintsPerPage;
            _log.LogDebug("Printed a PDF of {Bytes} bytes in {Milliseconds} ms", pdf.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return pdf;
        }
        finally
        {
            Interlocked.Decrement(ref _printing);
            if (keep && browser.IsConnected && !_disposed)
            {
                _warmPages.Add(warm);
            }
            else
            {
                await CloseQuietlyAsync(warm.Context);
            }
        }
    }

    /// <summary>A page kept open between prints, in its own browser context; at most one per turn.</summary>
    private sealed class WarmPage(IBrowser browser, IBrowserContext context, IPage page)
    {
        public IBrowser Browser { get; } = browser;
        public IBrowserContext Context { get; } = context;
        public IPage Page { get; } = page;
        public int Prints { get; set; }
    }

    /// <summary>A page left by an earlier print in this browser, or null. Pages of a browser since replaced are closed.</summary>
    private WarmPage? TakeWarmPage(IBrowser browser)
    {
        while (_warmPages.TryTake(out var warm))
        {
            if (ReferenceEquals(warm.Browser, browser) && browser.IsConnected && !warm.Page.IsClosed)
            {
                return warm;
            }
            _ = CloseQuietlyAsync(warm.Context);
        }
        return null;
    }

    /// <summary>
    /// A new context and page, at the document address with the stylesheet and fonts loaded: a
    /// fresh page costs several hundred milliseconds, a warm one nothing.
    /// </summary>
    private async Task<WarmPage> OpenPageAsync(IBrowser browser, CancellationToken cancellationToken)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ServiceWorkers = ServiceWorkerPolicy.Block })
            .WaitAsync(cancellationToken);
        try
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)TimeSpan.FromSeconds(_options.TimeoutSeconds).TotalMilliseconds);
            await page.RouteAsync("**/*", AnswerAsync);
            await page.GotoAsync(DocumentOrigin + "/document", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return new WarmPage(browser, context, page);
        }
        catch
        {
            await CloseQuietlyAsync(context);
            throw;
        }
    }

    /// <summary>The blank document a page starts at, or a file from the web root; every other request is refused.</summary>
    private async Task AnswerAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (!url.AbsoluteUri.StartsWith(DocumentOrigin + "/", StringComparison.Ordinal))
        {
            await route.AbortAsync();
            return;
        }
        if (url.AbsolutePath == "/document")
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = BlankDocument });
            return;
        }
        var file = WebRootFile(Uri.UnescapeDataString(url.AbsolutePath));
        if (file is null)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
            return;
        }
        await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = file.Value.ContentType, BodyBytes = file.Value.Bytes });
    }

    /// <summary>A web-root file's bytes, read once: the stylesheet, fonts and pictures do not change while the app runs.</summary>
    private (byte[] Bytes, string ContentType)? WebRootFile(string path) =>
        _webRootFiles.GetOrAdd(path, p =>
        {
            var file = _environment.WebRootFileProvider.GetFileInfo(p);
            if (!file.Exists || file.IsDirectory)
            {
                return null;
            }
            using var stream = file.CreateReadStream();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return (bytes.ToArray(), ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream");
        });

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } startedMeanwhile)
            {
                return startedMeanwhile;
            }
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }
            _playwright ??= await Playwright.CreateAsync();
            _log.LogInformation("Starting the PDF browser {Path}", ChromiumPath);
            try
            {
                _browser = await LaunchAsync(_playwright);
            }
            catch (PlaywrightException)
            {
                // The driver itself may have died: start a new one next time.
                _playwright.Dispose();
                _playwright = null;
                throw;
            }
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    private Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Timeout = (float)TimeSpan.FromSeconds(_options.TimeoutSeconds).TotalMilliseconds,
                // No sandbox: servers and containers often run as root, where Chromium's sandbox cannot start.
                // The browser only ever opens our own documents (which have no scripts), and has no
                // network: every request is answered from the web root or refused, and no name resolves.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                    "--host-resolver-rules=MAP * ~NOTFOUND"],
            });

    private async Task ForgetAsync(IBrowser browser)
    {
        await _starting.WaitAsync();
        try
        {
            if (ReferenceEquals(_browser, browser))
            {
                _browser = null;
            }
        }
        finally
        {
            _starting.Release();
        }
        await CloseQuietlyAsync(browser);
    }

    /// <summary>Closes a context whose browser may already be gone or hung, without waiting long.</summary>
    private async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (Exception closing) when (closing is PlaywrightException or TimeoutException)
        {
            _log.LogWarning(closing, "A PDF browser context did not close");
        }
    }

    /// <summary>Closes a browser that may already be gone or hung, without waiting long.</summary>
    private async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception gone) when (gone is PlaywrightException or TimeoutException)
        {
            _log.LogDebug(gone, "The PDF browser had already stopped");
        }
    }

    /// <summary>
    /// Stops at shutdown. Prints still running fail with a 503; the semaphores are not disposed,
    /// because a print finishing meanwhile still releases its turn. Safe to call more than once
    /// (the app's container knows the printer by two names).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await _starting.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                // Closing the browser closes its warm pages' contexts too.
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }
            _warmPages.Clear();
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _starting.Release();
        }
    }
}

internal static class PdfSetup
{
    public static IServiceCollection AddCoProducePdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().Bind(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<IPdfPrinter>(sp => sp.GetRequiredService<ChromiumPdfPrinter>());
        return services;
    }
}
