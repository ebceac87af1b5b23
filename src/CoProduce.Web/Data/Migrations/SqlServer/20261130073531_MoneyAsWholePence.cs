using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Money becomes whole pence in a bigint column, as on SQLite: a project's value moves from
    /// EstimatedValue (decimal(18,2) pounds) to EstimatedValuePence, and each rule set's band
    /// limits from "upperBound" in pounds to "upperBoundPence". The data statements run through
    /// EXEC, so that the idempotent script still compiles on a database that has them applied
    /// (where the old column no longer exists). OPENJSON needs database compatibility level 130
    /// (SQL Server 2016) or later.
    /// </summary>
    public partial class MoneyAsWholePence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EstimatedValuePence",
                table: "CommissioningProjects",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("""
                EXEC(N'UPDATE [CommissioningProjects] SET [EstimatedValuePence] = CAST([EstimatedValue] * 100 AS bigint)');
                """);

            // Every published version, not only the first (which UpdateData below writes again).
            migrationBuilder.Sql("""
                EXEC(N'UPDATE [TierRuleSets] SET [Bands] = (
                    SELECT CAST(JSON_VALUE(b.[value], ''$.tier'') AS int) AS [tier],
                        CAST(CAST(JSON_VALUE(b.[value], ''$.upperBound'') AS decimal(38, 2)) * 100 AS bigint) AS [upperBoundPence]
                    FROM OPENJSON([TierRuleSets].[Bands]) AS b
                    ORDER BY CAST(b.[key] AS int)
                    FOR JSON PATH, INCLUDE_NULL_VALUES)
                WHERE [Bands] LIKE N''%"upperBound":%''');
                """);

            migrationBuilder.DropColumn(
                name: "EstimatedValue",
                table: "CommissioningProjects");

            migrationBuilder.UpdateData(
                table: "TierRuleSets",
                keyColumn: "Id",
                keyValue: 1,
                column: "Bands",
                value: "[{\"tier\":1,\"upperBoundPence\":5000000},{\"tier\":2,\"upperBoundPence\":20000000},{\"tier\":3,\"upperBoundPence\":50000000},{\"tier\":4,\"upperBoundPence\":300000000},{\"tier\":5,\"upperBoundPence\":null}]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "EstimatedValue",
                table: "CommissioningProjects",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.Sql("""
                EXEC(N'UPDATE [CommissioningProjects] SET [EstimatedValue] = CAST([EstimatedValuePence] AS decimal(20, 0)) / 100');
                """);

            migrationBuilder.Sql("""
                EXEC(N'UPDATE [TierRuleSets] SET [Bands] = (
                    SELECT CAST(JSON_VALUE(b.[value], ''$.tier'') AS int) AS [tier],
                        CAST(CAST(JSON_VALUE(b.[value], ''$.upperBoundPence'') AS decimal(38, 0)) / 100 AS decimal(38, 2)) AS [upperBound]
                    FROM OPENJSON([TierRuleSets].[Bands]) AS b
                    ORDER BY CAST(b.[key] AS int)
                    FOR JSON PATH, INCLUDE_NULL_VALUES)
                WHERE [Bands] LIKE N''%"upperBoundPence":%''');
                """);

            migrationBuilder.DropColumn(
                name: "EstimatedValuePence",
                table: "CommissioningProjects");

            migrationBuilder.UpdateData(
                table: "TierRuleSets",
                keyColumn: "Id",
                keyValue: 1,
                column: "Bands",
                value: "[{\"tier\":1,\"upperBound\":50000},{\"tier\":2,\"upperBound\":200000},{\"tier\":3,\"upperBound\":500000},{\"tier\":4,\"upperBound\":3000000},{\"tier\":5,\"upperBound\":null}]");
        }
    }
}
