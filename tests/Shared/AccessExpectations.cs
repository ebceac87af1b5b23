using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Tests.Shared;

/// <summary>
/// Who may reach each controller action: the authorization matrix. Every action in the app must
/// be listed here, so that a new page cannot ship without someone deciding who may see it.
/// </summary>
public static class AccessExpectations
{
    public const string Anyone = "anyone";
    public const string SignedIn = "signed-in";
    public const string Anonymous = "anonymous";

    /// <summary>Action key ("Controller.Action METHOD") to <see cref="Anyone"/>, <see cref="SignedIn"/> or a policy name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
        ["Home.Index GET"] = Anyone,
        ["Account.SignIn GET"] = Anyone,
        ["Account.SignIn POST"] = Anyone,
        ["Account.SignOutOfPortal POST"] = SignedIn,
        ["Registration.Register GET"] = Anyone,
        ["Registration.Register POST"] = Anyone,
        ["Registration.CheckYourEmail GET"] = Anyone,
        ["Registration.Confirm GET"] = Anyone,
        ["Registration.Confirm POST"] = Anyone,
        ["Account.ForgotPassword GET"] = Anyone,
        ["Account.ForgotPassword POST"] = Anyone,
        ["Account.ForgotPasswordSent GET"] = Anyone,
        ["Account.ResetPassword GET"] = Anyone,
        ["Account.ResetPassword POST"] = Anyone,
        ["Account.AccessDenied GET"] = Anyone,
        ["Public.AccessibilityStatement GET"] = Anyone,
        ["Public.Privacy GET"] = Anyone,
        ["Public.Cookies GET"] = Anyone,
        ["Errors.ServerError ANY"] = Anyone,
        ["Errors.Status ANY"] = Anyone,
        ["Errors.PageNotFound ANY"] = Anyone,
        ["CoProductionRules.Index GET"] = Anyone,
        ["Projects.Index GET"] = Policies.ProjectsEdit,
        ["Projects.Create GET"] = Policies.ProjectsEdit,
        ["Projects.Create POST"] = Policies.ProjectsEdit,
        ["Projects.Show GET"] = Policies.ProjectsEdit,
        ["Projects.Edit GET"] = Policies.ProjectsEdit,
        ["Projects.Edit POST"] = Policies.ProjectsEdit,
        ["Projects.AddEvidence GET"] = Policies.ProjectsEdit,
        ["Projects.AddEvidence POST"] = Policies.ProjectsEdit,
        ["Projects.DownloadAttachment GET"] = Policies.ProjectsEdit,
        ["Projects.RequestException GET"] = Policies.ProjectsEdit,
        ["Projects.RequestException POST"] = Policies.ProjectsEdit,
        ["Projects.MoveStage GET"] = Policies.ProjectsEdit,
        ["Projects.MoveStage POST"] = Policies.ProjectsEdit,
        // The ladder, the next cycle and the co-production statement
        ["Ladder.Compare GET"] = Policies.ProjectsEdit,
        ["NextCycle.Start GET"] = Policies.ProjectsEdit,
        ["NextCycle.Start POST"] = Policies.ProjectsEdit,
        ["CoProductionStatement.Show GET"] = Policies.ProjectsEdit,
        ["CoProductionStatement.Pdf GET"] = Policies.ProjectsEdit,
        // Organising activities and the roster
        ["ManageActivities.Index GET"] = Policies.ProjectsEdit,
        ["ManageActivities.Create GET"] = Policies.ProjectsEdit,
        ["ManageActivities.Create POST"] = Policies.ProjectsEdit,
        ["ManageActivities.Show GET"] = Policies.ProjectsEdit,
        ["ManageActivities.Edit GET"] = Policies.ProjectsEdit,
        ["ManageActivities.Edit POST"] = Policies.ProjectsEdit,
        ["ManageActivities.ChangeStatus POST"] = Policies.ProjectsEdit,
        ["ManageActivities.Confirm POST"] = Policies.ProjectsEdit,
        ["ManageActivities.WaitList POST"] = Policies.ProjectsEdit,
        ["ManageActivities.Offer POST"] = Policies.ProjectsEdit,
        ["ManageActivities.Invite POST"] = Policies.ProjectsEdit,
        ["ManageActivities.Decline GET"] = Policies.ProjectsEdit,
        ["ManageActivities.Decline POST"] = Policies.ProjectsEdit,
        ["ManageActivities.Attendance GET"] = Policies.ProjectsEdit,
        ["ManageActivities.Attendance POST"] = Policies.ProjectsEdit,
        ["ManageActivities.RecordEvidence POST"] = Policies.ProjectsEdit,
        ["Roster.Index GET"] = Policies.ProjectsEdit,
        // Profile
        ["Profile.Index GET"] = Policies.ExpertSelfService,
        ["Profile.Consent GET"] = Policies.ExpertSelfService,
        ["Profile.Consent POST"] = Policies.ExpertSelfService,
        ["Profile.WithdrawConsent GET"] = Policies.ExpertSelfService,
        ["Profile.WithdrawConsent POST"] = Policies.ExpertSelfService,
        ["Profile.Contact GET"] = Policies.ExpertSelfService,
        ["Profile.Contact POST"] = Policies.ExpertSelfService,
        ["Profile.LivedExperience GET"] = Policies.ExpertSelfService,
        ["Profile.LivedExperience POST"] = Policies.ExpertSelfService,
        ["Profile.AccessNeeds GET"] = Policies.ExpertSelfService,
        ["Profile.AccessNeeds POST"] = Policies.ExpertSelfService,
        ["Profile.Availability GET"] = Policies.ExpertSelfService,
        ["Profile.Availability POST"] = Policies.ExpertSelfService,
        // How an expert is paid, and their payment statement
        ["PaymentDetails.Payment GET"] = Policies.ExpertSelfService,
        ["PaymentDetails.Payment POST"] = Policies.ExpertSelfService,
        ["PaymentDetails.BankDetails GET"] = Policies.ExpertSelfService,
        ["PaymentDetails.BankDetails POST"] = Policies.ExpertSelfService,
        ["PaymentDetails.RemoveBankDetails GET"] = Policies.ExpertSelfService,
        ["PaymentDetails.RemoveBankDetails POST"] = Policies.ExpertSelfService,
        ["PaymentDetails.Benefits GET"] = Policies.ExpertSelfService,
        ["PaymentDetails.Benefits POST"] = Policies.ExpertSelfService,
        ["Statement.Index GET"] = Policies.ExpertSelfService,
        ["Profile.YourData GET"] = Policies.ExpertSelfService,
        ["Profile.YourDataJson GET"] = Policies.ExpertSelfService,
        ["Profile.Delete GET"] = Policies.ExpertSelfService,
        ["Profile.Delete POST"] = Policies.ExpertSelfService,
        ["Profile.Deleted GET"] = Anyone,
        ["Exceptions.Index GET"] = Policies.ExceptionsDecide,
        ["Exceptions.Decide GET"] = Policies.ExceptionsDecide,
        ["Exceptions.Decide POST"] = Policies.ExceptionsDecide,
        // Taking part
        ["Participation.Index GET"] = Policies.ExpertSelfService,
        ["Participation.Show GET"] = Policies.ExpertSelfService,
        ["Participation.SignUp POST"] = Policies.ExpertSelfService,
        ["Participation.Withdraw POST"] = Policies.ExpertSelfService,
        ["Participation.AcceptOffer POST"] = Policies.ExpertSelfService,
        ["Rules.Index GET"] = Policies.RuleSetsManage,
        ["Rules.Draft GET"] = Policies.RuleSetsManage,
        ["Rules.Draft POST"] = Policies.RuleSetsManage,
        ["Rules.Reassess GET"] = Policies.RuleSetsManage,
        ["Rules.Reassess POST"] = Policies.RuleSetsManage,
        ["Involvement.Index GET"] = Policies.ExpertSelfService,
        ["Involvement.AcceptInvitation POST"] = Policies.ExpertSelfService,
        ["Involvement.DeclineInvitation POST"] = Policies.ExpertSelfService,
        // A person's own easy-read documents: an invitation and their meetings, each a page and a PDF
        ["MyDocuments.Invitation GET"] = Policies.ExpertSelfService,
        ["MyDocuments.InvitationPdf GET"] = Policies.ExpertSelfService,
        ["MyDocuments.Bookings GET"] = Policies.ExpertSelfService,
        ["MyDocuments.BookingsPdf GET"] = Policies.ExpertSelfService,
        // Claims
        ["MyClaims.Show GET"] = Policies.ExpertSelfService,
        ["MyClaims.Fee POST"] = Policies.ExpertSelfService,
        ["MyClaims.PaymentMethod POST"] = Policies.ExpertSelfService,
        ["MyClaims.RemoveExpense POST"] = Policies.ExpertSelfService,
        ["MyClaims.AddExpense GET"] = Policies.ExpertSelfService,
        ["MyClaims.AddExpense POST"] = Policies.ExpertSelfService,
        ["MyClaims.Check GET"] = Policies.ExpertSelfService,
        ["MyClaims.Submit POST"] = Policies.ExpertSelfService,
        ["OnBehalfClaims.Show GET"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.Fee POST"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.PaymentMethod POST"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.RemoveExpense POST"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.AddExpense GET"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.AddExpense POST"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.Check GET"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.Submit POST"] = Policies.ProjectsEdit,
        ["OnBehalfClaims.MakeOnBehalf POST"] = Policies.ProjectsEdit,
        // Who may download a receipt depends on the claim: checked against it, for anyone signed in.
        ["Receipts.Download GET"] = SignedIn,
        ["Finance.Index GET"] = Policies.FinanceAccess,
        ["Finance.Claim GET"] = Policies.FinanceAccess,
        ["Finance.Claim POST"] = Policies.FinanceAccess,
        ["Finance.Correction GET"] = Policies.FinanceAccess,
        ["Finance.Correction POST"] = Policies.FinanceAccess,
        ["PaymentBatches.Index GET"] = Policies.FinanceAccess,
        ["PaymentBatches.Create POST"] = Policies.FinanceAccess,
        ["PaymentBatches.PaidOutsideBatch POST"] = Policies.FinanceAccess,
        ["PaymentBatches.Show GET"] = Policies.FinanceAccess,
        ["PaymentBatches.Export GET"] = Policies.FinanceAccess,
        ["PaymentBatches.MarkPaid POST"] = Policies.FinanceAccess,
        ["Budget.Index GET"] = Policies.PaymentsManage,
        ["Budget.Index POST"] = Policies.PaymentsManage,

        // Payment settings, and how we pay
        ["PaymentSettings.Hub GET"] = Policies.PaymentsManage,
        ["PaymentSettings.Settings GET"] = Policies.PaymentsManage,
        ["PaymentSettings.Settings POST"] = Policies.PaymentsManage,
        ["PaymentSettings.BenefitLimits GET"] = Policies.PaymentsManage,
        ["PaymentSettings.NewBenefitLimits GET"] = Policies.PaymentsManage,
        ["PaymentSettings.NewBenefitLimits POST"] = Policies.PaymentsManage,
        ["PaymentSettings.CorrectBenefitLimits GET"] = Policies.PaymentsManage,
        ["PaymentSettings.CorrectBenefitLimits POST"] = Policies.PaymentsManage,
        ["RateCard.Rates GET"] = Policies.PaymentsManage,
        ["RateCard.NewRate GET"] = Policies.PaymentsManage,
        ["RateCard.NewRate POST"] = Policies.PaymentsManage,
        ["RateCard.Rate GET"] = Policies.PaymentsManage,
        ["RateCard.AddVersion POST"] = Policies.PaymentsManage,
        ["ExpensesPolicy.Expenses GET"] = Policies.PaymentsManage,
        ["ExpensesPolicy.NewExpensesPolicy GET"] = Policies.PaymentsManage,
        ["ExpensesPolicy.NewExpensesPolicy POST"] = Policies.PaymentsManage,
        ["HowWePay.HowWePay GET"] = Anyone,
        // Easy read: the public programme, my payments, how we pay, and the lead's templates
        ["Programme.Page GET"] = Anyone,
        ["Programme.Pdf GET"] = Anyone,
        ["PaymentsEasyRead.Page GET"] = Policies.ExpertSelfService,
        ["PaymentsEasyRead.Pdf GET"] = Policies.ExpertSelfService,
        ["HowWePayEasyRead.Page GET"] = Anyone,
        ["HowWePayEasyRead.Pdf GET"] = Anyone,
        ["EasyReadTemplates.Templates GET"] = Policies.EasyReadManage,
        ["EasyReadTemplates.RecordCheck GET"] = Policies.EasyReadManage,
        ["EasyReadTemplates.RecordCheck POST"] = Policies.EasyReadManage,
        ["EasyReadTemplates.Sample GET"] = Policies.EasyReadManage,
        // Reports for co-production leads
        ["Reports.Index GET"] = Policies.ReportsView,
        ["Reports.Requirements GET"] = Policies.ReportsView,
        ["Reports.RequirementsCsv GET"] = Policies.ReportsView,
        ["Reports.OngoingCsv GET"] = Policies.ReportsView,
        ["Reports.ExceptionsCsv GET"] = Policies.ReportsView,
        ["Reports.RosterReach GET"] = Policies.ReportsView,
        ["Reports.RosterReachCsv GET"] = Policies.ReportsView,
        ["Reports.Payments GET"] = Policies.ReportsView,
        ["Reports.PaymentsCsv GET"] = Policies.ReportsView,
        ["Reports.SevenKeys GET"] = Policies.ReportsView,
        ["Reports.SevenKeysCsv GET"] = Policies.ReportsView,
        ["Reports.YouSaidWeDid GET"] = Policies.ReportsView,
        ["Reports.YouSaidWeDidCsv GET"] = Policies.ReportsView,
        ["EasyReadTemplates.SamplePdf GET"] = Policies.EasyReadManage,
        // The audit log, on screen and as CSV
        ["Audit.Index GET"] = Policies.AuditView,
        ["Audit.Export GET"] = Policies.AuditView,
        // The retention policy: the dry-run report and running it by hand
        ["Retention.Index GET"] = Policies.RetentionManage,
        ["Retention.Run POST"] = Policies.RetentionManage,
        // Feedback themes, answers and publishing "you said, we did"; the public pages and the participant's easy read
        ["Feedback.Index GET"] = Policies.ProjectsEdit,
        ["Feedback.AddToTheme POST"] = Policies.ProjectsEdit,
        ["Feedback.Publish POST"] = Policies.ProjectsEdit,
        ["FeedbackThemes.Theme GET"] = Policies.ProjectsEdit,
        ["FeedbackThemes.Rename POST"] = Policies.ProjectsEdit,
        ["FeedbackThemes.Understand POST"] = Policies.ProjectsEdit,
        ["FeedbackThemes.Answer POST"] = Policies.ProjectsEdit,
        ["FeedbackThemes.Merge POST"] = Policies.ProjectsEdit,
        ["FeedbackThemes.TakeOut POST"] = Policies.ProjectsEdit,
        ["YouSaidWeDid.PublicIndex GET"] = Anyone,
        ["YouSaidWeDid.PublicShow GET"] = Anyone,
        ["YouSaidWeDid.EasyRead GET"] = Anyone,
        ["YouSaidWeDid.EasyReadPdf GET"] = Anyone,
        ["MyYouSaidWeDid.Page GET"] = Policies.ExpertSelfService,
        ["MyYouSaidWeDid.Pdf GET"] = Policies.ExpertSelfService,
        ["StaffAccounts.Index GET"] = Policies.SchemeAdministration,
        ["BackgroundWork.Index GET"] = Policies.SchemeAdministration,
        ["StaffAccounts.Create GET"] = Policies.SchemeAdministration,
        ["StaffAccounts.Create POST"] = Policies.SchemeAdministration,
        ["StaffAccounts.ChangeRoles GET"] = Policies.SchemeAdministration,
        ["StaffAccounts.ChangeRoles POST"] = Policies.SchemeAdministration,
        ["StaffAccounts.ResetTwoFactor POST"] = Policies.SchemeAdministration,
        // Two-factor sign-in: the second step is between the password and being signed in
        ["TwoFactorSignIn.Code GET"] = Anyone,
        ["TwoFactorSignIn.Code POST"] = Anyone,
        ["TwoFactorSignIn.RecoveryCode GET"] = Anyone,
        ["TwoFactorSignIn.RecoveryCode POST"] = Anyone,
        ["TwoFactorSignIn.KeepAlive GET"] = SignedIn,
        ["TwoFactor.Index GET"] = SignedIn,
        ["TwoFactor.SetUp GET"] = SignedIn,
        ["TwoFactor.SetUp POST"] = SignedIn,
        ["TwoFactor.RecoveryCodes POST"] = SignedIn,
        ["TwoFactor.TurnOff POST"] = SignedIn,
        // Feedback capture: the organiser's notes and an activity's 7 Keys; a participant's own attended activities
        ["ActivityFeedback.Notes GET"] = Policies.ProjectsEdit,
        ["ActivityFeedback.Notes POST"] = Policies.ProjectsEdit,
        ["ActivityFeedback.Edit GET"] = Policies.ProjectsEdit,
        ["ActivityFeedback.Edit POST"] = Policies.ProjectsEdit,
        ["ActivityFeedback.Keys GET"] = Policies.ProjectsEdit,
        ["ActivityFeedback.Keys POST"] = Policies.ProjectsEdit,
        ["MyFeedback.MyNotes GET"] = Policies.ExpertSelfService,
        ["MyFeedback.Correct GET"] = Policies.ExpertSelfService,
        ["MyFeedback.Correct POST"] = Policies.ExpertSelfService,
    };

    /// <summary>Values put into route templates when a test calls an action.</summary>
    private static readonly Dictionary<string, string> SampleRouteValues = new()
    {
        ["statusCode"] = "404",
        ["id"] = "1",
        ["code"] = "R1",
        ["evidenceId"] = "1",
        ["attachmentId"] = "1",
        ["signUpId"] = "1",
        ["activityId"] = "1",
        ["itemId"] = "1",
        ["number"] = "1",
        ["userId"] = "no-such-account",
        ["kind"] = "payments",
        ["themeId"] = "1",
    };

    /// <summary>Anonymous visitors and each role, as the matrix's columns.</summary>
    public static IReadOnlyList<string> Audiences => [Anonymous, .. Roles.All];

    public static bool IsAllowed(string expectation, string audience) => expectation switch
    {
        Anyone => true,
        SignedIn => audience != Anonymous,
        _ => audience != Anonymous && Policies.RolesByPolicy[expectation].Contains(audience),
    };

    public sealed record PortalAction(string Key, string Method, string Url);

    /// <summary>Every controller action the running app has, with a URL to call it.</summary>
    public static IReadOnlyList<PortalAction> Discover(IServiceProvider services)
    {
        var actions = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>();
        var result = new List<PortalAction>();
        foreach (var action in actions)
        {
            var methods = action.ActionConstraints?.OfType<Microsoft.AspNetCore.Mvc.ActionConstraints.HttpMethodActionConstraint>()
                .SelectMany(c => c.HttpMethods).ToList() ?? [];
            var template = action.AttributeRouteInfo?.Template;
            // The fallback action has no route of its own: it answers any unknown address.
            var url = template is null ? "/no-such-page-here" : "/" + FillTemplate(template);
            foreach (var method in methods.Count == 0 ? ["ANY"] : methods)
            {
                result.Add(new PortalAction($"{action.ControllerName}.{action.ActionName} {method}", method, url));
            }
        }
        return result.DistinctBy(a => a.Key).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
    }

    private static string FillTemplate(string template)
    {
        var parsed = Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(template);
        var segments = parsed.Segments.Select(segment => string.Concat(segment.Parts.Select(part =>
            part.IsParameter
                ? SampleRouteValues.TryGetValue(part.Name!, out var value)
                    ? value
                    : throw new InvalidOperationException($"Add a sample value for route parameter '{part.Name}' in {nameof(AccessExpectations)}.")
                : part.Text)));
        return string.Join('/', segments);
    }
}
