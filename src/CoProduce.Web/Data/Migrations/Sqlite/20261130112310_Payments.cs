using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduce.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FeeAmount",
                table: "SignUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeeKind",
                table: "SignUps",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FeePaysPreparation",
                table: "SignUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FeePaysTravel",
                table: "SignUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FeeRateItemId",
                table: "SignUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeRateVersion",
                table: "SignUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RateItemId",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BenefitLimits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UniversalCreditWorkAllowanceWithHousingCosts = table.Column<long>(type: "INTEGER", nullable: false),
                    UniversalCreditWorkAllowanceWithoutHousingCosts = table.Column<long>(type: "INTEGER", nullable: false),
                    UniversalCreditTaperBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    EsaPermittedWorkHigherWeeklyLimit = table.Column<long>(type: "INTEGER", nullable: false),
                    EsaPermittedWorkLowerWeeklyLimit = table.Column<long>(type: "INTEGER", nullable: false),
                    EsaPermittedWorkWeeklyHours = table.Column<int>(type: "INTEGER", nullable: false),
                    CarersAllowanceWeeklyEarningsLimit = table.Column<long>(type: "INTEGER", nullable: false),
                    TradingAllowancePerTaxYear = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SourceLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitLimits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendanceRecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CorrectsClaimId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PaymentMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FeeOffered = table.Column<long>(type: "INTEGER", nullable: true),
                    FeeTaken = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstSubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastExpenseNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    WarningsSeen = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Claims_CorrectsClaimId",
                        column: x => x.CorrectsClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_ExpertProfiles_ExpertProfileId",
                        column: x => x.ExpertProfileId,
                        principalTable: "ExpertProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_SignUps_SignUpId",
                        column: x => x.SignUpId,
                        principalTable: "SignUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoProductionBudgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoProductionBudgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpensesPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MileageRatePerMile = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpensesPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PaidByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PaidUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentDetails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedBankDetails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BankDetailsUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BenefitsAnswer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UniversalCreditAssessmentDay = table.Column<int>(type: "INTEGER", nullable: true),
                    UniversalCreditHousingCosts = table.Column<bool>(type: "INTEGER", nullable: false),
                    UniversalCreditWorkAllowance = table.Column<bool>(type: "INTEGER", nullable: false),
                    NewStyleEsa = table.Column<bool>(type: "INTEGER", nullable: false),
                    CarersAllowance = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentDetails_ExpertProfiles_ExpertProfileId",
                        column: x => x.ExpertProfileId,
                        principalTable: "ExpertProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    WelfareRightsAdviceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WelfareRightsAdviceLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SecondApprovalAbove = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActivityType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClaimDecisions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimDecisions", x => new { x.ClaimId, x.Number });
                    table.ForeignKey(
                        name: "FK_ClaimDecisions_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimExpenses",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Miles = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceiptFileReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceiptFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimExpenses", x => new { x.ClaimId, x.Number });
                    table.ForeignKey(
                        name: "FK_ClaimExpenses_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpenseRules",
                columns: table => new
                {
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ExpensesPolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CapPerClaim = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptNeeded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpenseRules", x => new { x.ExpensesPolicyId, x.Category });
                    table.ForeignKey(
                        name: "FK_ExpenseRules_ExpensesPolicies_ExpensesPolicyId",
                        column: x => x.ExpensesPolicyId,
                        principalTable: "ExpensesPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentBatchLines",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentBatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBatchLines", x => new { x.PaymentBatchId, x.Position });
                    table.ForeignKey(
                        name: "FK_PaymentBatchLines_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentBatchLines_ExpertProfiles_ExpertProfileId",
                        column: x => x.ExpertProfileId,
                        principalTable: "ExpertProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentBatchLines_PaymentBatches_PaymentBatchId",
                        column: x => x.PaymentBatchId,
                        principalTable: "PaymentBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RateItemVersions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    RateItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    PaysPreparation = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaysTravel = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateItemVersions", x => new { x.RateItemId, x.Number });
                    table.ForeignKey(
                        name: "FK_RateItemVersions_RateItems_RateItemId",
                        column: x => x.RateItemId,
                        principalTable: "RateItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_RateItemId",
                table: "Activities",
                column: "RateItemId");

            migrationBuilder.CreateIndex(
                name: "IX_BenefitLimits_EffectiveFrom",
                table: "BenefitLimits",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimDecisions_Step_AtUtc",
                table: "ClaimDecisions",
                columns: new[] { "Step", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ActivityId",
                table: "Claims",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_CorrectsClaimId",
                table: "Claims",
                column: "CorrectsClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ExpertProfileId_Status",
                table: "Claims",
                columns: new[] { "ExpertProfileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_SignUpId",
                table: "Claims",
                column: "SignUpId",
                unique: true,
                filter: "[CorrectsClaimId] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_UpdatedUtc",
                table: "Claims",
                columns: new[] { "Status", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CoProductionBudgets_StartYear",
                table: "CoProductionBudgets",
                column: "StartYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpensesPolicies_EffectiveFrom",
                table: "ExpensesPolicies",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpensesPolicies_Version",
                table: "ExpensesPolicies",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatchLines_ClaimId",
                table: "PaymentBatchLines",
                column: "ClaimId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatchLines_ExpertProfileId",
                table: "PaymentBatchLines",
                column: "ExpertProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentDetails_ExpertProfileId",
                table: "PaymentDetails",
                column: "ExpertProfileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RateItems_Name",
                table: "RateItems",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_RateItems_RateItemId",
                table: "Activities",
                column: "RateItemId",
                principalTable: "RateItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Activities_RateItems_RateItemId",
                table: "Activities");

            migrationBuilder.DropTable(
                name: "BenefitLimits");

            migrationBuilder.DropTable(
                name: "ClaimDecisions");

            migrationBuilder.DropTable(
                name: "ClaimExpenses");

            migrationBuilder.DropTable(
                name: "CoProductionBudgets");

            migrationBuilder.DropTable(
                name: "ExpenseRules");

            migrationBuilder.DropTable(
                name: "PaymentBatchLines");

            migrationBuilder.DropTable(
                name: "PaymentDetails");

            migrationBuilder.DropTable(
                name: "PaymentSettings");

            migrationBuilder.DropTable(
                name: "RateItemVersions");

            migrationBuilder.DropTable(
                name: "ExpensesPolicies");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "PaymentBatches");

            migrationBuilder.DropTable(
                name: "RateItems");

            migrationBuilder.DropIndex(
                name: "IX_Activities_RateItemId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "FeeAmount",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "FeeKind",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "FeePaysPreparation",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "FeePaysTravel",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "FeeRateItemId",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "FeeRateVersion",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "RateItemId",
                table: "Activities");
        }
    }
}
