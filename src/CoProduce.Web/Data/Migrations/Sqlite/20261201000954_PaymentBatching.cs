using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentBatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_PaymentMethod_ExpertProfileId_Total",
                table: "Claims",
                columns: new[] { "Status", "PaymentMethod", "ExpertProfileId", "Total" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Status_PaymentMethod_ExpertProfileId_Total",
                table: "Claims");
        }
    }
}
