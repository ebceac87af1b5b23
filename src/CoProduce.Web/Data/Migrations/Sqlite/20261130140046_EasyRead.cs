using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EasyRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachDocument",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EasyReadSummary",
                table: "Activities",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EasyReadTemplates",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LastCheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckedAtActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EasyReadTemplates", x => x.Kind);
                    table.ForeignKey(
                        name: "FK_EasyReadTemplates_Activities_CheckedAtActivityId",
                        column: x => x.CheckedAtActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EasyReadTemplates_CheckedAtActivityId",
                table: "EasyReadTemplates",
                column: "CheckedAtActivityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EasyReadTemplates");

            migrationBuilder.DropColumn(
                name: "AttachDocument",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "EasyReadSummary",
                table: "Activities");
        }
    }
}
