using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Money is whole pence in an integer column, so SQLite itself adds it up, compares it and sorts
/// it. The SQL sent shows it: EF Core would refuse a query it could not translate, and nothing
/// here is read back to be totalled or sorted in memory.
/// </summary>
public sealed class MoneyQueryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly decimal[] Pounds = [650_000m, 0.01m, 50_000m, 50_000.01m, 49_999.99m, 0m];

    /// <summary>Projects with the values above, titled with a tag of their own.</summary>
    private async Task<string> ProjectsAsync()
    {
        var tag = $"Money {Guid.NewGuid():N}";
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
        var owner = await db.Users.Where(u => u.Email == "commissioner@example.org").Select(u => u.Id).SingleAsync();
        for (var i = 0; i < Pounds.Length; i++)
        {
            var project = new CommissioningProject($"{tag} {i}", "Adult social care", "Summary", owner, Money.FromPounds(Pounds[i]), false, DateTime.UtcNow);
            project.Assess(rules);
            db.CommissioningProjects.Add(project);
        }
        await db.SaveChangesAsync();
        return tag;
    }

    [Fact]
    public async Task SumFilterAndSort_RunInTheDatabase_OnSqlite()
    {
        var tag = await ProjectsAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var tagged = db.CommissioningProjects.AsNoTracking().Where(p => p.Title.StartsWith(tag));
        var limit = PlymouthRules.UpperBounds[0]; // £50,000

        using var recording = SqlCommandRecorder.Record();
        var total = await tagged.SumMoneyAsync(p => p.EstimatedValue);
        var overTheLimit = await tagged.Where(p => p.EstimatedValue > limit).OrderBy(p => p.EstimatedValue).Select(p => p.EstimatedValue).ToListAsync();
        var twoHighest = await tagged.OrderByDescending(p => p.EstimatedValue).Take(2).Select(p => p.EstimatedValue).ToListAsync();
        var noneTotal = await tagged.Where(p => p.EstimatedValue > Money.FromPounds(1_000_000m)).SumMoneyAsync(p => p.EstimatedValue);

        Assert.Equal(Money.FromPounds(800_000.01m), total);
        Assert.Equal([50_000.01m, 650_000m], overTheLimit.Select(m => m.Pounds));
        Assert.Equal([650_000m, 50_000.01m], twoHighest.Select(m => m.Pounds));
        Assert.Equal(Money.Zero, noneTotal);

        var sql = recording.Sql;
        Assert.Equal(4, sql.Count);
        Assert.Matches(@"SUM\(.*""EstimatedValuePence""", sql[0]);
        Assert.Matches(@"WHERE .*""EstimatedValuePence"" > @\w+", sql[1]);
        Assert.Matches(@"ORDER BY ""\w+""\.""EstimatedValuePence""\s*$", sql[1]);
        Assert.Matches(@"ORDER BY ""\w+""\.""EstimatedValuePence"" DESC\s+LIMIT", sql[2]);
        Assert.Matches(@"SUM\(.*""EstimatedValuePence"".*WHERE .*""EstimatedValuePence"" > 100000000", sql[3].ReplaceLineEndings(" ")); // £1,000,000 in pence
    }

    [Fact]
    public async Task StoredValue_IsAnIntegerOfPence()
    {
        var tag = await ProjectsAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();

        var stored = await db.Database.SqlQuery<string>($"""
            SELECT typeof("EstimatedValuePence") || ' ' || "EstimatedValuePence" AS "Value" FROM "CommissioningProjects"
            WHERE "Title" LIKE {tag + "%"} ORDER BY "Title"
            """).ToListAsync();

        Assert.Equal(["integer 65000000", "integer 1", "integer 5000000", "integer 5000001", "integer 4999999", "integer 0"], stored);
    }

    [Fact]
    public async Task ProjectsList_SortedByValue_HighestFirst()
    {
        var tag = await ProjectsAsync();
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var page = await client.GetPageAsync($"/projects?sort=value&q={Uri.EscapeDataString(tag)}");

        var values = page.QuerySelectorAll("main tbody tr").Select(row => row.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        Assert.Equal(["£650,000", "£50,000.01", "£50,000", "£49,999.99", "£0.01", "£0"], values);
        Assert.NotNull(page.QuerySelector("select#sort option[value=value][selected]"));
    }
}
