using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderDateAndInviteSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReminderForDate",
                table: "SignUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InviteSequence",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // A reminder already sent was for the activity's date then: it is not sent again for that date.
            migrationBuilder.Sql(
                "UPDATE SignUps SET ReminderForDate = (SELECT Activities.Date FROM Activities WHERE Activities.Id = SignUps.ActivityId) " +
                "WHERE ReminderSentUtc IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderForDate",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "InviteSequence",
                table: "Activities");
        }
    }
}
