using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Files;

/// <summary>
/// Where uploaded files live, under a key the portal chooses (32 hex digits, never the uploader's
/// file name). By default in the database (<see cref="DatabaseFileStore"/>), so that every instance
/// of the portal can serve a file any of them received; a folder on disk
/// (<see cref="LocalFileStore"/>) suits one instance.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Stores the content and returns its new key. The store saves it at once, on its own: a caller
    /// whose own save then fails leaves a file nothing refers to, never a reference to no file.
    /// </summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file, if it is there (retention). Returns whether there was one.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>Where uploaded files are kept (setting <c>Files:Store</c>).</summary>
public enum FileStoreKind
{
    /// <summary>In the database: every instance reads every file. The default.</summary>
    Database,

    /// <summary>In <see cref="FileStoreOptions.Folder"/> on this machine's disk: for one instance only.</summary>
    Folder,
}

public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>10 MB: the most any upload form accepts today.</summary>
    public const long DefaultMostBytes = 10 * 1024 * 1024;

    public FileStoreKind Store { get; set; } = FileStoreKind.Database;

    /// <summary>Relative to the app's folder unless absolute. Used when <see cref="Store"/> is <see cref="FileStoreKind.Folder"/>.</summary>
    public string Folder { get; set; } = "App_Data/files";

    /// <summary>
    /// The largest file the store keeps. The upload forms check the size first and explain it by
    /// the field; this is the store's own backstop, so it must be at least what they allow.
    /// </summary>
    public long MostBytes { get; set; } = DefaultMostBytes;
}

/// <summary>A file larger than <see cref="FileStoreOptions.MostBytes"/> reached the store: a form let it through.</summary>
public sealed class FileTooLargeException(long mostBytes)
    : InvalidOperationException($"The file is larger than the {mostBytes} bytes the file store keeps (Files:MostBytes). The upload form should have refused it.")
{
    public long MostBytes { get; } = mostBytes;
}

/// <summary>Keys are the store's own: 32 hex digits. Anything else is refused rather than looked up.</summary>
internal static class FileKeys
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? key) => key is { Length: StoredFile.KeyLength } && key.All(Uri.IsHexDigit);
}

/// <summary>Keeps files in a folder on disk, named by a random key. Only for a single instance.</summary>
internal sealed class LocalFileStore(IOptions<FileStoreOptions> options, IWebHostEnvironment environment) : IFileStore
{
    private string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var bytes = await FileContent.ReadAtMostAsync(content, options.Value.MostBytes, cancellationToken);
        Directory.CreateDirectory(Folder);
        var key = FileKeys.New();
        await File.WriteAllBytesAsync(Path.Combine(Folder, key), bytes, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!FileKeys.IsValid(key))
        {
            return Task.FromResult<Stream?>(null);
        }
        var path = Path.Combine(Folder, key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!FileKeys.IsValid(key))
        {
            return Task.FromResult(false);
        }
        var path = Path.Combine(Folder, key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }
        File.Delete(path);
        return Task.FromResult(true);
    }
}

/// <summary>Reading an upload into memory without ever holding more than the limit allows.</summary>
internal static class FileContent
{
    /// <summary>
    /// The stream's bytes, read a buffer at a time; throws <see cref="FileTooLargeException"/> as
    /// soon as more than <paramref name="mostBytes"/> have come, having read at most one byte more.
    /// </summary>
    public static async Task<byte[]> ReadAtMostAsync(Stream content, long mostBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var kept = new MemoryStream();
        var buffer = new byte[81_920];
        while (true)
        {
            // Never ask for more than one byte past the limit: that byte is enough to know it is too large.
            var room = mostBytes + 1 - kept.Length;
            var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, room)), cancellationToken);
            if (read == 0)
            {
                return kept.ToArray();
            }
            kept.Write(buffer, 0, read);
            if (kept.Length > mostBytes)
            {
                throw new FileTooLargeException(mostBytes);
            }
        }
    }
}

internal static class FileStoreSetup
{
    public static IServiceCollection AddCoProduceFileStore(this IServiceCollection services, IConfiguration configuration)
    {
        var formsAllow = Math.Max(Domain.Payments.ReceiptFiles.MaxBytes, Domain.Commissioning.AttachmentRules.MaxBytes);
        services.AddOptions<FileStoreOptions>()
            .Bind(configuration.GetSection(FileStoreOptions.Section))
            .Validate(o => o.MostBytes >= formsAllow,
                $"Files:MostBytes must be at least {formsAllow} bytes, the most the upload forms accept: the forms explain a file that is too large, the store only refuses one that got past them")
            .ValidateOnStart();
        var store = configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>()?.Store ?? FileStoreKind.Database;
        if (store == FileStoreKind.Folder)
        {
            services.AddSingleton<IFileStore, LocalFileStore>();
        }
        else
        {
            services.AddSingleton<IFileStore, DatabaseFileStore>();
        }
        return services;
    }
}
