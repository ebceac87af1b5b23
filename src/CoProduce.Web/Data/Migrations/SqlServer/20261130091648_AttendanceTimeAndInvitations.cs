using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AttendanceTimeAndInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActivityMinutes",
                table: "SignUps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttendanceRecordedByUserId",
                table: "SignUps",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AttendanceRecordedUtc",
                table: "SignUps",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreparationMinutes",
                table: "SignUps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TravelMinutes",
                table: "SignUps",
                type: "int",
                nullable: true);

            // In EXEC, so that the idempotent script still compiles on a database where this has run
            // and [Hours] is gone. Hours used to be one figure (the activity with any paid preparation and travel): it
            // becomes the activity's minutes, as nothing says how it was made up.
            migrationBuilder.Sql("""
                EXEC(N'UPDATE [SignUps] SET [ActivityMinutes] = CAST(ROUND([Hours] * 60, 0) AS int), [PreparationMinutes] = 0, [TravelMinutes] = 0 WHERE [Hours] IS NOT NULL');
                """);

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "SignUps");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Hours",
                table: "SignUps",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.Sql("""
                EXEC(N'UPDATE [SignUps] SET [Hours] = ROUND(([ActivityMinutes] + COALESCE([PreparationMinutes], 0) + COALESCE([TravelMinutes], 0)) / 60.0, 2) WHERE [ActivityMinutes] IS NOT NULL');
                """);

            migrationBuilder.DropColumn(
                name: "ActivityMinutes",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "AttendanceRecordedByUserId",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "AttendanceRecordedUtc",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "PreparationMinutes",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "TravelMinutes",
                table: "SignUps");

        }
    }
}
