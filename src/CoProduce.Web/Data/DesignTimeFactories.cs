using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoProduce.Web.Data;

// Used only by the dotnet-ef tool (migrations add, script, has-pending-model-changes),
// which never connects: the connection strings below are placeholders.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCoProduceDbContext>
{
    public SqliteCoProduceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCoProduceDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCoProduceDbContext>
{
    public SqlServerCoProduceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCoProduceDbContext>().UseSqlServer("Server=design-time;Database=CoProduce").Options);
}
