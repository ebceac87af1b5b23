using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.Admin;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>What a load balancer and whoever installs the portal rely on: the health checks and the create-lead command.</summary>
public sealed class DeploymentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task HealthChecks_MigratedDatabase_AnswerHealthyInPlainTextNeverCached(string path)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task HealthChecks_DatabaseUnreachable_LiveStaysHealthyReadyDoesNot()
    {
        // Read-only access to a database file that does not exist: SQLite cannot open it.
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db");
        using var app = new CoProduceAppFactory().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:CoProduce", $"Data Source={missing};Mode=ReadOnly")
            .UseSetting("Database:MigrateOnStartup", "false")
            .UseSetting("Database:SeedDemoData", "false"));
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        // Only the word: never the exception, the file or the connection string.
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthChecks_MigrationsPending_ReadyIsUnhealthyTheDatabaseCheckIsNot()
    {
        using var app = NewDatabase();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var database = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, database.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthChecks_AnswerWhateverTheHost(string path)
    {
        using var app = new CoProduceAppFactory { PublicBaseUrl = "https://coproduce.example" };
        using var probe = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://10.0.4.17") });

        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CreateLead_MigrationsPending_RefusesAndSaysHowToApplyThem()
    {
        using var app = NewDatabase();
        using var output = new StringWriter();

        var exit = await CreateLeadCommand.RunAsync(app.Services, new("alex.morgan@council.example", "Alex Morgan", Migrate: false), output, CancellationToken.None);

        Assert.Equal(CreateLeadCommand.Refused, exit);
        Assert.Contains("--migrate", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("docs/deployment.md", output.ToString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task CreateLead_WhenTheKeysCannotBeRead_ChangesNothingAfterMigrating_AndSaysWhy()
    {
        using var app = NewDatabase();
        using var output = new StringWriter();

        var exit = await CreateLeadCommand.RunAsync(app.Services, new("alex.morgan@council.example", "Alex Morgan", Migrate: true), output,
            CancellationToken.None, checkKeys: () => throw new InvalidOperationException("The certificate does not match."));

        Assert.Equal(CreateLeadCommand.Refused, exit);
        Assert.Contains("Nothing was changed. The certificate does not match.", output.ToString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task CreateLead_NewDatabaseWithMigrate_MakesTheLeadWithAuditEntryAndALinkThatSetsThePassword()
    {
        using var app = NewDatabase();
        using var output = new StringWriter();

        var exit = await CreateLeadCommand.RunAsync(app.Services, new("alex.morgan@council.example", "Alex Morgan", Migrate: true), output, CancellationToken.None);

        Assert.Equal(CreateLeadCommand.Succeeded, exit);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
            var lead = await users.FindByEmailAsync("alex.morgan@council.example");
            Assert.NotNull(lead);
            Assert.Equal("Alex Morgan", lead.DisplayName);
            Assert.Equal([Roles.CoProductionLead], await users.GetRolesAsync(lead));
            Assert.False(await users.HasPasswordAsync(lead));
            Assert.Equal(1, await db.Users.CountAsync());
            var audit = Assert.Single(await db.AuditEntries.Where(a => a.SubjectId == lead.Id).ToListAsync());
            Assert.Equal(AuditSubjectType.StaffAccount, audit.SubjectType);
            Assert.Equal(AuditActions.StaffAccountCreated, audit.Action);
            Assert.Equal(StaffAccountService.CommandLineUserId, audit.ByUserId);
            Assert.Equal(Roles.CoProductionLead, audit.After);
            Assert.DoesNotContain("alex.morgan", audit.Summary + audit.After, StringComparison.OrdinalIgnoreCase);
            // Printed, not emailed: email may not be set up yet.
            Assert.Empty(await db.OutboxMessages.ToListAsync());
        }

        // The printed link is on the public address, and sets the password the lead then signs in with.
        var link = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("https://localhost/reset-password?userId=", StringComparison.Ordinal));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var resetPage = new Uri(link).PathAndQuery;
        var page = await client.GetPageAsync(resetPage);
        var hidden = page.QuerySelectorAll("form[action='/reset-password'] input[type=hidden]")
            .Where(input => input.GetAttribute("name") != "__RequestVerificationToken")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? string.Empty));
        var reset = await client.SubmitFormAsync(resetPage, "/reset-password",
            [.. hidden, new("Password", "a long first lead password"), new("ConfirmPassword", "a long first lead password")]);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var signIn = await client.SignInAsync("alex.morgan@council.example", "a long first lead password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/staff", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CreateLead_EmailAlreadyHasAnAccount_RefusesAndChangesNothing()
    {
        using var app = new CoProduceAppFactory();
        using var output = new StringWriter();
        var existing = DemoUsers.EmailFor(Roles.Commissioner);
        int usersBefore, auditBefore;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            (usersBefore, auditBefore) = (await db.Users.CountAsync(), await db.AuditEntries.CountAsync());
        }

        var exit = await CreateLeadCommand.RunAsync(app.Services, new(existing, "Someone Else", Migrate: true), output, CancellationToken.None);

        Assert.Equal(CreateLeadCommand.Refused, exit);
        Assert.Contains("already an account", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("reset-password", output.ToString(), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            Assert.Equal(usersBefore, await db.Users.CountAsync());
            Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
            Assert.False(await users.IsInRoleAsync((await users.FindByEmailAsync(existing))!, Roles.CoProductionLead));
        }
    }

    [Theory]
    [InlineData("not-an-email", "Alex Morgan", "Enter an email address in the correct format")]
    [InlineData("alex@council.example", "   ", "Enter the person's name")]
    public async Task CreateLead_BadInput_SaysWhatIsWrongAndChangesNothing(string email, string name, string message)
    {
        using var output = new StringWriter();

        var exit = await CreateLeadCommand.RunAsync(portal.Services, new(email, name, Migrate: false), output, CancellationToken.None);

        Assert.Equal(CreateLeadCommand.BadArguments, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLead_RunAsTheApp_RefusesPendingMigrationsThenMakesTheLeadAndExits()
    {
        // The real entry point, as a council runs it: dotnet CoProduce.Web.dll create-lead …
        var folder = Path.Combine(Path.GetTempPath(), "coproduce-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "new.db");
        try
        {
            var usage = await RunAppAsync(database, "create-lead", "--name", "Alex Morgan");
            var refused = await RunAppAsync(database, "create-lead", "--email", "alex.morgan@council.example", "--name", "Alex Morgan");
            var made = await RunAppAsync(database, "create-lead", "--email", "alex.morgan@council.example", "--name", "Alex Morgan", "--migrate");

            Assert.Equal(CreateLeadCommand.BadArguments, usage.ExitCode);
            Assert.Contains("Usage: dotnet CoProduce.Web.dll create-lead", usage.Output, StringComparison.Ordinal);
            Assert.Equal(CreateLeadCommand.Refused, refused.ExitCode);
            Assert.Contains("--migrate", refused.Output, StringComparison.Ordinal);
            Assert.Equal(CreateLeadCommand.Succeeded, made.ExitCode);
            Assert.Contains("https://coproduce.example/reset-password?userId=", made.Output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(string databasePath, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoProduce.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__CoProduce"] = $"Data Source={databasePath}";
        start.Environment["Portal__PublicBaseUrl"] = "https://coproduce.example";
        start.Environment["Email__PickupFolder"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "mail");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A fresh, empty database file, as a council's new SQL Server database starts: not migrated, no demo data.</summary>
    private static WebApplicationFactory<Program> NewDatabase() =>
        new CoProduceAppFactory { SeedDemoData = false }.WithWebHostBuilder(b => b.UseSetting("Database:MigrateOnStartup", "false"));
}
