using System.Globalization;
using System.Resources;
using System.Text.Json;
using CoProduce.Web.Domain.EasyRead;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>
/// An easy-read document, whatever it is about: a title and sections of rows, each row one idea
/// with a picture on the left and one or two short sentences on the right. Every document kind
/// is built into this one shape, so one view shows them all as a page and as a PDF.
/// </summary>
public sealed record EasyReadDocument(EasyReadDocumentKind Kind, string Title, EasyReadLanguage Language, IReadOnlyList<EasyReadSection> Sections, string FileName)
{
    /// <summary>Every sentence of the document, as plain text: what the PDF must contain.</summary>
    public IEnumerable<string> Sentences => Sections.SelectMany(s => (s.Heading is null ? [] : new[] { s.Heading })
        .Concat(s.Rows.SelectMany(r => r.Sentences.Select(x => x.Text))));
}

/// <summary>A part of a document under one heading (none for the opening rows).</summary>
public sealed record EasyReadSection(string? Heading, IReadOnlyList<EasyReadRow> Rows);

/// <summary>One idea: its picture and its sentences.</summary>
public sealed record EasyReadRow(Picture Picture, IReadOnlyList<EasyReadSentence> Sentences)
{
    public EasyReadRow(Picture picture, params EasyReadSentence[] sentences) : this(picture, (IReadOnlyList<EasyReadSentence>)sentences)
    {
    }
}

/// <summary>A piece of a sentence: plain, in bold (the facts people need, such as a date), or a link.</summary>
public sealed record EasyReadPart(string Text, bool Strong = false, string? Href = null);

/// <summary>A sentence, made of parts.</summary>
public sealed record EasyReadSentence(IReadOnlyList<EasyReadPart> Parts)
{
    public string Text => string.Concat(Parts.Select(p => p.Text));

    public static implicit operator EasyReadSentence(string text) => new([new EasyReadPart(text)]);

    /// <summary>
    /// A sentence from a pattern with its facts in bold: Bold("The meeting is on {0}.", date)
    /// makes the date bold, which is how easy read marks what matters.
    /// </summary>
    public static EasyReadSentence Bold(string pattern, params string[] facts)
    {
        // Placeholders may come in any order: a translation can put {1} before {0}.
        var parts = new List<EasyReadPart>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match placeholder in System.Text.RegularExpressions.Regex.Matches(pattern, @"\{(\d+)\}"))
        {
            var index = int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index >= facts.Length)
            {
                throw new FormatException($"The pattern \"{pattern}\" has {{{index}}} but only {facts.Length} facts were given.");
            }
            if (placeholder.Index > at)
            {
                parts.Add(new EasyReadPart(pattern[at..placeholder.Index]));
            }
            parts.Add(new EasyReadPart(facts[index], Strong: true));
            at = placeholder.Index + placeholder.Length;
        }
        if (at < pattern.Length)
        {
            parts.Add(new EasyReadPart(pattern[at..]));
        }
        return new EasyReadSentence(parts);
    }

    /// <summary>A sentence that is a link, such as where to say yes or no.</summary>
    public static EasyReadSentence Link(string text, string href) => new([new EasyReadPart(text, Href: href)]);
}

/// <summary>
/// The ideas the documents have pictures for. Which picture shows each idea is set in one place,
/// <c>pictures.json</c>; the words for people who cannot see it are Picture_&lt;Name&gt; in the
/// resource file.
/// </summary>
public enum Picture
{
    Meeting, OnlineMeeting, VideoCall, Date, Time, Place, Map, Bus, Train, Taxi, Car, Walk,
    Money, Payment, Bank, Voucher, Receipt, Purse, Benefits, NoFee,
    Question, Help, SupportWorker, Interpreter, AnotherLanguage, HearingLoop, StepFreeAccess, QuietRoom, Toilet,
    FoodAndDrink, HotDrink, Break, ThankYou, YouSaid, WeDid, WeWillDo, WeCannotDo,
    Phone, TextMessage, Email, Letter, Writing, Document, Printer, Home, Council,
    Listening, Talking, Idea, Yes, No, Important, Information, EasyRead, Waiting, Cancelled, Change, Private,
    TaxYear, Chart, WorkingWell, NotWorking, Future, SignUp, Link, Handshake, People, Announcement,
}

/// <summary>Where each picture's file is: built from <c>pictures.json</c>, which the build also copies from.</summary>
public static class EasyReadPictures
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Sources = new(() =>
    {
        using var stream = typeof(EasyReadPictures).Assembly.GetManifestResourceStream("CoProduce.Web.EasyReadPictures.json")
            ?? throw new InvalidOperationException("The easy-read picture map is not in the build.");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        return map.Where(p => !p.Key.StartsWith('_')).ToDictionary(p => p.Key, p => p.Value);
    });

    /// <summary>The names pictures.json gives, other than its notes.</summary>
    public static IEnumerable<string> Names => Sources.Value.Keys;

    /// <summary>"OnlineMeeting" is "online-meeting" in pictures.json and in the file's name.</summary>
    public static string NameOf(Picture picture) =>
        string.Concat(picture.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The picture's address in the web root: an OpenMoji code becomes an SVG; a council's own file keeps its type.</summary>
    public static string Url(Picture picture)
    {
        var name = NameOf(picture);
        var source = Sources.Value.TryGetValue(name, out var s) ? s : throw new InvalidOperationException($"pictures.json has no picture for \"{name}\".");
        var extension = Path.HasExtension(source) ? Path.GetExtension(source) : ".svg";
        return $"/lib/pictures/{name}{extension}";
    }
}

/// <summary>A language the documents can be read in, with its direction.</summary>
public sealed record EasyReadLanguage(string Code, string Name, bool RightToLeft)
{
    public static readonly EasyReadLanguage English = new("en-GB", "English", false);

    /// <summary>A sample right-to-left language: the documents' fixed text is translated; what organisers write is not.</summary>
    public static readonly EasyReadLanguage Arabic = new("ar", "العربية", true);

    public static readonly IReadOnlyList<EasyReadLanguage> All = [English, Arabic];

    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>The language asked for ("ar"), or English for anything else.</summary>
    public static EasyReadLanguage From(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.Code.Split('-')[0], code, StringComparison.OrdinalIgnoreCase)) ?? English;

    /// <summary>The culture for dates, with the Gregorian calendar whatever the language's default.</summary>
    public CultureInfo Culture
    {
        get
        {
            var culture = (CultureInfo)CultureInfo.GetCultureInfo(Code).Clone();
            if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
            {
                culture.DateTimeFormat.Calendar = new GregorianCalendar();
            }
            return culture;
        }
    }
}

/// <summary>
/// The documents' fixed words, from <c>Resources/EasyReadText.resx</c> and its translations
/// (<c>EasyReadText.ar.resx</c>). A word missing from a translation falls back to English.
/// </summary>
public sealed class EasyReadWords(EasyReadLanguage language)
{
    internal static readonly ResourceManager Resources = new("CoProduce.Web.Features.EasyRead.Resources.EasyReadText", typeof(EasyReadWords).Assembly);

    private readonly CultureInfo _culture = language.Culture;

    public EasyReadLanguage Language => language;

    public string this[string key] => Resources.GetString(key, _culture) ?? throw new KeyNotFoundException($"EasyReadText.resx has no \"{key}\".");

    /// <summary>A sentence with its facts in bold.</summary>
    public EasyReadSentence Bold(string key, params string[] facts) => EasyReadSentence.Bold(this[key], facts);

    public string PictureText(Picture picture) => this["Picture_" + picture];

    /// <summary>"Tuesday 3 March 2026", in the document's language.</summary>
    public string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", _culture);

    /// <summary>"10am", "2:30pm" and "midday" in English, as GOV.UK writes them; the 24-hour clock in other languages.</summary>
    public string Time(TimeOnly time)
    {
        if (!language.Code.StartsWith("en", StringComparison.Ordinal))
        {
            return time.ToString("H:mm", _culture);
        }
        if (time.Minute == 0 && time.Hour is 0 or 12)
        {
            return time.Hour == 12 ? "midday" : "midnight";
        }
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0 ? $"{hour}{suffix}" : $"{hour}:{time.Minute:00}{suffix}";
    }

    /// <summary>Chromium's footer: "Page 2 of 5", in 16 point like the rest of the document.</summary>
    public string PdfFooter() =>
        $"<div dir=\"{language.Direction}\" lang=\"{language.Code}\" style=\"width:100%;text-align:center;font-size:16pt;font-family:'DejaVu Sans',sans-serif;\">" +
        string.Format(_culture, this["PageNumber"], "<span class=\"pageNumber\"></span>", "<span class=\"totalPages\"></span>") + "</div>";
}

/// <summary>
/// Writes a sentence's parts as HTML with nothing between them, so a bold fact is not followed by a
/// stray space. What organisers write (a title, a place) may be in another language than the
/// document's, so headings, sentences and facts each take their direction from their own words.
/// </summary>
public static class EasyReadHtml
{
    public static Microsoft.AspNetCore.Html.IHtmlContent Sentence(EasyReadSentence sentence)
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        foreach (var part in sentence.Parts)
        {
            if (part.Href is not null)
            {
                html.AppendHtml("<a class=\"govuk-link\" href=\"").Append(part.Href).AppendHtml("\">").Append(part.Text).AppendHtml("</a>");
            }
            else if (part.Strong)
            {
                // Its own direction: an English place or amount in an Arabic sentence stays in its order.
                html.AppendHtml("<strong dir=\"auto\">").Append(part.Text).AppendHtml("</strong>");
            }
            else
            {
                html.Append(part.Text);
            }
        }
        return html;
    }
}
