using System.IO.Compression;
using System.Xml;

namespace CoProduce.Web.Domain.Commissioning;

public sealed record AttachmentCheck(bool IsAllowed, string SafeFileName, string ContentType, string? Problem);

/// <summary>
/// Which files may be attached to evidence: PDF, Word and images, up to 10 MB each. The type is
/// read from the file itself, not trusted from the browser or the name: its first bytes, and for
/// a .docx (which starts like any ZIP file) the package's list of parts. The original name is kept
/// only in a safe form.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 100;

    private static readonly (string Extension, string ContentType, byte[] Signature)[] Allowed =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        (".doc", "application/msword", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
    ];

    private const string DocxExtension = ".docx";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string WordMainDocumentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>[Content_Types].xml is a short list; anything much bigger is not a real one.</summary>
    private const int ContentTypesMaxBytes = 1024 * 1024;

    /// <param name="fileName">The name the browser sent.</param>
    /// <param name="length">The file's size in bytes.</param>
    /// <param name="content">The file, from its start, seekable; read, never written or closed.</param>
    public static AttachmentCheck Check(string? fileName, long length, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The file must be seekable: a Word document is read as a package.", nameof(content));
        }
        var header = new byte[8];
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var check = Check(fileName, length, header.AsSpan(0, read));
        if (check.IsAllowed && Path.GetExtension(check.SafeFileName).Equals(DocxExtension, StringComparison.OrdinalIgnoreCase))
        {
            content.Seek(0, SeekOrigin.Begin);
            if (!IsWordPackage(content))
            {
                return Refused(check.SafeFileName);
            }
        }
        return check;
    }

    /// <summary>Checks the name, the size and the first bytes only: a .docx also needs <see cref="Check(string?, long, Stream)"/>.</summary>
    private static AttachmentCheck Check(string? fileName, long length, ReadOnlySpan<byte> header)
    {
        var safeName = SafeFileName(fileName);
        if (length == 0)
        {
            return new(false, safeName, string.Empty, "The selected file is empty");
        }
        if (length > MaxBytes)
        {
            return new(false, safeName, string.Empty, "The selected file must be smaller than 10MB");
        }
        var extension = Path.GetExtension(safeName).ToLowerInvariant();
        foreach (var (allowedExtension, contentType, signature) in Allowed)
        {
            if (extension == allowedExtension && header.StartsWith(signature))
            {
                return new(true, safeName, contentType, null);
            }
        }
        return Refused(safeName);
    }

    private static AttachmentCheck Refused(string safeName) =>
        new(false, safeName, string.Empty, "The selected file must be a PDF, Word document, JPG or PNG");

    /// <summary>
    /// True when the ZIP file is a Word document: its [Content_Types].xml names a WordprocessingML
    /// main document part, and that part is in the package. Any other ZIP (or a broken one) is not.
    /// </summary>
    public static bool IsWordPackage(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var package = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var contentTypes = package.Entries.FirstOrDefault(e => e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase));
            if (contentTypes is null || contentTypes.Length > ContentTypesMaxBytes)
            {
                return false;
            }
            var mainParts = MainDocumentParts(contentTypes);
            return mainParts.Any(part => package.Entries.Any(e => e.FullName.Equals(part.TrimStart('/'), StringComparison.OrdinalIgnoreCase)));
        }
        catch (Exception notAPackage) when (notAPackage is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The part names [Content_Types].xml gives the WordprocessingML main document type.</summary>
    private static List<string> MainDocumentParts(ZipArchiveEntry contentTypes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ContentTypesMaxBytes,
            IgnoreComments = true,
        };
        using var stream = contentTypes.Open();
        using var reader = XmlReader.Create(stream, settings);
        var parts = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Override" && reader.NamespaceURI == ContentTypesNamespace
                && string.Equals(reader.GetAttribute("ContentType")?.Trim(), WordMainDocumentType, StringComparison.OrdinalIgnoreCase)
                && reader.GetAttribute("PartName") is { Length: > 1 } partName)
            {
                parts.Add(partName);
            }
        }
        return parts;
    }

    /// <summary>Keeps letters, digits, spaces, dots, hyphens and underscores; drops any folder part.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new string(name.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' ? c : '_').ToArray()).Trim(' ', '.');
        if (kept.Length == 0)
        {
            kept = "attachment";
        }
        if (kept.Length > FileNameMaxLength)
        {
            // Keep a short extension; a long "extension" is just part of the name.
            var extension = Path.GetExtension(kept);
            kept = extension.Length is > 0 and <= 10
                ? kept[..(FileNameMaxLength - extension.Length)] + extension
                : kept[..FileNameMaxLength];
        }
        return kept;
    }
}
