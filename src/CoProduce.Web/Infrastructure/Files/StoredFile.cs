namespace CoProduce.Web.Infrastructure.Files;

/// <summary>
/// An uploaded file kept in the database, so that every instance of the portal can serve a file
/// that any of them received. The key is the portal's own (32 hex digits), never the uploader's
/// file name; the name to show is kept by whatever the file belongs to (a receipt, an attachment).
/// </summary>
public sealed class StoredFile
{
    public const int KeyLength = 32;

    private StoredFile()
    {
    }

    public StoredFile(string key, byte[] content, DateTime createdUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(content);
        Key = key;
        Content = content;
        Length = content.LongLength;
        CreatedUtc = createdUtc;
    }

    public string Key { get; private set; } = string.Empty;

    public byte[] Content { get; private set; } = [];

    /// <summary>The size in bytes, kept beside the content so that it can be read without it.</summary>
    public long Length { get; private set; }

    public DateTime CreatedUtc { get; private set; }
}
