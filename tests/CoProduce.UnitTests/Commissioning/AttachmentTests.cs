using CoProduce.Web.Domain.Commissioning;
using CoProduce.Tests.Shared;

namespace CoProduce.UnitTests.Commissioning;

public sealed class AttachmentTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Exe = "MZ\x90\0\x03\0\0\0"u8.ToArray();

    public static TheoryData<string, long, byte[], bool, string, string?> AttachmentCases => new()
    {
        { "minutes.pdf", 1000, Pdf, true, "application/pdf", null },
        { "photo.PNG", 1000, Png, true, "image/png", null },
        { "minutes.pdf", AttachmentRules.MaxBytes, Pdf, true, "application/pdf", null },
        { "minutes.pdf", AttachmentRules.MaxBytes + 1, Pdf, false, "", "The selected file must be smaller than 10MB" },
        { "minutes.pdf", 0, [], false, "", "The selected file is empty" },
        { "virus.pdf", 1000, Exe, false, "", "The selected file must be a PDF, Word document, JPG or PNG" },
        { "minutes.exe", 1000, Pdf, false, "", "The selected file must be a PDF, Word document, JPG or PNG" },
        { "photo.pdf", 1000, Png, false, "", "The selected file must be a PDF, Word document, JPG or PNG" },
    };

    [Theory]
    [MemberData(nameof(AttachmentCases))]
    public void Check_Attachments(string name, long length, byte[] header, bool allowed, string contentType, string? problem)
    {
        var check = AttachmentRules.Check(name, length, new MemoryStream(header));

        Assert.Equal((allowed, contentType, problem), (check.IsAllowed, check.ContentType, check.Problem));
    }

    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static TheoryData<string, byte[], bool> WordCases => new()
    {
        { "a real Word document", TestFiles.WordDocument(), true },
        { "any other ZIP file", TestFiles.Zip(new() { ["readme.txt"] = "Not a document" }), false },
        { "a spreadsheet", TestFiles.Zip(new()
            {
                ["[Content_Types].xml"] = TestFiles.ContentTypes(("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
                ["xl/workbook.xml"] = "<workbook/>",
            }), false },
        { "a macro-enabled Word document", TestFiles.Zip(new()
            {
                ["[Content_Types].xml"] = TestFiles.ContentTypes(("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")),
                ["word/document.xml"] = "<document/>",
            }), false },
        { "content types naming a main part that is not there", TestFiles.Zip(new()
            {
                ["[Content_Types].xml"] = TestFiles.ContentTypes(("/word/document.xml", TestFiles.WordMainDocumentType)),
            }), false },
        { "content types with a DTD", TestFiles.Zip(new()
            {
                ["[Content_Types].xml"] = "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x \"x\">]>" + TestFiles.ContentTypes(("/word/document.xml", TestFiles.WordMainDocumentType)).Split("?>", 2)[1],
                ["word/document.xml"] = "<document/>",
            }), false },
        { "content types that are not XML", TestFiles.Zip(new() { ["[Content_Types].xml"] = "<Types", ["word/document.xml"] = "<document/>" }), false },
        { "a ZIP file cut short", TestFiles.WordDocument()[..200], false },
    };

    [Theory]
    [MemberData(nameof(WordCases))]
    public void Check_Docx_OnlyARealWordDocument(string what, byte[] content, bool allowed)
    {
        var check = AttachmentRules.Check("notes.docx", content.Length, new MemoryStream(content));

        Assert.True(allowed == check.IsAllowed, what);
        Assert.Equal(allowed ? WordType : string.Empty, check.ContentType);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(@"C:\Users\sam\Evidence notes.pdf", "Evidence notes.pdf")]
    [InlineData("<script>.pdf", "_script_.pdf")]
    [InlineData("...", "attachment")]
    [InlineData(null, "attachment")]
    [InlineData("Minutes 12.03 and a very long title with no real extension that goes on and on and on past the limit of names we keep", "Minutes 12.03 and a very long title with no real extension that goes on and on and on past the limit")]
    public void SafeFileName_DropsFoldersAndOddCharacters(string? name, string expected) =>
        Assert.Equal(expected, AttachmentRules.SafeFileName(name));
}
