using CoProduce.Web.Domain.Payments;

namespace CoProduce.UnitTests.Payments;

/// <summary>A receipt is a photo or a PDF, known by its first bytes, never by its name or claimed type.</summary>
public sealed class ReceiptFilesTests
{
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // first bytes (hex), name sent, content type found (null: refused), name kept
        { "FFD8FFE000104A464946", "receipt.jpg", "image/jpeg", "receipt.jpg" },
        { "FFD8FFE1", "IMG_0042.HEIC", "image/jpeg", "IMG_0042.jpg" },
        { "89504E470D0A1A0A0000000D", "bus.png", "image/png", "bus.png" },
        { "52494646240000005745425056503820", "photo.webp", "image/webp", "photo.webp" },
        { "0000001C667479706865696300000000", "IMG_0042.HEIC", "image/heic", "IMG_0042.heic" },
        { "000000186674797068656978", "photo", "image/heic", "photo.heic" },
        { "0000001C667479706D69663100000000", "photo.heif", "image/heic", "photo.heic" },
        { "255044462D312E37", "ticket.pdf", "application/pdf", "ticket.pdf" },
        { "255044462D312E37", "../../etc/passwd", "application/pdf", "passwd.pdf" },
        // Not a photo or PDF, whatever it is called.
        { "3C7363726970743E", "receipt.jpg", null, null },
        { "504B0304", "receipt.pdf", null, null },
        { "52494646240000005741564520", "sound.webp", null, null },
        { "0000001C6674797069736F6D", "video.heic", null, null },
        { "FFD8", "short.jpg", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFirstBytesDecide(string hex, string fileName, string? contentType, string? keptName)
    {
        var header = Convert.FromHexString(hex);

        var check = ReceiptFiles.Check(fileName, 1000, header);

        Assert.Equal(contentType is not null, check.IsAllowed);
        Assert.Equal(contentType ?? string.Empty, check.ContentType);
        if (keptName is not null)
        {
            Assert.Equal(keptName, check.SafeFileName);
        }
        else
        {
            Assert.Equal("The receipt must be a photo (JPG, PNG, WebP or HEIC) or a PDF", check.Problem);
        }
    }

    [Theory]
    [InlineData(0L, "The selected file is empty")]
    [InlineData(1L, null)]
    [InlineData(ReceiptFiles.MaxBytes, null)]
    [InlineData(ReceiptFiles.MaxBytes + 1, "The receipt must be smaller than 10MB")]
    public void UpTo10MB(long length, string? problem)
    {
        var check = ReceiptFiles.Check("receipt.pdf", length, "%PDF-1.7"u8);

        Assert.Equal(problem, check.Problem);
        Assert.Equal(problem is null, check.IsAllowed);
    }
}
