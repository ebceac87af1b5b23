using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CoProduce.IntegrationTests.Audit;

/// <summary>
/// The one statement that records a page's views, as each database gets it. SQLite runs it in
/// every test of the pages; here the SQL Server text is checked too, since no SQL Server is at hand.
/// </summary>
public sealed class SpecialCategoryViewsSqlTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static SpecialCategoryViewsService On(CoProduceDbContext db) => new(db, new FakeTimeProvider(new DateTimeOffset(Now)));

    [Fact]
    public void SqlServer_OneInsertSelect_WithTheIdsWrittenIn_AndEveryTextAParameter()
    {
        using var db = new SqlServerCoProduceDbContext(new DbContextOptionsBuilder<SqlServerCoProduceDbContext>().UseSqlServer("Server=not-used;Database=CoProduce").Options);

        var (sql, parameters) = On(db).InsertStatement(
            [new(7, SpecialCategory.AccessNeeds), new(9, SpecialCategory.AccessNeeds), new(12, SpecialCategory.MaskedBankAccount)],
            "shown on a page'; DROP TABLE x; --", "viewer-id", Now);

        Assert.StartsWith("INSERT INTO [AuditEntries] ([SubjectType], [SubjectId], [ProjectId], [Action], [Summary], [ByUserId], [AtUtc], [Before], [After]) SELECT ", sql, StringComparison.Ordinal);
        Assert.Contains("CAST(p.[Id] AS nvarchar(64))", sql, StringComparison.Ordinal);
        Assert.Contains("FROM [ExpertProfiles] AS p WHERE p.[Id] IN (7, 9) AND p.[UserId] <> {1}", sql, StringComparison.Ordinal);
        Assert.Contains(" UNION ALL ", sql, StringComparison.Ordinal);
        Assert.Contains("p.[Id] IN (12)", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP", sql, StringComparison.Ordinal);
        Assert.Equal(
            [AuditActions.SpecialCategoryViewed, "viewer-id", Now,
             "Profile", "Access needs shown on a page'; DROP TABLE x; --.", "PaymentDetails", "Bank account (masked) shown on a page'; DROP TABLE x; --."],
            parameters);
    }

    [Fact]
    public void NoOneShown_StillOneStatement_ThatAddsNothing()
    {
        using var db = new SqlServerCoProduceDbContext(new DbContextOptionsBuilder<SqlServerCoProduceDbContext>().UseSqlServer("Server=not-used;Database=CoProduce").Options);

        var (sql, parameters) = On(db).InsertStatement([], "shown on the roster", "viewer-id", Now);

        Assert.EndsWith("FROM [ExpertProfiles] AS p WHERE 1 = 0", sql, StringComparison.Ordinal);
        Assert.Equal(3, parameters.Length);
    }
}
