using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivitySignUpPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SignUps_ExpertProfileId",
                table: "SignUps");

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_ActivityId_Status_Attendance_RequestedUtc",
                table: "SignUps",
                columns: new[] { "ActivityId", "Status", "Attendance", "RequestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_ExpertProfileId_Attendance_ActivityId",
                table: "SignUps",
                columns: new[] { "ExpertProfileId", "Attendance", "ActivityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SignUps_ActivityId_Status_Attendance_RequestedUtc",
                table: "SignUps");

            migrationBuilder.DropIndex(
                name: "IX_SignUps_ExpertProfileId_Attendance_ActivityId",
                table: "SignUps");

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_ExpertProfileId",
                table: "SignUps",
                column: "ExpertProfileId");
        }
    }
}
