using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BatchExportKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExportedByUserId",
                table: "PaymentBatches",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExportedUtc",
                table: "PaymentBatches",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedExport",
                table: "PaymentBatches",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExportedByUserId",
                table: "PaymentBatches");

            migrationBuilder.DropColumn(
                name: "ExportedUtc",
                table: "PaymentBatches");

            migrationBuilder.DropColumn(
                name: "ProtectedExport",
                table: "PaymentBatches");
        }
    }
}
