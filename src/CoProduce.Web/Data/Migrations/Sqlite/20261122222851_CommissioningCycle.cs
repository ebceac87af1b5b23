using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommissioningCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RuleSetId",
                table: "CommissioningProjects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RuleSetVersion",
                table: "CommissioningProjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Tier",
                table: "CommissioningProjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TierReason",
                table: "CommissioningProjects",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectRequirements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectRequirements_CommissioningProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommissioningProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StageMove",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageMove", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageMove_CommissioningProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommissioningProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TierRuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Bands = table.Column<string>(type: "TEXT", nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierRuleSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectRequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatWasDone = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LivedExperienceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AddedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_ProjectRequirements_ProjectRequirementId",
                        column: x => x.ProjectRequirementId,
                        principalTable: "ProjectRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExceptionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectRequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExceptionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExceptionRequests_ProjectRequirements_ProjectRequirementId",
                        column: x => x.ProjectRequirementId,
                        principalTable: "ProjectRequirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvidenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceAttachment_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "TierRuleSets",
                columns: new[] { "Id", "Bands", "ChangeNote", "EffectiveFromUtc", "PublishedByUserId", "Requirements", "Version" },
                values: new object[] { 1, "[{\"tier\":1,\"upperBound\":50000},{\"tier\":2,\"upperBound\":200000},{\"tier\":3,\"upperBound\":500000},{\"tier\":4,\"upperBound\":3000000},{\"tier\":5,\"upperBound\":null}]", "Plymouth City Council Contract Standing Orders (July 2024), section 5 of the Co-production Commissioning Toolkit.", new DateTime(2024, 7, 1, 0, 0, 0, 0, DateTimeKind.Utc), "system", "[{\"code\":\"R1\",\"shortName\":\"Engagement findings shape the service specification\",\"wording\":\"Review relevant findings from local and national engagement activities and research to identify themes that shape the service specification.\",\"introducedAtTier\":1,\"dueBy\":1},{\"code\":\"R2\",\"shortName\":\"Co-produced equality impact assessment (EIA)\",\"wording\":\"Co-produce the equality impact assessment (EIA) with key stakeholders, including people who have relevant lived experience.\",\"introducedAtTier\":1,\"dueBy\":1},{\"code\":\"R3\",\"shortName\":\"Co-produced climate impact assessment (CIA)\",\"wording\":\"Co-produce the climate impact assessment (CIA) with key stakeholders, including people who have relevant lived experience.\",\"introducedAtTier\":1,\"dueBy\":2},{\"code\":\"R4\",\"shortName\":\"Engagement findings shape the business case\",\"wording\":\"Review relevant findings from local and national engagement activities and research to identify themes that shape the business case.\",\"introducedAtTier\":2,\"dueBy\":2},{\"code\":\"R5\",\"shortName\":\"Co-produced method statement question\",\"wording\":\"Co-produce at least one method statement question with people who have relevant lived experience, or those who represent them, before the tender is published.\",\"introducedAtTier\":3,\"dueBy\":2},{\"code\":\"R6\",\"shortName\":\"Co-produced service specification\",\"wording\":\"Co-produce the service specification with key stakeholders, including people who have relevant lived experience.\",\"introducedAtTier\":4,\"dueBy\":2},{\"code\":\"R7\",\"shortName\":\"Appreciative Enquiry interviews\",\"wording\":\"Carry out Appreciative Enquiry interviews to shape the commissioning intentions.\",\"introducedAtTier\":5,\"dueBy\":1}]", 1 });

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningProjects_RuleSetId",
                table: "CommissioningProjects",
                column: "RuleSetId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningProjects_Tier",
                table: "CommissioningProjects",
                column: "Tier");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ProjectId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ProjectId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ProjectRequirementId",
                table: "Evidence",
                column: "ProjectRequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceAttachment_EvidenceId",
                table: "EvidenceAttachment",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionRequests_Decision",
                table: "ExceptionRequests",
                column: "Decision");

            migrationBuilder.CreateIndex(
                name: "IX_ExceptionRequests_ProjectRequirementId",
                table: "ExceptionRequests",
                column: "ProjectRequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRequirements_ProjectId_Code",
                table: "ProjectRequirements",
                columns: new[] { "ProjectId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageMove_ProjectId",
                table: "StageMove",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_TierRuleSets_Version",
                table: "TierRuleSets",
                column: "Version",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CommissioningProjects_TierRuleSets_RuleSetId",
                table: "CommissioningProjects",
                column: "RuleSetId",
                principalTable: "TierRuleSets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommissioningProjects_TierRuleSets_RuleSetId",
                table: "CommissioningProjects");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "EvidenceAttachment");

            migrationBuilder.DropTable(
                name: "ExceptionRequests");

            migrationBuilder.DropTable(
                name: "StageMove");

            migrationBuilder.DropTable(
                name: "TierRuleSets");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "ProjectRequirements");

            migrationBuilder.DropIndex(
                name: "IX_CommissioningProjects_RuleSetId",
                table: "CommissioningProjects");

            migrationBuilder.DropIndex(
                name: "IX_CommissioningProjects_Tier",
                table: "CommissioningProjects");

            migrationBuilder.DropColumn(
                name: "RuleSetId",
                table: "CommissioningProjects");

            migrationBuilder.DropColumn(
                name: "RuleSetVersion",
                table: "CommissioningProjects");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "CommissioningProjects");

            migrationBuilder.DropColumn(
                name: "TierReason",
                table: "CommissioningProjects");
        }
    }
}
