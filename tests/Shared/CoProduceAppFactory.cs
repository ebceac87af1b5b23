using CoProduce.Web.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Tests.Shared;

/// <summary>
/// The real app, on a real SQLite file of its own (migrated and seeded at start-up, as in
/// production), with its own email pickup folder. Not the Development environment, so the
/// error pages, secure cookies and JSON logs are the production ones.
/// </summary>
public class CoProduceAppFactory : WebApplicationFactory<Program>
{
    static CoProduceAppFactory()
    {
        // Many apps run at once in one test process: their file watchers poll instead of each
        // holding one of the machine's inotify instances (128 per user by default).
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coproduce-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The SQLite file: its own, or another app's when <see cref="SharedDatabasePath"/> is given.</summary>
    public string DatabasePath => SharedDatabasePath ?? Path.Combine(_folder, "coproduce.db");

    /// <summary>Another app's database file, to run a second instance of the portal on one database.</summary>
    public string? SharedDatabasePath { get; init; }

    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>Edges to replace for a test (clock, email sender).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string Environment { get; init; } = "Testing";

    /// <summary>The demo accounts and projects; off to start as a council's new database does.</summary>
    public bool SeedDemoData { get; init; } = true;

    /// <summary>The portal's public address, from which every emailed link is built.</summary>
    public string PublicBaseUrl { get; set; } = "https://localhost";

    /// <summary>
    /// How often the outbox job runs. An hour by default, so that nothing is sent behind a test's
    /// back: tests send the outbox with <see cref="Outbox.SendQueuedEmailsAsync"/>.
    /// </summary>
    public int OutboxPollSeconds { get; init; } = 3600;

    /// <summary>
    /// Settings for one test, applied last. Tests sign in far more often than a person would, so
    /// the rate limits are raised out of the way unless a test sets its own here.
    /// </summary>
    public IDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    private static readonly string[] RateLimitedKinds = ["SignIn", "Registration", "PasswordReset", "Pdf"];

    /// <summary>
    /// Finance officers and leads must use an authenticator app. Off by default, so that tests
    /// sign in with a password; the two-factor tests turn it on.
    /// </summary>
    public bool RequireTwoFactorForStaff { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:CoProduce", $"Data Source={DatabasePath}");
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("Email:Outbox:PollSeconds", OutboxPollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Files:Folder", Path.Combine(_folder, "files"));
        builder.UseSetting("Database:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Security:RequireTwoFactorForStaff", RequireTwoFactorForStaff ? "true" : "false");
        foreach (var kind in RateLimitedKinds)
        {
            builder.UseSetting($"RateLimiting:{kind}:PerAddress:Permits", "1000000");
            builder.UseSetting($"RateLimiting:{kind}:PerAccount:Permits", "1000000");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => TestServices?.Invoke(services));
    }

    /// <summary>A client on https (the cookies are Secure) that does not follow redirects.</summary>
    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>The seeded demo accounts, one per role.</summary>
public static class DemoUsers
{
    public static string EmailFor(string role) => DemoDataSeeder.Accounts.Single(a => a.Role == role).Email;

    public static string Password(WebApplicationFactory<Program> factory) =>
        DemoDataSeeder.PasswordFrom(factory.Services.GetRequiredService<IConfiguration>());
}

/// <summary>Where test runs leave screenshots and scripts: artifacts/ at the repository root (git-ignored).</summary>
public static class TestArtifacts
{
    public static string Folder(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoProduce.sln")))
        {
            directory = directory.Parent;
        }
        var root = directory?.FullName ?? Path.GetTempPath();
        var folder = Path.Combine(root, "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
