using CoProduce.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Files;

/// <summary>
/// Keeps each file as a <see cref="StoredFile"/> row, so that every instance of the portal, on one
/// database, serves a file that any of them received, and a backup of the database holds the files.
/// Each call uses a context of its own: a file is saved at once, in its own save, before the
/// caller's change (a receipt on a claim, an attachment on evidence) is saved. That change may
/// start again from a fresh copy after a concurrent edit, clearing what its context tracks, so the
/// file is not left to it. A change that then fails leaves a file nothing refers to: no page can
/// reach it, since only a receipt or an attachment leads to a key.
/// </summary>
internal sealed class DatabaseFileStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FileStoreOptions> options) : IFileStore
{
    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var bytes = await FileContent.ReadAtMostAsync(content, options.Value.MostBytes, cancellationToken);
        var key = FileKeys.New();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        db.StoredFiles.Add(new StoredFile(key, bytes, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!FileKeys.IsValid(key))
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Key == key).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!FileKeys.IsValid(key))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.StoredFiles.Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
