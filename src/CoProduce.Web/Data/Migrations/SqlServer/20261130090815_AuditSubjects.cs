using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectId",
                table: "AuditEntries",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubjectType",
                table: "AuditEntries",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Entries written before subjects existed: one with a project is about that project; a
            // rule-set entry is about the version that was in force when it was written.
            migrationBuilder.Sql("""
                UPDATE AuditEntries SET SubjectType = 'Project', SubjectId = CAST(ProjectId AS nvarchar(64))
                WHERE ProjectId IS NOT NULL AND SubjectType = '';
                """);
            migrationBuilder.Sql("""
                UPDATE AuditEntries SET SubjectType = 'RuleSet',
                    SubjectId = COALESCE((SELECT CAST(MAX(r.Version) AS nvarchar(64)) FROM TierRuleSets r WHERE r.EffectiveFromUtc <= AuditEntries.AtUtc), '1')
                WHERE ProjectId IS NULL AND SubjectType = '';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SubjectType_SubjectId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "SubjectType", "SubjectId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_SubjectType_SubjectId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SubjectType",
                table: "AuditEntries");
        }
    }
}
