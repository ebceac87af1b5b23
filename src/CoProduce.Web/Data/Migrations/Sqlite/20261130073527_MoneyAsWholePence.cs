using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Money becomes whole pence in an integer column, so that SQLite can add it up, compare it
    /// and sort it. A project's value moves from pounds (decimal, kept as text) to
    /// EstimatedValuePence, and each rule set's band limits from "upperBound" in pounds to
    /// "upperBoundPence". Pounds are turned into pence from their text, digit by digit, so that
    /// nothing passes through floating point. Values are never negative.
    /// </summary>
    public partial class MoneyAsWholePence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EstimatedValuePence",
                table: "CommissioningProjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql($"""
                UPDATE "CommissioningProjects" SET "EstimatedValuePence" = {PenceFromPoundsText("CAST(\"EstimatedValue\" AS TEXT)")};
                """);

            // Every published version, not only the first (which UpdateData below writes again).
            // Before the column is dropped: SQLite drops it by rebuilding the table, which EF Core
            // does last, after these statements.
            migrationBuilder.Sql($"""
                UPDATE "TierRuleSets" SET "Bands" = (
                    SELECT json_group_array(json_object(
                        'tier', b.value ->> '$.tier',
                        'upperBoundPence', CASE WHEN b.value ->> '$.upperBound' IS NULL THEN NULL
                            ELSE {PenceFromPoundsText("(b.value -> '$.upperBound')")} END))
                    FROM (SELECT value FROM json_each("TierRuleSets"."Bands") ORDER BY key) AS b)
                WHERE "Bands" LIKE '%"upperBound":%';
                """);

            migrationBuilder.UpdateData(
                table: "TierRuleSets",
                keyColumn: "Id",
                keyValue: 1,
                column: "Bands",
                value: "[{\"tier\":1,\"upperBoundPence\":5000000},{\"tier\":2,\"upperBoundPence\":20000000},{\"tier\":3,\"upperBoundPence\":50000000},{\"tier\":4,\"upperBoundPence\":300000000},{\"tier\":5,\"upperBoundPence\":null}]");

            migrationBuilder.DropColumn(
                name: "EstimatedValue",
                table: "CommissioningProjects");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "EstimatedValue",
                table: "CommissioningProjects",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.Sql($"""
                UPDATE "CommissioningProjects" SET "EstimatedValue" = {PoundsTextFromPence("\"EstimatedValuePence\"")};
                """);

            migrationBuilder.Sql($"""
                UPDATE "TierRuleSets" SET "Bands" = (
                    SELECT json_group_array(json_object(
                        'tier', b.value ->> '$.tier',
                        'upperBound', CASE WHEN b.value ->> '$.upperBoundPence' IS NULL THEN NULL
                            ELSE json({PoundsTextFromPence("(b.value ->> '$.upperBoundPence')")}) END))
                    FROM (SELECT value FROM json_each("TierRuleSets"."Bands") ORDER BY key) AS b)
                WHERE "Bands" LIKE '%"upperBoundPence":%';
                """);

            migrationBuilder.UpdateData(
                table: "TierRuleSets",
                keyColumn: "Id",
                keyValue: 1,
                column: "Bands",
                value: "[{\"tier\":1,\"upperBound\":50000},{\"tier\":2,\"upperBound\":200000},{\"tier\":3,\"upperBound\":500000},{\"tier\":4,\"upperBound\":3000000},{\"tier\":5,\"upperBound\":null}]");

            migrationBuilder.DropColumn(
                name: "EstimatedValuePence",
                table: "CommissioningProjects");
        }

        /// <summary>"650000.0" → 65000000, "50000.01" → 5000001, "12.5" → 1250, "7" → 700: whole pounds × 100 plus the first two decimal digits.</summary>
        private static string PenceFromPoundsText(string text) => $"""
            (CASE WHEN instr({text}, '.') = 0 THEN CAST({text} AS INTEGER) * 100
                ELSE CAST(substr({text}, 1, instr({text}, '.') - 1) AS INTEGER) * 100
                    + CAST(substr(substr({text}, instr({text}, '.') + 1) || '00', 1, 2) AS INTEGER) END)
            """;

        /// <summary>65000000 → "650000.00", 5000001 → "50000.01".</summary>
        private static string PoundsTextFromPence(string pence) =>
            $"(CAST(CAST({pence} AS INTEGER) / 100 AS TEXT) || '.' || substr('00' || CAST(CAST({pence} AS INTEGER) % 100 AS TEXT), -2, 2))";
    }
}
