using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

public sealed class DatabaseTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static SqlServerCoProduceDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerCoProduceDbContext>().UseSqlServer("Server=not-used;Database=CoProduce").Options);

    [Fact]
    public async Task Sqlite_StartUp_AppliesEveryMigration()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();

        Assert.IsType<SqliteCoProduceDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_Model_HasNoChangesMissingAMigration()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration for SQLite: see the README.");
    }

    [Fact]
    public void SqlServer_Model_HasNoChangesMissingAMigration()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration for SQL Server: see the README.");
    }

    /// <summary>SQL Server cannot run here, so its idempotent script is generated and checked, and kept as an artifact.</summary>
    [Fact]
    public void SqlServer_IdempotentScript_CreatesEveryTable()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        File.WriteAllText(Path.Combine(TestArtifacts.Folder("sql"), "sqlserver-migrations.sql"), script);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("decimal(18,2)", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentEdits_SecondSaveFromStaleCopy_IsRefused()
    {
        await using var first = portal.Services.CreateAsyncScope();
        await using var second = portal.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var id = await db1.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var copy1 = await db1.CommissioningProjects.SingleAsync(p => p.Id == id);
        var copy2 = await db2.CommissioningProjects.SingleAsync(p => p.Id == id);

        copy1.Rename("Renamed first", DateTime.UtcNow);
        await db1.SaveChangesAsync();
        copy2.Rename("Renamed second", DateTime.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    [Fact]
    public async Task DemoData_IsSeededOnceWithEveryRole()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<CoProduce.Web.Data.Seeding.DemoDataSeeder>();
        var before = await db.Users.CountAsync();

        await seeder.SeedAsync();

        Assert.Equal(before, await db.Users.CountAsync());
        Assert.True(await db.CommissioningProjects.CountAsync() >= 4);
        var roleNames = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(CoProduce.Web.Infrastructure.Security.Roles.All.Order(), roleNames.Order());
        Assert.All(await db.CommissioningProjects.ToListAsync(), p => Assert.Equal(DateTimeKind.Utc, p.CreatedUtc.Kind));
    }

    [Fact]
    public async Task StartUp_WithoutDemoData_StillCreatesRolesSoPeopleCanRegister()
    {
        using var factory = new CoProduceAppFactory();
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Database:SeedDemoData", "false"));
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.RegisterAsync(factory, "First Person", "first.person@example.org", "a long enough password");

        Assert.Equal("/profile", response.Location());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(0, await db.CommissioningProjects.CountAsync());
        Assert.Equal(1, await db.ExpertProfiles.CountAsync());
    }
}
