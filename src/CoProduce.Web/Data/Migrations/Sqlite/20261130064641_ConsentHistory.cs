using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsentHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentEvents",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PrivacyNoticeVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentEvents", x => new { x.ExpertProfileId, x.Number });
                    table.ForeignKey(
                        name: "FK_ConsentEvents_ExpertProfiles_ExpertProfileId",
                        column: x => x.ExpertProfileId,
                        principalTable: "ExpertProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each profile's consent becomes its history: the consent it gave, then its withdrawal if
            // it had one. (An earlier withdrawal was overwritten when consent was given again, so it
            // cannot be recovered.)
            migrationBuilder.Sql("""
                INSERT INTO "ConsentEvents" ("ExpertProfileId", "Number", "Change", "PrivacyNoticeVersion", "AtUtc")
                SELECT "Id", 1, 'Given', "ConsentNoticeVersion", "ConsentGivenUtc" FROM "ExpertProfiles"
                WHERE "ConsentGivenUtc" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ConsentEvents" ("ExpertProfileId", "Number", "Change", "PrivacyNoticeVersion", "AtUtc")
                SELECT "Id", 2, 'Withdrawn', NULL, "ConsentWithdrawnUtc" FROM "ExpertProfiles"
                WHERE "ConsentGivenUtc" IS NOT NULL AND "ConsentWithdrawnUtc" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "ConsentGivenUtc",
                table: "ExpertProfiles");

            migrationBuilder.DropColumn(
                name: "ConsentNoticeVersion",
                table: "ExpertProfiles");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnUtc",
                table: "ExpertProfiles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentGivenUtc",
                table: "ExpertProfiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentNoticeVersion",
                table: "ExpertProfiles",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentWithdrawnUtc",
                table: "ExpertProfiles",
                type: "TEXT",
                nullable: true);

            // The latest consent given, and the withdrawal if it is the latest event.
            migrationBuilder.Sql("""
                UPDATE "ExpertProfiles" SET
                    "ConsentGivenUtc" = (SELECT e."AtUtc" FROM "ConsentEvents" e
                        WHERE e."ExpertProfileId" = "ExpertProfiles"."Id" AND e."Change" = 'Given' ORDER BY e."Number" DESC LIMIT 1),
                    "ConsentNoticeVersion" = (SELECT e."PrivacyNoticeVersion" FROM "ConsentEvents" e
                        WHERE e."ExpertProfileId" = "ExpertProfiles"."Id" AND e."Change" = 'Given' ORDER BY e."Number" DESC LIMIT 1),
                    "ConsentWithdrawnUtc" = (SELECT e."AtUtc" FROM "ConsentEvents" e
                        WHERE e."ExpertProfileId" = "ExpertProfiles"."Id" AND e."Change" = 'Withdrawn'
                        AND e."Number" = (SELECT MAX(m."Number") FROM "ConsentEvents" m WHERE m."ExpertProfileId" = "ExpertProfiles"."Id"));
                """);

            migrationBuilder.DropTable(
                name: "ConsentEvents");
        }
    }
}
