namespace CoProduce.Web.Domain.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to which subject, when, with the value
/// before and after. Entries are only ever added; the data layer refuses to change or delete one.
/// Entries are written by services, beside the change they record and in the same transaction.
/// Before and after values never hold personal details (needs, lived experience, bank details):
/// they say what kind of thing changed, not what a person told us.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 50;
    public const int SummaryMaxLength = 1000;
    public const int ValueMaxLength = 4000;

    private AuditEntry()
    {
    }

    /// <param name="subject">What the entry is about.</param>
    /// <param name="projectId">The project it belongs to, if any, so that the project's history shows it.</param>
    public AuditEntry(AuditSubject subject, int? projectId, string action, string summary, string byUserId, DateTime atUtc, string? before = null, string? after = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject.Id);
        SubjectType = subject.Type;
        SubjectId = subject.Id;
        ProjectId = projectId;
        Action = action;
        Summary = Truncate(summary, SummaryMaxLength)!;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Before = Truncate(before, ValueMaxLength);
        After = Truncate(after, ValueMaxLength);
    }

    public long Id { get; private set; }

    public AuditSubjectType SubjectType { get; private set; }

    /// <summary>The subject's id: a number for most subjects, the user id for a staff account.</summary>
    public string SubjectId { get; private set; } = string.Empty;

    /// <summary>The project it belongs to, if any (a rule-set or profile change belongs to no project).</summary>
    public int? ProjectId { get; private set; }

    public string Action { get; private set; } = string.Empty;
    public string Summary { get; private set; } = string.Empty;
    public string ByUserId { get; private set; } = string.Empty;
    public DateTime AtUtc { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    public AuditSubject Subject => new(SubjectType, SubjectId);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

/// <summary>The kinds of thing an audit entry can be about.</summary>
public enum AuditSubjectType
{
    Project, Activity, SignUp, Profile, RuleSet, Exception, StaffAccount,
    Claim, PaymentBatch, RateItem, ExpensesPolicy, BenefitLimits, PaymentSettings, CoProductionBudget,

    /// <summary>A person's payment details (how they are paid, bank details, benefits): never their content.</summary>
    PaymentDetails,

    /// <summary>An easy-read document template, by its kind ("Payments").</summary>
    EasyReadTemplate,

    /// <summary>A note of what someone said at an activity.</summary>
    FeedbackItem,

    /// <summary>A theme made from feedback, with its answer.</summary>
    FeedbackTheme,

    /// <summary>One run of the retention policy, by the moment it ran (UTC, "20261130T030000Z").</summary>
    RetentionRun,
}

/// <summary>What an audit entry is about: its type and id.</summary>
public readonly record struct AuditSubject(AuditSubjectType Type, string Id)
{
    public const int IdMaxLength = 64;

    public static AuditSubject Project(int id) => Of(AuditSubjectType.Project, id);

    public static AuditSubject Activity(int id) => Of(AuditSubjectType.Activity, id);

    public static AuditSubject SignUp(int id) => Of(AuditSubjectType.SignUp, id);

    /// <summary>An expert by experience's profile.</summary>
    public static AuditSubject Profile(int id) => Of(AuditSubjectType.Profile, id);

    /// <summary>A tier rule set, by its version number (versions are unique and are what people call them).</summary>
    public static AuditSubject RuleSet(int version) => Of(AuditSubjectType.RuleSet, version);

    /// <summary>An exception request on a requirement.</summary>
    public static AuditSubject Exception(int id) => Of(AuditSubjectType.Exception, id);

    public static AuditSubject StaffAccount(string userId) => new(AuditSubjectType.StaffAccount, userId);

    public static AuditSubject Claim(int id) => Of(AuditSubjectType.Claim, id);

    public static AuditSubject PaymentBatch(int id) => Of(AuditSubjectType.PaymentBatch, id);

    public static AuditSubject RateItem(int id) => Of(AuditSubjectType.RateItem, id);

    /// <summary>An expenses policy, by its version number.</summary>
    public static AuditSubject ExpensesPolicy(int version) => Of(AuditSubjectType.ExpensesPolicy, version);

    public static AuditSubject BenefitLimits(int id) => Of(AuditSubjectType.BenefitLimits, id);

    /// <summary>The payment settings (there is one set).</summary>
    public static AuditSubject PaymentSettings() => Of(AuditSubjectType.PaymentSettings, 1);

    /// <summary>A year's co-production budget, by the calendar year its financial year starts in.</summary>
    public static AuditSubject CoProductionBudget(int startYear) => Of(AuditSubjectType.CoProductionBudget, startYear);

    /// <summary>A person's payment details, by their expert profile id.</summary>
    public static AuditSubject PaymentDetails(int expertProfileId) => Of(AuditSubjectType.PaymentDetails, expertProfileId);

    /// <summary>An easy-read document template, by its kind's name.</summary>
    public static AuditSubject EasyReadTemplate(EasyRead.EasyReadDocumentKind kind) => new(AuditSubjectType.EasyReadTemplate, kind.ToString());

    public static AuditSubject FeedbackItem(long id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        return new(AuditSubjectType.FeedbackItem, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static AuditSubject FeedbackTheme(int id) => Of(AuditSubjectType.FeedbackTheme, id);

    /// <summary>A run of the retention policy, named by when it ran.</summary>
    public static AuditSubject RetentionRun(DateTime atUtc) =>
        new(AuditSubjectType.RetentionRun, atUtc.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    private static AuditSubject Of(AuditSubjectType type, int id)
    {
        // An id of 0 means the subject has not been saved yet: save it first, then audit it.
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        return new(type, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => $"{Type} {Id}";
}

/// <summary>The kinds of thing the audit log records.</summary>
public static class AuditActions
{
    public const string ProjectCreated = "ProjectCreated";
    public const string ProjectDetailsChanged = "ProjectDetailsChanged";
    public const string ValueChanged = "ValueChanged";
    public const string StageMoved = "StageMoved";
    public const string EvidenceAdded = "EvidenceAdded";
    public const string ExceptionRequested = "ExceptionRequested";
    public const string ExceptionDecided = "ExceptionDecided";
    public const string RuleSetPublished = "RuleSetPublished";
    public const string ProjectReassessed = "ProjectReassessed";

    public const string ActivityCreated = "ActivityCreated";
    public const string ActivityChanged = "ActivityChanged";
    public const string ActivityStatusChanged = "ActivityStatusChanged";
    public const string ActivityRecordedAsEvidence = "ActivityRecordedAsEvidence";
    public const string PlaceRequested = "PlaceRequested";
    public const string PersonInvited = "PersonInvited";
    public const string InvitationAnswered = "InvitationAnswered";
    public const string PlaceConfirmed = "PlaceConfirmed";
    public const string PlaceWaitListed = "PlaceWaitListed";
    public const string PlaceOffered = "PlaceOffered";
    public const string OfferAccepted = "OfferAccepted";
    public const string PlaceDeclined = "PlaceDeclined";
    public const string PlaceWithdrawn = "PlaceWithdrawn";
    public const string AttendanceRecorded = "AttendanceRecorded";

    public const string ConsentGiven = "ConsentGiven";
    public const string ConsentWithdrawn = "ConsentWithdrawn";
    public const string ProfileDeleted = "ProfileDeleted";

    /// <summary>A part of an expert's profile was saved. The entry names the part, never what the person told us.</summary>
    public const string ProfileChanged = "ProfileChanged";

    public const string StaffAccountCreated = "StaffAccountCreated";
    public const string StaffRolesChanged = "StaffRolesChanged";
    public const string StaffAccountLocked = "StaffAccountLocked";

    // Two-factor sign-in. Entries never hold the key or the codes.
    public const string TwoFactorTurnedOn = "TwoFactorTurnedOn";
    public const string TwoFactorTurnedOff = "TwoFactorTurnedOff";
    public const string RecoveryCodesRenewed = "RecoveryCodesRenewed";
    public const string RecoveryCodeUsed = "RecoveryCodeUsed";
    public const string TwoFactorReset = "TwoFactorReset";

    // Money events. Their before and after hold amounts and statuses, never bank details.
    public const string ClaimCreated = "ClaimCreated";
    public const string ClaimChanged = "ClaimChanged";
    public const string ClaimSubmitted = "ClaimSubmitted";
    public const string ClaimQueried = "ClaimQueried";
    public const string ClaimApproved = "ClaimApproved";
    public const string ClaimRejected = "ClaimRejected";
    public const string ClaimBatched = "ClaimBatched";
    public const string ClaimPaid = "ClaimPaid";
    public const string BatchCreated = "BatchCreated";
    public const string BatchExported = "BatchExported";
    public const string BatchPaid = "BatchPaid";
    public const string RateChanged = "RateChanged";
    public const string ExpensesPolicyPublished = "ExpensesPolicyPublished";
    public const string BenefitLimitsChanged = "BenefitLimitsChanged";
    public const string PaymentSettingsChanged = "PaymentSettingsChanged";
    public const string BudgetSet = "BudgetSet";
    public const string PaymentDetailsChanged = "PaymentDetailsChanged";

    /// <summary>An easy-read template was checked with people with a learning disability, at an activity.</summary>
    public const string EasyReadTemplateChecked = "EasyReadTemplateChecked";

    // Closing the loop. Entries name the item or theme, never who said something.
    public const string FeedbackRecorded = "FeedbackRecorded";
    public const string FeedbackChanged = "FeedbackChanged";
    public const string FeedbackCorrectedByParticipant = "FeedbackCorrectedByParticipant";
    public const string ActivityKeysTagged = "ActivityKeysTagged";
    public const string ThemeCreated = "ThemeCreated";
    public const string ThemeChanged = "ThemeChanged";
    public const string ThemesMerged = "ThemesMerged";
    public const string FeedbackThemed = "FeedbackThemed";
    public const string ThemeAnswered = "ThemeAnswered";
    public const string YouSaidWeDidPublished = "YouSaidWeDidPublished";
    public const string NextCycleStarted = "NextCycleStarted";
    public const string StatementDownloaded = "StatementDownloaded";

    /// <summary>
    /// A member of staff was shown a person's special category data (access needs, lived experience,
    /// benefit warnings, bank details). The entry names the kinds and the page, never the data.
    /// </summary>
    public const string SpecialCategoryViewed = "SpecialCategoryViewed";

    /// <summary>A co-production lead took a copy of the audit log as CSV. The entry says which filters, not what the copy held.</summary>
    public const string AuditLogExported = "AuditLogExported";

    // The retention policy. Entries name the payee reference, claim or note, never a person's name.
    /// <summary>An expert by experience inactive for the whole period was anonymised, as if they had deleted their information.</summary>
    public const string RetentionPersonAnonymised = "RetentionPersonAnonymised";

    /// <summary>A receipt's file was deleted at the end of the finance retention period; the expense stays.</summary>
    public const string RetentionReceiptDeleted = "RetentionReceiptDeleted";

    /// <summary>A note of what someone said no longer says who said it.</summary>
    public const string RetentionSpeakerForgotten = "RetentionSpeakerForgotten";

    /// <summary>A deleted person's bank details, no longer needed for any claim, were deleted.</summary>
    public const string RetentionBankDetailsDeleted = "RetentionBankDetailsDeleted";

    /// <summary>One run of the retention policy, with what it did in numbers.</summary>
    public const string RetentionRun = "RetentionRun";
}
