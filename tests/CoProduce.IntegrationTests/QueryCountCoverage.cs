using CoProduce.IntegrationTests.EasyRead;
using CoProduce.IntegrationTests.Feedback;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Which test counts the SQL commands of each page, or why a page needs none. Every GET action the
/// app has must be here (<see cref="QueryCountCoverageTests"/> checks it against the running app),
/// so a new page without a count test fails the suite with its name.
/// </summary>
public static class QueryCountCoverage
{
    /// <summary>How a page is covered.</summary>
    public abstract record Coverage;

    /// <summary>The test that loads the page, grows the data it could list ten times, and asserts the same SQL command count.</summary>
    public sealed record CountedBy(Type TestClass, string Test) : Coverage;

    /// <summary>The page reads nothing that grows with the council's data: the reason says what it reads.</summary>
    public sealed record ReadsNoGrowingData(string Why) : Coverage;

    private static CountedBy Counted<T>(string test) => new(typeof(T), test);

    private static ReadsNoGrowingData Static => new("A fixed page or form: it reads at most the signed-in account.");

    /// <summary>Action key ("Controller.Action METHOD", as in <see cref="CoProduce.Tests.Shared.AccessExpectations"/>) to its coverage.</summary>
    public static readonly IReadOnlyDictionary<string, Coverage> Pages = new Dictionary<string, Coverage>
    {
        // Fixed pages, sign-in steps and errors
        ["Home.Index GET"] = Static,
        ["Account.SignIn GET"] = Static,
        ["Account.ForgotPassword GET"] = Static,
        ["Account.ForgotPasswordSent GET"] = Static,
        ["Account.ResetPassword GET"] = new ReadsNoGrowingData("Finds the one account the emailed link names, by id."),
        ["Account.AccessDenied GET"] = Static,
        ["Registration.Register GET"] = Static,
        ["Registration.CheckYourEmail GET"] = Static,
        ["Registration.Confirm GET"] = new ReadsNoGrowingData("Finds the one pending registration the emailed token names."),
        ["Public.AccessibilityStatement GET"] = Static,
        ["Public.Privacy GET"] = Static,
        ["Public.Cookies GET"] = Static,
        ["Errors.ServerError ANY"] = Static,
        ["Errors.Status ANY"] = Static,
        ["Errors.PageNotFound ANY"] = Static,
        ["Profile.Deleted GET"] = Static,
        ["TwoFactorSignIn.Code GET"] = Static,
        ["TwoFactorSignIn.RecoveryCode GET"] = Static,
        ["TwoFactorSignIn.KeepAlive GET"] = Static,
        ["TwoFactor.Index GET"] = Static,
        ["TwoFactor.SetUp GET"] = Static,
        ["Projects.Create GET"] = Static,
        ["RateCard.NewRate GET"] = Static,
        ["StaffAccounts.Create GET"] = Static,
        ["PaymentSettings.Hub GET"] = Static,
        ["Reports.Index GET"] = Static,
        // Files streamed as they were uploaded, found by id after a check of who may see them
        ["Projects.DownloadAttachment GET"] = new ReadsNoGrowingData("Streams one uploaded file, found by its project, evidence and attachment ids."),
        ["Receipts.Download GET"] = new ReadsNoGrowingData("Streams one receipt, found by its claim id and number, after checking who may see it."),

        // Commissioning and the ladder
        ["Projects.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Projects_SameCommands_WithTenTimesTheProjects)),
        ["Projects.Show GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.ProjectPage_SameCommands_WithTenTimesItsEvidenceExceptionsAndHistory)),
        ["Projects.Edit GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ProjectForms_SameCommands_WithTenTimesTheProjectsEvidenceAndActivities)),
        ["Projects.AddEvidence GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ProjectForms_SameCommands_WithTenTimesTheProjectsEvidenceAndActivities)),
        ["Projects.RequestException GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ProjectForms_SameCommands_WithTenTimesTheProjectsEvidenceAndActivities)),
        ["Projects.MoveStage GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ProjectForms_SameCommands_WithTenTimesTheProjectsEvidenceAndActivities)),
        ["NextCycle.Start GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ProjectForms_SameCommands_WithTenTimesTheProjectsEvidenceAndActivities)),
        ["CoProductionStatement.Pdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ProjectForms_SameCommands_WithTenTimesTheProjectsEvidenceAndActivities)),
        ["Ladder.Compare GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.LadderComparison_SameCommands_WithTenTimesTheProjectsAndAttendance)),
        ["CoProductionStatement.Show GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.CoProductionStatement_SameCommands_WithTenTimesTheActivitiesAndPeople)),
        ["Exceptions.Index GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["Exceptions.Decide GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["Rules.Index GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["Rules.Draft GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["Rules.Reassess GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["CoProductionRules.Index GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),

        // Organising activities and the roster (the activity page and the roster are being paged: their own tests)
        ["ManageActivities.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.ManageActivities_SameCommands_WithTenTimesTheActivities)),
        ["ManageActivities.Show GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.ActivityPage_SameCommands_WithTenTimesItsSignUps)),
        ["ManageActivities.Create GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.OrganisersActivityForms_SameCommands_WithTenTimesTheSignUpsNotesAndProjects)),
        ["ManageActivities.Edit GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.OrganisersActivityForms_SameCommands_WithTenTimesTheSignUpsNotesAndProjects)),
        ["ManageActivities.Decline GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.OrganisersActivityForms_SameCommands_WithTenTimesTheSignUpsNotesAndProjects)),
        ["ManageActivities.Attendance GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.OrganisersActivityForms_SameCommands_WithTenTimesTheSignUpsNotesAndProjects)),
        ["ActivityFeedback.Notes GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.ActivityNotes_SameCommands_WithTenTimesTheNotesAndPeople)),
        ["ActivityFeedback.Edit GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.OrganisersActivityForms_SameCommands_WithTenTimesTheSignUpsNotesAndProjects)),
        ["ActivityFeedback.Keys GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.OrganisersActivityForms_SameCommands_WithTenTimesTheSignUpsNotesAndProjects)),
        ["Roster.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Roster_SameCommands_WithTenTimesThePeople)),
        ["OnBehalfClaims.Show GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ClaimsForSomeone_SameCommands_WithTenTimesTheExpensesAndOtherClaims)),
        ["OnBehalfClaims.AddExpense GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ClaimsForSomeone_SameCommands_WithTenTimesTheExpensesAndOtherClaims)),
        ["OnBehalfClaims.Check GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ClaimsForSomeone_SameCommands_WithTenTimesTheExpensesAndOtherClaims)),

        // Feedback and "you said, we did"
        ["Feedback.Index GET"] = Counted<FeedbackQueryCountTests>(nameof(FeedbackQueryCountTests.FeedbackPage_SameCommands_WithTenTimesTheNotesAndThemes)),
        ["FeedbackThemes.Theme GET"] = Counted<FeedbackQueryCountTests>(nameof(FeedbackQueryCountTests.ThemePage_SameCommands_WithTenTimesTheNotesAndThemes)),
        ["YouSaidWeDid.PublicIndex GET"] = Counted<FeedbackQueryCountTests>(nameof(FeedbackQueryCountTests.PublicPages_SameCommands_WithTenTimesThePublishedProjectsAndThemes)),
        ["YouSaidWeDid.PublicShow GET"] = Counted<FeedbackQueryCountTests>(nameof(FeedbackQueryCountTests.PublicPages_SameCommands_WithTenTimesThePublishedProjectsAndThemes)),
        ["YouSaidWeDid.EasyRead GET"] = Counted<FeedbackQueryCountTests>(nameof(FeedbackQueryCountTests.PublicPages_SameCommands_WithTenTimesThePublishedProjectsAndThemes)),
        ["YouSaidWeDid.EasyReadPdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.PublicDocuments_SameCommands_WithTenTimesTheActivitiesRatesAndThemes)),
        ["MyYouSaidWeDid.Page GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["MyYouSaidWeDid.Pdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["MyFeedback.MyNotes GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.MyActivityNotes_SameCommands_WithTenTimesTheNotes)),
        ["MyFeedback.Correct GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),

        // An expert by experience's own pages
        ["Profile.Index GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.Consent GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.WithdrawConsent GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.Contact GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.LivedExperience GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.AccessNeeds GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.Availability GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.YourData GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.YourDataJson GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Profile.Delete GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["PaymentDetails.Payment GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["PaymentDetails.BankDetails GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["PaymentDetails.RemoveBankDetails GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["PaymentDetails.Benefits GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Statement.Index GET"] = Counted<PaymentDetailsTests>(nameof(PaymentDetailsTests.Statement_SendsTheSameNumberOfCommands_HoweverManyClaims)),
        ["Participation.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.FindActivities_SameCommands_WithTenTimesTheActivities)),
        ["Participation.Show GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["Involvement.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.MyInvolvement_SameCommands_WithTenTimesTheirActivities)),
        ["MyDocuments.Invitation GET"] = Counted<InvitationAndBookingsTests>(nameof(InvitationAndBookingsTests.BookingsAndInvitation_SameCommands_WithTenTimesTheData)),
        ["MyDocuments.Bookings GET"] = Counted<InvitationAndBookingsTests>(nameof(InvitationAndBookingsTests.BookingsAndInvitation_SameCommands_WithTenTimesTheData)),
        ["MyDocuments.InvitationPdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["MyDocuments.BookingsPdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["PaymentsEasyRead.Page GET"] = Counted<PaymentsDocumentTests>(nameof(PaymentsDocumentTests.MyPayments_ListsTheMostRecent30Claims_AddsUpAll_AndSendsTheSameCommandsHoweverMany)),
        ["PaymentsEasyRead.Pdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ExpertsOwnPages_SameCommands_WithTenTimesTheirActivitiesClaimsAndNotes)),
        ["MyClaims.Show GET"] = Counted<ClaimTests>(nameof(ClaimTests.ClaimPages_SendTheSameSqlCommands_HoweverManyExpensesStepsAndOtherClaims)),
        ["MyClaims.AddExpense GET"] = Counted<ClaimTests>(nameof(ClaimTests.ClaimPages_SendTheSameSqlCommands_HoweverManyExpensesStepsAndOtherClaims)),
        ["MyClaims.Check GET"] = Counted<ClaimTests>(nameof(ClaimTests.ClaimPages_SendTheSameSqlCommands_HoweverManyExpensesStepsAndOtherClaims)),

        // Finance (the batch page and its export are being paged and streamed: their own tests)
        ["Finance.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.FinanceQueue_SameCommands_WithTenTimesTheClaims)),
        ["Finance.Claim GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.FinanceClaimPage_SameCommands_WhateverItsHistory)),
        ["Finance.Correction GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.FinanceCorrection_SameCommands_WhateverTheClaimsHistory)),
        ["PaymentBatches.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.PaymentBatches_SameCommands_WithTenTimesEveryGroupWaitingAndTheBatches_AndThePageStaysBounded)),
        ["PaymentBatches.Show GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.PaymentBatchPage_SameCommands_ForABatchTenTimesAsBig)),
        ["PaymentBatches.Export GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.PaymentBatchPage_SameCommands_ForABatchTenTimesAsBig)),

        // Payment settings, the rate card, the budget and how we pay
        ["Budget.Index GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["PaymentSettings.Settings GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["PaymentSettings.BenefitLimits GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["PaymentSettings.NewBenefitLimits GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["PaymentSettings.CorrectBenefitLimits GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["RateCard.Rates GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.RateCardPages_SameCommands_WithTenTimesTheRates)),
        ["RateCard.Rate GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["ExpensesPolicy.Expenses GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["ExpensesPolicy.NewExpensesPolicy GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["HowWePay.HowWePay GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.RateCardPages_SameCommands_WithTenTimesTheRates)),

        // Easy read documents for everyone, and the lead's templates
        ["Programme.Page GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Programme_SameCommands_WithTenTimesTheActivities)),
        ["Programme.Pdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.PublicDocuments_SameCommands_WithTenTimesTheActivitiesRatesAndThemes)),
        ["HowWePayEasyRead.Page GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.PublicDocuments_SameCommands_WithTenTimesTheActivitiesRatesAndThemes)),
        ["HowWePayEasyRead.Pdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.PublicDocuments_SameCommands_WithTenTimesTheActivitiesRatesAndThemes)),
        ["EasyReadTemplates.Templates GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["EasyReadTemplates.RecordCheck GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["EasyReadTemplates.Sample GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["EasyReadTemplates.SamplePdf GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),

        // Reports, the audit log, retention and administration
        ["Reports.Requirements GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Reports_SameCommands_WithTenTimesTheData)),
        ["Reports.RequirementsCsv GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Reports_SameCommands_WithTenTimesTheData)),
        ["Reports.RosterReach GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Reports_SameCommands_WithTenTimesTheData)),
        ["Reports.Payments GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Reports_SameCommands_WithTenTimesTheData)),
        ["Reports.SevenKeys GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Reports_SameCommands_WithTenTimesTheData)),
        ["Reports.SevenKeysCsv GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Reports_SameCommands_WithTenTimesTheData)),
        ["Reports.YouSaidWeDid GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.Reports_SameCommands_WithTenTimesTheData)),
        ["Reports.OngoingCsv GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ReportDownloads_SameCommands_WithTenTimesTheData)),
        ["Reports.ExceptionsCsv GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ReportDownloads_SameCommands_WithTenTimesTheData)),
        ["Reports.RosterReachCsv GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ReportDownloads_SameCommands_WithTenTimesTheData)),
        ["Reports.PaymentsCsv GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ReportDownloads_SameCommands_WithTenTimesTheData)),
        ["Reports.YouSaidWeDidCsv GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.ReportDownloads_SameCommands_WithTenTimesTheData)),
        ["Audit.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.AuditLog_SameCommands_WithTenTimesTheEntries)),
        ["Audit.Export GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.AuditLog_SameCommands_WithTenTimesTheEntries)),
        ["Retention.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.RetentionDryRun_SameCommands_WithTenTimesThePeopleDue)),
        ["BackgroundWork.Index GET"] = Counted<QueryCountTests>(nameof(QueryCountTests.BackgroundWork_SameCommands_WithTenTimesTheJobs)),
        ["StaffAccounts.Index GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
        ["StaffAccounts.ChangeRoles GET"] = Counted<PageQueryCountTests>(nameof(PageQueryCountTests.LeadsPages_SameCommands_WithTenTimesTheExceptionsRulesStaffAndSettings)),
    };
}
