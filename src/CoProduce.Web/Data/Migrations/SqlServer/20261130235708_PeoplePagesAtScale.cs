using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PeoplePagesAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastTookPartOn",
                table: "ExpertProfiles",
                type: "date",
                nullable: true);

            // Filled from the sign-ups already recorded (through IX_SignUps_ExpertProfileId_Attendance_ActivityId,
            // made by the previous migration); from now on the database context keeps it.
            migrationBuilder.Sql(LastTookPart.FillAllSql);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertProfiles_Roster",
                table: "ExpertProfiles",
                columns: new[] { "LastTookPartOn", "PreferredName", "Id", "AnonymisedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentEvents_Latest",
                table: "ConsentEvents",
                columns: new[] { "ExpertProfileId", "Number", "Change" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExpertProfiles_Roster",
                table: "ExpertProfiles");

            migrationBuilder.DropIndex(
                name: "IX_ConsentEvents_Latest",
                table: "ConsentEvents");

            migrationBuilder.DropColumn(
                name: "LastTookPartOn",
                table: "ExpertProfiles");
        }
    }
}
