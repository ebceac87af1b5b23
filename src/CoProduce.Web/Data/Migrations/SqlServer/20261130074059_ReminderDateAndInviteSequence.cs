using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.SqlServer
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InviteSequence",
                table: "Activities",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // A reminder already sent was for the activity's date then: it is not sent again for that date.
            // Run through EXEC so that the idempotent script compiles whatever columns exist when it runs again.
            migrationBuilder.Sql(
                "EXEC(N'UPDATE [SignUps] SET [ReminderForDate] = (SELECT [Activities].[Date] FROM [Activities] WHERE [Activities].[Id] = [SignUps].[ActivityId]) " +
                "WHERE [ReminderSentUtc] IS NOT NULL')");
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
