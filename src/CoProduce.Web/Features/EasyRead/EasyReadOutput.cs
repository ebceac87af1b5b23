using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>An easy-read document as a web page: the document, where its PDF is, and its other languages.</summary>
public sealed record EasyReadPage(EasyReadDocument Document, string PdfUrl, bool PdfAvailable, IReadOnlyList<EasyReadLanguageLink> Languages)
{
    public EasyReadWords Words { get; } = new(Document.Language);
}

/// <summary>A link to the same document in another language.</summary>
public sealed record EasyReadLanguageLink(EasyReadLanguage Language, string Href);

/// <summary>Shown instead of a PDF that could not be made: the page itself still works.</summary>
public sealed record PdfUnavailablePage(string DocumentTitle, string PageUrl);

/// <summary>
/// Shows an easy-read document as a page, or prints it to a tagged PDF. The PDF is the same
/// document through the print view (<c>Print.cshtml</c>), so page and PDF never say different things.
/// </summary>
public sealed class EasyReadOutput(ViewRenderer views, IPdfPrinter printer, PublicPdfCache cache)
{
    public const string PageView = "/Features/EasyRead/Document.cshtml";
    public const string PrintView = "/Features/EasyRead/Print.cshtml";
    public const string UnavailableView = "/Features/EasyRead/PdfUnavailable.cshtml";

    /// <summary>
    /// The page model. <paramref name="path"/> is the page's address without a query; the PDF is
    /// at the same address with ".pdf" and the same query (a page number, a language).
    /// </summary>
    public EasyReadPage Page(EasyReadDocument document, string path, string? query = null, bool translated = false)
    {
        var pdf = path + ".pdf" + Query(query, document.Language, translated);
        var languages = translated
            ? EasyReadLanguage.All.Where(l => l != document.Language).Select(l => new EasyReadLanguageLink(l, path + Query(query, l, true))).ToList()
            : [];
        return new EasyReadPage(document, pdf, printer.IsAvailable, languages);
    }

    /// <summary>The document printed to PDF.</summary>
    /// <exception cref="PdfUnavailableException">No PDF could be made.</exception>
    public async Task<byte[]> PdfAsync(EasyReadDocument document, CancellationToken cancellationToken, HttpContext? httpContext = null)
    {
        var html = await views.RenderAsync(PrintView, document, httpContext);
        return await printer.PrintAsync(html, new EasyReadWords(document.Language).PdfFooter(), cancellationToken);
    }

    /// <summary>
    /// The PDF as a download, or a plain page saying it cannot be made now (503), never a server
    /// error. A public document (<paramref name="isPublic"/>: the same for everyone) is kept for a
    /// while by its exact content, so many visitors do not print the same PDF again and again;
    /// a person's own document is never kept.
    /// </summary>
    public async Task<IActionResult> PdfResultAsync(Controller controller, EasyReadDocument document, string pageUrl, CancellationToken cancellationToken,
        bool isPublic = false)
    {
        try
        {
            var html = await views.RenderAsync(PrintView, document, controller.HttpContext);
            var footer = new EasyReadWords(document.Language).PdfFooter();
            var pdf = isPublic
                ? await cache.GetOrPrintAsync(html + footer, () => printer.PrintAsync(html, footer, cancellationToken))
                : await printer.PrintAsync(html, footer, cancellationToken);
            return controller.File(pdf, "application/pdf", document.FileName);
        }
        catch (PdfUnavailableException)
        {
            controller.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            controller.Response.Headers.RetryAfter = "60";
            return controller.View(UnavailableView, new PdfUnavailablePage(document.Title, pageUrl));
        }
    }

    private static string Query(string? query, EasyReadLanguage language, bool translated)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(query))
        {
            parts.Add(query.TrimStart('?'));
        }
        if (translated && language != EasyReadLanguage.English)
        {
            parts.Add("lang=" + language.Code);
        }
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}

/// <summary>
/// Public PDFs by the hash of what was printed: the same content gives the same PDF, so a change
/// to the data gives a new one at once. Bounded in size; entries go after ten minutes unused.
/// Each instance keeps its own: it is only a saving, never needed.
/// </summary>
public sealed class PublicPdfCache(Microsoft.Extensions.Options.IOptions<PdfOptions> options) : IDisposable
{
    private readonly MemoryCache _pdfs = new(new MemoryCacheOptions
    {
        SizeLimit = 50_000_000,
    });

    public async Task<byte[]> GetOrPrintAsync(string content, Func<Task<byte[]>> print)
    {
        if (!options.Value.KeepPublicPdfs)
        {
            return await print();
        }
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
        if (_pdfs.TryGetValue(key, out byte[]? kept) && kept is not null)
        {
            return kept;
        }
        var pdf = await print();
        _pdfs.Set(key, pdf, new MemoryCacheEntryOptions
        {
            Size = pdf.Length,
            SlidingExpiration = TimeSpan.FromMinutes(10),
        });
        return pdf;
    }

    public void Dispose() => _pdfs.Dispose();
}
