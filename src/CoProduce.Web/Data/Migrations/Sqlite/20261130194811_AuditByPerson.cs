using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditByPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ByUserId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ByUserId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ByUserId_AtUtc",
                table: "AuditEntries");
        }
    }
}
