using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.Web.Domain.Payments;

public sealed record ReceiptFileCheck(bool IsAllowed, string SafeFileName, string ContentType, string? Problem);

/// <summary>
/// Which files may be a receipt: a photo (JPEG, PNG, WebP or HEIC, as phones take them) or a PDF,
/// up to 10 MB. The type is read from the file's first bytes only: the name and the type the
/// browser claims are never trusted, since a phone's photo may arrive with any name. The name kept
/// for showing is made safe and given the extension of the type found.
/// </summary>
public static class ReceiptFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>How many first bytes <see cref="Check"/> needs.</summary>
    public const int HeaderLength = 16;

    public const string Accept = ".jpg,.jpeg,.png,.webp,.heic,.heif,.pdf,image/*,application/pdf";

    /// <summary>ISO media "brands" of HEIC and HEIF photos, as iPhones and Android phones write them.</summary>
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    /// <param name="fileName">The name the browser sent, for showing only.</param>
    /// <param name="length">The file's size in bytes.</param>
    /// <param name="header">The file's first bytes (at least <see cref="HeaderLength"/> when it is that long).</param>
    public static ReceiptFileCheck Check(string? fileName, long length, ReadOnlySpan<byte> header)
    {
        var safeName = AttachmentRules.SafeFileName(fileName);
        if (length <= 0)
        {
            return new(false, safeName, string.Empty, "The selected file is empty");
        }
        if (length > MaxBytes)
        {
            return new(false, safeName, string.Empty, "The receipt must be smaller than 10MB");
        }
        if (TypeOf(header) is not var (extension, contentType))
        {
            return new(false, safeName, string.Empty, "The receipt must be a photo (JPG, PNG, WebP or HEIC) or a PDF");
        }
        return new(true, WithExtension(safeName, extension), contentType, null);
    }

    private static (string Extension, string ContentType)? TypeOf(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return (".pdf", "application/pdf");
        }
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (".png", "image/png");
        }
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (".jpg", "image/jpeg");
        }
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return (".webp", "image/webp");
        }
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8)
            && HeifBrands.Contains(System.Text.Encoding.ASCII.GetString(header[8..12])))
        {
            return (".heic", "image/heic");
        }
        return null;
    }

    private static string WithExtension(string safeName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(safeName);
        return (stem.Length == 0 ? "receipt" : stem) + extension;
    }
}
