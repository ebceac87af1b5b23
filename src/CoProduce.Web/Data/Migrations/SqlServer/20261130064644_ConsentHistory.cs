using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.SqlServer
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
                    Number = table.Column<int>(type: "int", nullable: false),
                    ExpertProfileId = table.Column<int>(type: "int", nullable: false),
                    Change = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PrivacyNoticeVersion = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
            // cannot be recovered.) Through EXEC, so that the idempotent script still compiles on a
            // database where this has run and the old columns are gone.
            migrationBuilder.Sql("""
                EXEC(N'INSERT INTO [ConsentEvents] ([ExpertProfileId], [Number], [Change], [PrivacyNoticeVersion], [AtUtc])
                SELECT [Id], 1, N''Given'', [ConsentNoticeVersion], [ConsentGivenUtc] FROM [ExpertProfiles]
                WHERE [ConsentGivenUtc] IS NOT NULL');
                """);
            migrationBuilder.Sql("""
                EXEC(N'INSERT INTO [ConsentEvents] ([ExpertProfileId], [Number], [Change], [PrivacyNoticeVersion], [AtUtc])
                SELECT [Id], 2, N''Withdrawn'', NULL, [ConsentWithdrawnUtc] FROM [ExpertProfiles]
                WHERE [ConsentGivenUtc] IS NOT NULL AND [ConsentWithdrawnUtc] IS NOT NULL');
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentNoticeVersion",
                table: "ExpertProfiles",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentWithdrawnUtc",
                table: "ExpertProfiles",
                type: "datetime2",
                nullable: true);

            // The latest consent given, and the withdrawal if it is the latest event.
            migrationBuilder.Sql("""
                UPDATE p SET
                    [ConsentGivenUtc] = (SELECT TOP 1 e.[AtUtc] FROM [ConsentEvents] e
                        WHERE e.[ExpertProfileId] = p.[Id] AND e.[Change] = N'Given' ORDER BY e.[Number] DESC),
                    [ConsentNoticeVersion] = (SELECT TOP 1 e.[PrivacyNoticeVersion] FROM [ConsentEvents] e
                        WHERE e.[ExpertProfileId] = p.[Id] AND e.[Change] = N'Given' ORDER BY e.[Number] DESC),
                    [ConsentWithdrawnUtc] = (SELECT e.[AtUtc] FROM [ConsentEvents] e
                        WHERE e.[ExpertProfileId] = p.[Id] AND e.[Change] = N'Withdrawn'
                        AND e.[Number] = (SELECT MAX(m.[Number]) FROM [ConsentEvents] m WHERE m.[ExpertProfileId] = p.[Id]))
                FROM [ExpertProfiles] p;
                """);

            migrationBuilder.DropTable(
                name: "ConsentEvents");
        }
    }
}
