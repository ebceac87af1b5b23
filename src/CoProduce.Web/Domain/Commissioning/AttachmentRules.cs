namespace CoProduce.Web.Domain.Commissioning;

public sealed record AttachmentCheck(bool IsAllowed, string SafeFileName, string ContentType, string? Problem);

/// <summary>
/// Which files may be attached to evidence: PDF, Word and images, up to 10 MB each. The type is
/// read from the file's first bytes, not trusted from the browser or the name; the original name
/// is kept only in a safe form.
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

    /// <param name="fileName">The name the browser sent.</param>
    /// <param name="length">The file's size in bytes.</param>
    /// <param name="header">At least the first 8 bytes of the file (fewer if it is shorter).</param>
    public static AttachmentCheck Check(string? fileName, long length, ReadOnlySpan<byte> header)
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
        return new(false, safeName, string.Empty, "The selected file must be a PDF, Word document, JPG or PNG");
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
