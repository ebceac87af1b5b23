namespace CoProduce.Web.Infrastructure.Files;

/// <summary>
/// Where uploaded files live: outside the database, under a key the portal chooses (never the
/// uploader's file name). Tests replace it; production could swap in blob storage.
/// </summary>
public interface IFileStore
{
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file, if it is there (retention). Returns whether there was one.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);
}

public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Relative to the app's folder unless absolute.</summary>
    public string Folder { get; set; } = "App_Data/files";
}

/// <summary>Keeps files in a folder on disk, named by a random key.</summary>
internal sealed class LocalFileStore(Microsoft.Extensions.Options.IOptions<FileStoreOptions> options, IWebHostEnvironment environment) : IFileStore
{
    private string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var key = Guid.NewGuid().ToString("N");
        await using var file = File.Create(Path.Combine(Folder, key));
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        // Keys are ours (32 hex digits): anything else is refused rather than looked up.
        if (key.Length != 32 || !key.All(Uri.IsHexDigit))
        {
            return Task.FromResult<Stream?>(null);
        }
        var path = Path.Combine(Folder, key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        if (key.Length != 32 || !key.All(Uri.IsHexDigit))
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

internal static class FileStoreSetup
{
    public static IServiceCollection AddCoProduceFileStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.Section));
        services.AddSingleton<IFileStore, LocalFileStore>();
        return services;
    }
}
