using System.Diagnostics;
using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Admin;

/// <summary>What the seed command was asked to do: how many times a large council's data to make.</summary>
public sealed record SeedArguments(int Scale);

/// <summary>The seed command's command line, read before the app is built.</summary>
public sealed record SeedCommandLine(bool IsSeed, SeedArguments? Seed, bool ShowHelp, string? Error, string[] HostArguments);

/// <summary>
/// <c>seed --scale N</c>: fills a new, empty database with the demo accounts and N times a large
/// council's fictional data (experts, projects, activities, sign-ups, claims, batches), for
/// measuring the portal at county scale. It refuses a database that already has people or projects.
/// </summary>
public static class SeedCommand
{
    public const string Name = "seed";

    public const int Succeeded = 0;
    public const int Refused = 2;
    public const int BadArguments = 2;

    public const int LargestScale = 1000;

    /// <summary>Why a SQL Server database is refused: the generator writes rows straight to SQLite, for speed.</summary>
    public const string NotSqlite = "Nothing was changed. The seed command fills SQLite databases only (Database:Provider Sqlite, the default): it writes rows straight to SQLite, for speed.";

    public const string Usage = """
        Usage: dotnet CoProduce.Web.dll seed --scale <N>

        Fills a new or empty database with fictional data for benchmarks: the demo accounts, and N
        times a large council (N = 1: 100 experts by experience, 20 projects, 200 activities, about
        2,000 sign-ups and 2,000 claims). The database is migrated first. A database that already
        has people or projects is refused, and nothing is changed. SQLite only.
          --scale     a whole number from 1 to 1000
        Any other option is read as the app's configuration, like --Database:Provider SqlServer.
        """;

    /// <summary>Splits the command line. Anything but seed first is not this command's.</summary>
    public static SeedCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != Name)
        {
            return new SeedCommandLine(false, null, false, null, args);
        }
        int? scale = null;
        var help = false;
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var equals = args[i].IndexOf('=', StringComparison.Ordinal);
            var (option, inlineValue) = args[i].StartsWith("--", StringComparison.Ordinal) && equals > 0
                ? (args[i][..equals], args[i][(equals + 1)..])
                : (args[i], null);
            switch (option)
            {
                case "--scale":
                    var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
                    if (value is null)
                    {
                        return Failed("--scale needs a value.", args);
                    }
                    if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > LargestScale)
                    {
                        return Failed($"--scale must be a whole number from 1 to {LargestScale}.", args);
                    }
                    scale = n;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    host.Add(args[i]);
                    break;
            }
        }
        if (help)
        {
            return new SeedCommandLine(true, null, true, null, [.. host]);
        }
        if (scale is null)
        {
            return Failed("Give --scale.", args);
        }
        return new SeedCommandLine(true, new SeedArguments(scale.Value), false, null, [.. host]);
    }

    /// <summary>
    /// Migrates the database, refuses one that has people or projects, then makes the demo data and
    /// the generated data, saying what it made and how long it took. Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, SeedArguments arguments, TextWriter output, CancellationToken cancellationToken, Action? checkKeys = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var watch = Stopwatch.StartNew();

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            if (!db.Database.IsSqlite())
            {
                await output.WriteLineAsync(NotSqlite);
                return Refused;
            }
            // Look before migrating, so that a database in use is not changed at all.
            if ((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any() && await HasPeopleOrProjectsAsync(db, cancellationToken))
            {
                await output.WriteLineAsync("Nothing was changed. This database already has people or projects: the seed command fills only a new or empty database.");
                return Refused;
            }
            await DatabaseSetup.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
            if (await HasPeopleOrProjectsAsync(db, cancellationToken))
            {
                await output.WriteLineAsync("Nothing was changed. This database already has people or projects: the seed command fills only a new or empty database.");
                return Refused;
            }
            // The demo data encrypts: a wrong data-protection certificate stops the command here.
            checkKeys?.Invoke();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
        await output.WriteLineAsync($"Migrated the database and added the demo accounts ({Seconds(watch.Elapsed)}).");

        var made = await new ScaleDataGenerator(services, arguments.Scale, output).GenerateAsync(cancellationToken);

        await output.WriteLineAsync($"Made scale {arguments.Scale.ToString(CultureInfo.InvariantCulture)} data in {Seconds(watch.Elapsed)}:");
        foreach (var (what, count) in made.Counts)
        {
            await output.WriteLineAsync($"  {what}: {count.ToString("N0", CultureInfo.InvariantCulture)}");
        }
        await output.WriteLineAsync($"Every demo account has the demo password. Generated experts sign in with it too, for example {made.SampleExpertEmail}.");
        return Succeeded;
    }

    private static async Task<bool> HasPeopleOrProjectsAsync(CoProduceDbContext db, CancellationToken cancellationToken) =>
        await db.Users.AnyAsync(cancellationToken) || await db.CommissioningProjects.AnyAsync(cancellationToken)
        || await db.ExpertProfiles.AnyAsync(cancellationToken);

    private static string Seconds(TimeSpan elapsed) => $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static SeedCommandLine Failed(string error, string[] args) => new(true, null, false, error, args);
}
