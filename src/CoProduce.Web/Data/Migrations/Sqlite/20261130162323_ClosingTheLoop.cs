using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosingTheLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NextProjectId",
                table: "CommissioningProjects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousProjectId",
                table: "CommissioningProjects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Keys",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "FeedbackThemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RootCauses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SuccessLooksLike = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResponseKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ResponseText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResponseBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PublishedText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CarriedFromThemeId = table.Column<int>(type: "INTEGER", nullable: true),
                    MergedIntoThemeId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackThemes_CommissioningProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommissioningProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackThemes_FeedbackThemes_CarriedFromThemeId",
                        column: x => x.CarriedFromThemeId,
                        principalTable: "FeedbackThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackThemes_FeedbackThemes_MergedIntoThemeId",
                        column: x => x.MergedIntoThemeId,
                        principalTable: "FeedbackThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "YouSaidWeDidPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ShowOnPublicPage = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YouSaidWeDidPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YouSaidWeDidPublications_Activities_FollowUpActivityId",
                        column: x => x.FollowUpActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_YouSaidWeDidPublications_CommissioningProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommissioningProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Keys = table.Column<int>(type: "INTEGER", nullable: false),
                    SaidByExpertProfileId = table.Column<int>(type: "INTEGER", nullable: true),
                    MayNameThem = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CorrectedByParticipantUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_CommissioningProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommissioningProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_ExpertProfiles_SaidByExpertProfileId",
                        column: x => x.SaidByExpertProfileId,
                        principalTable: "ExpertProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_FeedbackThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "FeedbackThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningProjects_NextProjectId",
                table: "CommissioningProjects",
                column: "NextProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningProjects_PreviousProjectId",
                table: "CommissioningProjects",
                column: "PreviousProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ActivityId_Kind",
                table: "FeedbackItems",
                columns: new[] { "ActivityId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ProjectId_ThemeId",
                table: "FeedbackItems",
                columns: new[] { "ProjectId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_SaidByExpertProfileId",
                table: "FeedbackItems",
                column: "SaidByExpertProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ThemeId",
                table: "FeedbackItems",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackThemes_CarriedFromThemeId",
                table: "FeedbackThemes",
                column: "CarriedFromThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackThemes_MergedIntoThemeId",
                table: "FeedbackThemes",
                column: "MergedIntoThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackThemes_ProjectId_MergedIntoThemeId",
                table: "FeedbackThemes",
                columns: new[] { "ProjectId", "MergedIntoThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_YouSaidWeDidPublications_FollowUpActivityId",
                table: "YouSaidWeDidPublications",
                column: "FollowUpActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_YouSaidWeDidPublications_ProjectId_PublishedUtc",
                table: "YouSaidWeDidPublications",
                columns: new[] { "ProjectId", "PublishedUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_CommissioningProjects_CommissioningProjects_NextProjectId",
                table: "CommissioningProjects",
                column: "NextProjectId",
                principalTable: "CommissioningProjects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CommissioningProjects_CommissioningProjects_PreviousProjectId",
                table: "CommissioningProjects",
                column: "PreviousProjectId",
                principalTable: "CommissioningProjects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommissioningProjects_CommissioningProjects_NextProjectId",
                table: "CommissioningProjects");

            migrationBuilder.DropForeignKey(
                name: "FK_CommissioningProjects_CommissioningProjects_PreviousProjectId",
                table: "CommissioningProjects");

            migrationBuilder.DropTable(
                name: "FeedbackItems");

            migrationBuilder.DropTable(
                name: "YouSaidWeDidPublications");

            migrationBuilder.DropTable(
                name: "FeedbackThemes");

            migrationBuilder.DropIndex(
                name: "IX_CommissioningProjects_NextProjectId",
                table: "CommissioningProjects");

            migrationBuilder.DropIndex(
                name: "IX_CommissioningProjects_PreviousProjectId",
                table: "CommissioningProjects");

            migrationBuilder.DropColumn(
                name: "NextProjectId",
                table: "CommissioningProjects");

            migrationBuilder.DropColumn(
                name: "PreviousProjectId",
                table: "CommissioningProjects");

            migrationBuilder.DropColumn(
                name: "Keys",
                table: "Activities");
        }
    }
}
