using System.IO.Compression;
using System.Text;

namespace CoProduce.Tests.Shared;

/// <summary>Small files for upload tests, made in memory.</summary>
public static class TestFiles
{
    public const string WordMainDocumentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>The smallest Word document Word would open: content types, relationships and a body.</summary>
    public static byte[] WordDocument(string text = "Workshop notes") => Zip(new()
    {
        ["[Content_Types].xml"] = ContentTypes(("/word/document.xml", WordMainDocumentType)),
        ["_rels/.rels"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """,
        ["word/document.xml"] = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>
            """,
    });

    /// <summary>[Content_Types].xml naming the given parts with the given types.</summary>
    public static string ContentTypes(params (string PartName, string ContentType)[] overrides) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
        + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"""
        + string.Concat(overrides.Select(o => $"""<Override PartName="{o.PartName}" ContentType="{o.ContentType}"/>"""))
        + "</Types>";

    /// <summary>A ZIP file with the given entries, as text.</summary>
    public static byte[] Zip(Dictionary<string, string> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
