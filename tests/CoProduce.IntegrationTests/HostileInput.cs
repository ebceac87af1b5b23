namespace CoProduce.IntegrationTests;

/// <summary>
/// What a hostile or careless visitor types into a form, by kind. Every markup value carries a
/// marker starting <see cref="MarkerPrefix"/>, as a tag or attribute name or inside a script, so
/// that a page showing it as markup rather than as text can be caught.
/// </summary>
public static class HostileInput
{
    public const string MarkerPrefix = "zqx";

    public sealed record Category(string Name, IReadOnlyList<string> Values);

    public static readonly IReadOnlyList<Category> Categories =
    [
        new("empty", [""]),
        new("whitespace", [" ", "   ", "\t", "\r\n", "\u00A0", "\u3000", " \n \t "]),
        new("long", [new string('a', 10_000), new string('é', 10_000), string.Concat(Enumerable.Repeat("9", 10_000)), string.Concat(Enumerable.Repeat("<b>", 3_400))]),
        new("control", ["\0", "a\0b", "\u0001\u0002\u0003", "\u001B[31mred", "\u007F", "line one\nline two", "\b\f\v", "tab\there"]),
        new("direction and invisible", ["\u202Eevil.exe", "\u200B", "abc\u200Bdef", "\u200D", "\uFEFF", "\u2066isolated\u2069", "\u061Cmark", "e\u0301\u0301\u0301"]),
        new("emoji and script", ["😀", "👩‍👩‍👧‍👦", "𝕳𝖊𝖑𝖑𝖔", "ﷺ", "Ω≈ç√∫", "Ｔｅｓｔ", "İstanbul", "ß", "中文", "العربية"]),
        new("markup", [
            "<script>zqx1()</script>",
            "<zqx2>",
            "\"><zqx3>",
            "'><zqx4>",
            "\" zqx5=\"1",
            "' zqx6='1",
            "<img src=x onerror=zqx7()>",
            "<svg onload=zqx8()>",
            "</textarea><zqx9>",
            "</title><zqx10>",
            "<!--zqx11-->",
            "javascript:zqx12()",
            "<a href=\"javascript:zqx13()\">link</a>",
            "<iframe srcdoc=\"zqx14\"></iframe>",
            "@zqx15 @(1+1) {{zqx15}}",
            "<style>zqx16{}</style>",
        ]),
        new("sql", ["' OR '1'='1", "'; DROP TABLE AspNetUsers; --", "1; SELECT * FROM AspNetUsers", "\" OR \"\"=\"", "%", "_", "%%_%", "\\", "1' UNION SELECT NULL--", "' /*", "[", "]'"]),
        new("signs", ["-0", "-1", "-0.00", "+5", "--1", "£-0", "-£5"]),
        new("huge numbers", ["1e400", "99999999999999999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "79228162514264337593543950336", "1e6", "Infinity", "-Infinity", "NaN"]),
        new("decimals", ["1.005", "0.001", "12.345", "1,5", "1.2.3", ".5", "5.", "0.25", "24.01", "1,000,000.999"]),
        new("numbers", ["0", "1", "00000000001", "0x10", "١٢٣", "１２", "1_000", "  7  ", "25", "501", "100001"]),
        new("dates", ["31/2/2026", "29/02/2027", "2026-02-31", "0000-00-00", "31 February 2026", "32", "13", "0", "99999", "-1"]),
        new("tampered ids", ["0", "-1", "999999", "2147483648", "00000000-0000-0000-0000-000000000000", "not-a-guid", "11111111-1111-1111-1111-111111111111", "1 OR 1=1", "../1", "1,2"]),
        new("choices", ["Approved", "attended", "OPEN", "Open,Closed", "999", "Draft", "Cancelled", "ExpertByExperience", "CoProductionLead", "true", "false", "on", "yes ", "null"]),
        new("paths and addresses", ["../../etc/passwd", "C:\\Windows\\win.ini", "%00", "%2e%2e%2f", "\\\\server\\share", "file:///etc/passwd", "http://evil.example/", "//evil.example", "x@.", "Jo <jo@example.org>", "a@b", "é@é.é"]),
        new("templates and formats", ["${7*7}", "#{7*7}", "{0}", "%s%s%s%n", "{{7*7}}", "[]", "{}", "{\"a\":1}", "undefined", "\\u0000"]),
    ];

    /// <summary>Impossible and edge dates for a day, month and year set of boxes.</summary>
    public static readonly IReadOnlyList<(string Day, string Month, string Year)> Dates =
    [
        ("31", "2", "2026"), ("29", "2", "2027"), ("0", "1", "2026"), ("1", "13", "2026"), ("1", "1", "0"), ("1", "1", "99999"),
        ("-1", "-1", "-1"), ("1e400", "1", "2026"), ("31", "4", "2026"), ("1", "1", "1899"), ("31", "12", "9999"), ("", "2", "2026"),
    ];

    /// <summary>Fields a form does not have, added as if the page had been edited.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> ExtraFields =
    [
        new("Id", "1"), new("OwnerId", "someone-else"), new("UserId", "someone-else"), new("Status", "Approved"), new("Tier", "1"),
        new("IsAdmin", "true"), new("Roles", "CoProductionLead"), new("Version", "00000000-0000-0000-0000-000000000000"),
        new("ExpertProfileId", "1"), new("Decision", "approve"), new("__proto__", "x"), new("a[0]", "x"), new("a[99999999]", "x"), new("[", "x"),
    ];

    public static int Count => Categories.Sum(c => c.Values.Count);

    /// <summary>Some parts of an upload, by kind: an empty file, a wrong type, a tricky name, a ZIP that is not Word.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Content)> Files =
    [
        ("empty.pdf", []),
        ("program.pdf", "MZ\u0090\0\u0003"u8.ToArray()),
        ("../../notes.pdf", "%PDF-1.7\n"u8.ToArray()),
        ("<zqx17>.pdf", "%PDF-1.7\n"u8.ToArray()),
        ("\u202Efdp.exe", "%PDF-1.7\n"u8.ToArray()),
        ("notes.docx", "PK\u0003\u0004 not really a zip"u8.ToArray()),
        (new string('n', 300) + ".pdf", "%PDF-1.7\n"u8.ToArray()),
    ];
}
