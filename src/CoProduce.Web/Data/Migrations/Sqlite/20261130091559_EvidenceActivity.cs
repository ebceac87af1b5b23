using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvidenceActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActivityId",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ActivityId",
                table: "Evidence",
                column: "ActivityId");

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Activities_ActivityId",
                table: "Evidence",
                column: "ActivityId",
                principalTable: "Activities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Activities_ActivityId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ActivityId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ActivityId",
                table: "Evidence");
        }
    }
}
