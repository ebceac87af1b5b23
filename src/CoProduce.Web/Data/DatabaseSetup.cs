using CoProduce.Web.Data.Seeding;
using CoProduce.Web.Features.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Data;

/// <summary>Which database the portal uses: SQLite (embedded default) or SQL Server (production).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations when the portal starts. Production may prefer the idempotent script.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seed demo accounts and fictional data into an empty database. Never on by default for SQL Server.</summary>
    public bool? SeedDemoData { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

internal static class DatabaseSetup
{
    public const string ConnectionStringName = "CoProduce";

    public static IServiceCollection AddCoProduceDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));

        // The provider is fixed when the app starts; the connection string is read when the first
        // context is made, so that tests and hosting environments can supply their own.
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<CoProduceDbContext, SqliteCoProduceDbContext>((sp, o) =>
                    o.UseSqlite(PrepareSqliteConnectionString(
                        sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
                        sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<CoProduceDbContext, SqlServerCoProduceDbContext>((sp, o) =>
                {
                    var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException(
                            $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set.");
                    }
                    o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or SqlServer.");
        }

        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoPayments>();
        services.AddScoped<DemoFeedback>();
        return services;
    }

    /// <summary>
    /// Default: a file in the app's data folder (App_Data). A relative file path is taken from the
    /// app's folder, and the file's folder is created if it is missing.
    /// </summary>
    internal static string PrepareSqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/coproduce.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Projects made before the tier rules existed have no tier: they are assessed once, at
    /// start-up, through <see cref="RuleSetService"/>, which writes the audit entries.
    /// </summary>
    internal static Task AssessUnassessedProjectsAsync(CoProduceDbContext db, TimeProvider clock) =>
        new RuleSetService(db, clock).AssessUnassessedProjectsAsync(CancellationToken.None);

    private static async Task SendDemoEmailAsync(WebApplication app)
    {
        try
        {
            await DemoDataSeeder.SendDemoInvitationEmailAsync(app.Services, app.Lifetime.ApplicationStopping);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            app.Logger.LogWarning(failed, "The demo invitation email was not added");
        }
    }

    /// <summary>
    /// Applies the migrations this version has and the data every database needs after them: at
    /// start-up (<see cref="DatabaseOptions.MigrateOnStartup"/>) and from the create-lead command.
    /// </summary>
    internal static async Task MigrateAsync(CoProduceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await AssessUnassessedProjectsAsync(db, clock);
        await Features.Payments.PaymentReferenceData.EnsureAsync(db, clock, cancellationToken);
    }

    /// <summary>At start-up, when <see cref="DatabaseOptions.MigrateOnStartup"/>: see <see cref="MigrateAsync"/>.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            await MigrateAsync(db, app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        }
    }

    /// <summary>
    /// Demo data into an empty database, when <see cref="DatabaseOptions.SeedDemoData"/> says so.
    /// The demo bank details are encrypted with the data-protection keys, so this runs after the
    /// keys have been checked (<c>CheckDataProtectionKeys</c>): asking for the current key can
    /// make a new one.
    /// </summary>
    public static async Task SeedDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var seed = options.SeedDemoData ?? options.Provider == DatabaseProvider.Sqlite;
        if (seed)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
            if (app.Environment.IsDevelopment())
            {
                if (seeded)
                {
                    // So that an easy-read email can be seen straight after the first run (in the mail pickup folder).
                    app.Lifetime.ApplicationStarted.Register(() => _ = SendDemoEmailAsync(app));
                }
                var password = DemoDataSeeder.PasswordFrom(app.Configuration);
                foreach (var account in DemoDataSeeder.Accounts)
                {
                    app.Logger.LogInformation("Demo account: {Email} / {Password} ({Role})", account.Email, password, account.Role);
                }
            }
        }
    }
}
