using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Claims;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Features.Profile;
using CoProduce.Web.Features.Statement;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// UK GDPR: a person can see everything held about them, and deleting their information removes
/// every free text about them. The columns about a person are read from the EF model at run time,
/// so a new column about them fails these tests until it is shown in "your data" or listed below,
/// with the reason, as not shown.
/// </summary>
public sealed class PersonalDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Passphrase = "a long enough password";
    private const string SameEveryAccount = "Set the same way for every account, so it says nothing about the person.";
    private const string Link = "A reference number that links the person's records together; it says nothing about them.";
    private const string StaffWork = "A record of work done as council staff (who owns a project, planned an activity, added evidence, " +
        "decided an exception, published rules or did something recorded in the audit log). It is about the job, not about an " +
        "expert by experience, and experts cannot do these things.";

    /// <summary>Where a row about the person appears in the JSON download.</summary>
    private delegate JsonElement? Locate(EntityEntry row, JsonElement root, Lookups lookups);

    /// <summary>Names the download uses for other records: an activity's title, a role's name.</summary>
    private sealed record Lookups(IReadOnlyDictionary<int, string> ActivityTitles, IReadOnlyDictionary<string, string> RoleNames);

    /// <summary>A column the download shows: the JSON property ("" for the element itself) and, if it shows words, how.</summary>
    private sealed record Shown(string Json, Func<object?, Lookups, object?>? Words = null);

    /// <summary>A column the download leaves out, and why. A secret must never appear in the page or the JSON.</summary>
    private sealed record NotShown(string Reason, bool Secret = false);

    /// <summary>Tables whose rows are about the person, and where each row is found in the download.</summary>
    private static readonly Dictionary<string, Locate?> PersonTables = new()
    {
        ["AspNetUsers"] = (_, root, _) => root.GetProperty("account"),
        ["ExpertProfiles"] = (_, root, _) => root.GetProperty("profile"),
        ["ConsentEvents"] = (row, root, _) =>
            root.GetProperty("profile").GetProperty("consent").GetProperty("history").EnumerateArray().ElementAtOrDefault((int)row.Property("Number").CurrentValue! - 1),
        ["SignUps"] = (row, root, lookups) => Find(root.GetProperty("signUps"),
            e => e.GetProperty("activity").GetString() == lookups.ActivityTitles[(int)row.Property("ActivityId").CurrentValue!]),
        ["AspNetUserRoles"] = (row, root, lookups) => Find(root.GetProperty("account").GetProperty("roles"),
            e => e.GetString() == lookups.RoleNames[(string)row.Property("RoleId").CurrentValue!]),
        ["AspNetUserClaims"] = (row, root, _) => Find(root.GetProperty("account").GetProperty("otherDetails"),
            e => e.GetProperty("type").GetString() == (string?)row.Property("ClaimType").CurrentValue),
        ["AspNetUserLogins"] = (row, root, _) => Find(root.GetProperty("account").GetProperty("otherServices"),
            e => e.GetProperty("service").GetString() == (string?)row.Property("LoginProvider").CurrentValue),
        ["AspNetUserTokens"] = null, // every column is a secret or names one: nothing is shown
        ["OutboxMessages"] = (row, root, _) => Find(root.GetProperty("emails"),
            e => e.GetProperty("subject").GetString() == (string?)row.Property("Subject").CurrentValue),
        ["PaymentDetails"] = (_, root, _) => root.GetProperty("payment"),
        ["Claims"] = (row, root, _) => ClaimIn(root, row, "Id"),
        ["ClaimExpenses"] = (row, root, _) => ClaimIn(root, row, "ClaimId") is { } claim
            ? Find(claim.GetProperty("expenses"), e => e.GetProperty("number").GetInt32() == (int)row.Property("Number").CurrentValue!)
            : null,
        ["ClaimDecisions"] = (row, root, _) => ClaimIn(root, row, "ClaimId") is { } claim
            ? Find(claim.GetProperty("history"), e => e.GetProperty("number").GetInt32() == (int)row.Property("Number").CurrentValue!)
            : null,
        ["PaymentBatchLines"] = (row, root, _) => ClaimIn(root, row, "ClaimId") is { } claim && claim.GetProperty("paymentBatch").ValueKind == JsonValueKind.Object
            ? claim.GetProperty("paymentBatch")
            : null,
        ["FeedbackItems"] = (row, root, _) => Find(root.GetProperty("notes"), e => e.GetProperty("text").GetString() == (string?)row.Property("Text").CurrentValue),
    };

    /// <summary>Every column of the tables above that the download shows.</summary>
    private static readonly Dictionary<string, Shown> ShownColumns = new()
    {
        ["AspNetUsers.DisplayName"] = new("name"),
        ["AspNetUsers.Email"] = new("signInEmail"),
        ["AspNetUsers.UserName"] = new("signInEmail"), // the sign-in name is the email address
        ["AspNetUsers.EmailConfirmed"] = new("signInEmailChecked"),
        ["AspNetUsers.PhoneNumber"] = new("phoneNumber"),
        ["AspNetUsers.PhoneNumberConfirmed"] = new("phoneNumberChecked"),
        ["AspNetUsers.TwoFactorEnabled"] = new("twoStepSignIn"),
        ["AspNetUsers.AccessFailedCount"] = new("wrongPasswordsSinceLastSignIn"),
        ["AspNetUsers.LockoutEnd"] = new("lockedUntilUtc", (v, _) => ((DateTimeOffset?)v)?.UtcDateTime),
        ["AspNetUsers.CreatedUtc"] = new("createdUtc"),
        ["AspNetUsers.LastSignInUtc"] = new("lastSignInUtc"),

        ["AspNetUserRoles.RoleId"] = new("", (v, lookups) => lookups.RoleNames[(string)v!]),
        ["AspNetUserClaims.ClaimType"] = new("type"),
        ["AspNetUserClaims.ClaimValue"] = new("value"),
        ["AspNetUserLogins.LoginProvider"] = new("service"),
        ["AspNetUserLogins.ProviderDisplayName"] = new("serviceName"),
        ["AspNetUserLogins.ProviderKey"] = new("yourReferenceThere"),

        ["ExpertProfiles.PreferredName"] = new("preferredName"),
        ["ExpertProfiles.ContactEmail"] = new("contactEmail"),
        ["ExpertProfiles.ContactPhone"] = new("contactPhone"),
        ["ExpertProfiles.PreferredContact"] = new("preferredContact", (v, _) => ProfileChoices.Text(ProfileChoices.ContactMethods, (ContactMethod)v!)),
        ["ExpertProfiles.LivedExperience"] = new("livedExperience", (v, _) => ProfileChoices.Texts(ProfileChoices.LivedExperience, (IReadOnlySet<LivedExperienceArea>)v!)),
        ["ExpertProfiles.LivedExperienceOther"] = new("livedExperienceOther"),
        ["ExpertProfiles.AccessNeeds"] = new("accessNeeds", (v, _) => ProfileChoices.Texts(ProfileChoices.AccessNeeds, (IReadOnlySet<AccessNeed>)v!)),
        ["ExpertProfiles.Language"] = new("language"),
        ["ExpertProfiles.AccessNeedsOther"] = new("accessNeedsOther"),
        ["ExpertProfiles.AvailableDays"] = new("availableDays", (v, _) => ProfileChoices.Texts(ProfileChoices.Days, (IReadOnlySet<DayOfWeek>)v!)),
        ["ExpertProfiles.TimesOfDay"] = new("timesOfDay", (v, _) => ProfileChoices.Texts(ProfileChoices.Times, (IReadOnlySet<TimeOfDay>)v!)),
        ["ExpertProfiles.Mode"] = new("takingPart", (v, _) => ProfileChoices.Text(ProfileChoices.Modes, (TakingPart)v!)),
        ["ExpertProfiles.TravelMiles"] = new("travelMiles"),
        ["ExpertProfiles.PaymentPreference"] = new("paymentPreference", (v, _) => ProfileChoices.Text(ProfileChoices.Payments, (PaymentPreference)v!)),
        ["ExpertProfiles.CreatedUtc"] = new("createdUtc"),
        ["ExpertProfiles.UpdatedUtc"] = new("updatedUtc"),

        ["ConsentEvents.Change"] = new("change", (v, _) => ConsentWords.Change((ConsentChange)v!)),
        ["ConsentEvents.PrivacyNoticeVersion"] = new("privacyNoticeVersion"),
        ["ConsentEvents.AtUtc"] = new("atUtc"),

        ["SignUps.ActivityId"] = new("activity", (v, lookups) => lookups.ActivityTitles[(int)v!]),
        ["SignUps.Status"] = new("status", (v, _) => SignUpWords.Status((SignUpStatus)v!)),
        ["SignUps.WhatWouldHelp"] = new("whatWouldHelp"),
        ["SignUps.DeclineMessage"] = new("messageFromOrganiser"),
        ["SignUps.Attendance"] = new("attendance", (v, _) => SignUpWords.Attendance((Attendance)v!)),
        ["SignUps.ActivityMinutes"] = new("activityMinutes"),
        ["SignUps.PreparationMinutes"] = new("preparationMinutes"),
        ["SignUps.TravelMinutes"] = new("travelMinutes"),
        ["SignUps.AttendanceRecordedUtc"] = new("attendanceRecordedUtc"),
        ["SignUps.PreparationNotes"] = new("preparationNotes"),
        ["SignUps.CheckInNotes"] = new("checkInNotes"),
        ["SignUps.DebriefNotes"] = new("debriefNotes"),
        ["SignUps.RequestedUtc"] = new("requestedUtc"),
        ["SignUps.ReminderSentUtc"] = new("reminderSentUtc"),
        ["SignUps.UpdatedUtc"] = new("updatedUtc"),
        ["SignUps.FeeKind"] = new("feeKind", (v, _) => v is CoProduce.Web.Domain.Payments.RateKind kind ? CoProduce.Web.Features.Payments.PaymentWords.Kind(kind) : null),
        ["SignUps.FeeAmount"] = new("fee", (v, _) => ((Money?)v)?.Format()),
        ["SignUps.FeePaysPreparation"] = new("feePaysPreparation"),
        ["SignUps.FeePaysTravel"] = new("feePaysTravel"),

        ["OutboxMessages.To"] = new("to"),
        ["OutboxMessages.Subject"] = new("subject"),
        ["OutboxMessages.TextBody"] = new("text"),
        ["OutboxMessages.Status"] = new("status", (v, _) => EmailWords.Status((OutboxStatus)v!)),
        ["OutboxMessages.ActivityId"] = new("activity", (v, lookups) => lookups.ActivityTitles[(int)v!]),
        ["OutboxMessages.CreatedUtc"] = new("createdUtc"),
        ["OutboxMessages.SentUtc"] = new("sentUtc"),

        ["PaymentDetails.BankDetailsUpdatedUtc"] = new("bankDetailsChangedUtc"),
        ["PaymentDetails.BenefitsAnswer"] = new("benefits", (v, _) => BenefitsWords.Answer((BenefitsAnswer?)v)),
        ["PaymentDetails.UniversalCreditAssessmentDay"] = new("universalCreditAssessmentDay"),
        ["PaymentDetails.UniversalCreditHousingCosts"] = new("universalCreditHousingCosts"),
        ["PaymentDetails.UniversalCreditWorkAllowance"] = new("universalCreditWorkAllowance"),
        ["PaymentDetails.NewStyleEsa"] = new("newStyleEsa"),
        ["PaymentDetails.CarersAllowance"] = new("carersAllowance"),
        ["PaymentDetails.UpdatedUtc"] = new("updatedUtc"),

        ["Claims.Id"] = new("claimNumber"),
        ["Claims.ActivityId"] = new("activity", (v, lookups) => lookups.ActivityTitles[(int)v!]),
        ["Claims.Origin"] = new("howItCameAbout", (v, _) => ClaimWords.Origin((ClaimOrigin)v!)),
        ["Claims.CorrectsClaimId"] = new("correctsClaimNumber"),
        ["Claims.Status"] = new("status", (v, _) => StatementText.Status((ClaimStatus)v!)),
        ["Claims.PaymentMethod"] = new("paymentMethod", (v, _) => ClaimWords.PaymentMethod((ClaimPaymentMethod)v!)),
        ["Claims.FeeOffered"] = new("feeOffered", (v, _) => ((Money?)v)?.Format()),
        ["Claims.FeeTaken"] = new("feeTaken", Pounds),
        ["Claims.Total"] = new("total", Pounds),
        ["Claims.WarningsSeen"] = new("warningsSeen"),
        ["Claims.FirstSubmittedUtc"] = new("firstSentUtc"),
        ["Claims.CreatedUtc"] = new("createdUtc"),
        ["Claims.UpdatedUtc"] = new("updatedUtc"),
        ["ClaimExpenses.Number"] = new("number"),
        ["ClaimExpenses.Category"] = new("category", (v, _) => ClaimWords.Category((ExpenseCategory)v!)),
        ["ClaimExpenses.Amount"] = new("amount", Pounds),
        ["ClaimExpenses.Miles"] = new("miles"),
        ["ClaimExpenses.Description"] = new("description"),
        ["ClaimExpenses.ReceiptFileName"] = new("receiptFileName"),
        ["ClaimExpenses.ReceiptDeletedUtc"] = new("receiptDeletedUtc"),
        ["ClaimDecisions.Number"] = new("number"),
        ["ClaimDecisions.Step"] = new("step", (v, _) => ClaimWords.Step((ClaimStep)v!)),
        ["ClaimDecisions.AtUtc"] = new("atUtc"),
        ["ClaimDecisions.Total"] = new("total", Pounds),
        ["ClaimDecisions.Note"] = new("note"),
        ["PaymentBatchLines.PaymentBatchId"] = new("batchNumber"),
        ["PaymentBatchLines.Amount"] = new("amount", Pounds),

        ["FeedbackItems.ActivityId"] = new("activity", (v, lookups) => lookups.ActivityTitles[(int)v!]),
        ["FeedbackItems.Kind"] = new("question", (v, _) => ((FeedbackKind)v!).Describe()),
        ["FeedbackItems.Text"] = new("text"),
        ["FeedbackItems.Keys"] = new("keys", (v, _) => SevenKeysInfo.Split((SevenKeys)v!).Select(k => k.ToString()).ToList()),
        ["FeedbackItems.MayNameThem"] = new("mayNameYou"),
        ["FeedbackItems.RecordedUtc"] = new("recordedUtc"),
        ["FeedbackItems.UpdatedUtc"] = new("updatedUtc"),
        ["FeedbackItems.CorrectedByParticipantUtc"] = new("correctedUtc"),
    };

    /// <summary>Every column of the tables above that the download deliberately leaves out, with the reason.</summary>
    private static readonly Dictionary<string, NotShown> NotShownColumns = new()
    {
        ["AspNetUsers.Id"] = new(Link),
        ["AspNetUsers.NormalizedUserName"] = new("The sign-in name again in capital letters, kept so it can be found however it is typed. Shown as signInEmail."),
        ["AspNetUsers.NormalizedEmail"] = new("The email address again in capital letters, kept so it can be found however it is typed. Shown as signInEmail."),
        ["AspNetUsers.PasswordHash"] = new("A secret: the scrambled password. Never shown, so that nobody can use it to work out the password.", Secret: true),
        ["AspNetUsers.SecurityStamp"] = new("A secret that keeps the person's sign-in valid. Never shown, so that nobody can use it.", Secret: true),
        ["AspNetUsers.ConcurrencyStamp"] = new("Changes on every save, so that two changes at once are caught. It says nothing about the person."),
        ["AspNetUsers.LockoutEnabled"] = new("Whether wrong passwords can lock the account. " + SameEveryAccount),

        ["AspNetUserRoles.UserId"] = new(Link),
        ["AspNetUserClaims.Id"] = new(Link),
        ["AspNetUserClaims.UserId"] = new(Link),
        ["AspNetUserLogins.UserId"] = new(Link),
        ["AspNetUserTokens.UserId"] = new(Link),
        ["AspNetUserTokens.LoginProvider"] = new("Says which part of the sign-in system keeps the secret token. It says nothing about the person."),
        ["AspNetUserTokens.Name"] = new("Names the secret token, like the key for two-step sign-in. It says nothing about the person."),
        ["AspNetUserTokens.Value"] = new("A secret, like a password: the key for two-step sign-in or a recovery code. Never shown.", Secret: true),

        ["ExpertProfiles.Id"] = new(Link),
        ["ExpertProfiles.UserId"] = new(Link),
        ["ExpertProfiles.LastTookPartOn"] = new("A copy, for sorting the roster, of the date of the last activity they attended; those activities are shown with their dates."),
        ["ExpertProfiles.AnonymisedUtc"] = new("Set only when the person deletes their information. After that nobody can sign in to see it."),
        ["ExpertProfiles.Version"] = new("Changes on every save, so that a change made from an old page is refused. It says nothing about the person."),

        ["ConsentEvents.ExpertProfileId"] = new(Link),
        ["ConsentEvents.Number"] = new("The event's place in the history, which the download lists in order."),

        ["SignUps.Id"] = new(Link),
        ["SignUps.ReminderForDate"] = new("The date of the activity that the last reminder was about, kept so that a change of date brings a new reminder. " +
            "The download shows the activity's date and when the reminder was sent."),

        ["OutboxMessages.Id"] = new(Link),
        ["OutboxMessages.ExpertProfileId"] = new(Link),
        ["OutboxMessages.HtmlBody"] = new("The email laid out as a web page, when there is one: the same words as its text, which is shown."),
        ["OutboxMessages.Attachments"] = new("The calendar invite sent with an email: the activity's title, description, time and place, " +
            "and the person's name and email address, all shown elsewhere in the download."),
        ["OutboxMessages.AttachDocument"] = new("Which easy-read document to print and send with the email, such as the invitation to an activity: " +
            "the activity's and the person's numbers only. The activity is shown with the email."),
        ["OutboxMessages.Attempts"] = new("How many times we tried to send the email. It says nothing about the person."),
        ["OutboxMessages.NextAttemptUtc"] = new("When we will try to send the email again, if it has not gone yet. It says nothing about the person."),
        ["OutboxMessages.LastError"] = new("Why the mail server refused the email, for the council to put right. It holds nothing about the person that the email does not."),
        ["OutboxMessages.LeaseOwner"] = new("Which copy of the portal is sending the email at that moment. It says nothing about the person."),
        ["OutboxMessages.LeaseExpiresUtc"] = new("Until when that copy of the portal is sending it. It says nothing about the person."),
        ["SignUps.ExpertProfileId"] = new(Link),
        ["SignUps.FeeRateItemId"] = new("Which rate on the rate card the fee came from. The fee itself is shown, with what it pays for."),
        ["SignUps.FeeRateVersion"] = new("Which version of that rate the fee came from. The fee itself is shown."),
        ["SignUps.AttendanceRecordedByUserId"] = new("Which member of staff recorded the attendance: a record of their work, not about the person."),

        ["PaymentDetails.Id"] = new(Link),
        ["PaymentDetails.ExpertProfileId"] = new(Link),
        ["PaymentDetails.ProtectedBankDetails"] = new("The bank details, encrypted. Shown as the name on the account and the last digits of the " +
            "sort code and account number (bankAccount), so that nobody looking over the person's shoulder can read them.", Secret: true),
        ["PaymentDetails.Version"] = new("Changes on every save, so that a change made from an old page is refused. It says nothing about the person."),

        ["Claims.ExpertProfileId"] = new(Link),
        ["Claims.SignUpId"] = new(Link),
        ["Claims.AttendanceRecordedByUserId"] = new("Which member of staff recorded the attendance the claim pays for: a record of their work, not about the person."),
        ["Claims.CreatedByUserId"] = new("Which account made the claim: the person's own, or the member of staff who made it. Shown as how it was made."),
        ["Claims.LastExpenseNumber"] = new("A counter, so that an expense's number is never used twice. The expenses are shown with their numbers."),
        ["Claims.Version"] = new("Changes on every save, so that two changes at once are caught. It says nothing about the person."),
        ["ClaimExpenses.ClaimId"] = new(Link),
        ["ClaimExpenses.ReceiptFileReference"] = new("Where the receipt's file is kept, under a random name. The file's own name is shown."),
        ["ClaimDecisions.ClaimId"] = new(Link),
        ["ClaimDecisions.ByUserId"] = new("Which account took the step: the person's own, or the member of staff whose work it was. Shown as the step."),
        ["PaymentBatchLines.Position"] = new("The claim's place in the batch's export file. It says nothing about the person."),
        ["PaymentBatchLines.ClaimId"] = new(Link),
        ["PaymentBatchLines.ExpertProfileId"] = new(Link),
        ["FeedbackItems.Id"] = new(Link),
        ["FeedbackItems.SaidByExpertProfileId"] = new(Link),
        ["FeedbackItems.ProjectId"] = new("The activity's project, kept so that a project's notes are found quickly. The activity is shown."),
        ["FeedbackItems.RecordedByUserId"] = new("Which member of staff wrote the note down: a record of their work, not about the person."),
        ["FeedbackItems.ThemeId"] = new("Which theme the commissioner grouped the note into: their work with what a group said, which never names who said it."),
        ["FeedbackItems.Version"] = new("Changes on every save, so that two changes at once are caught. It says nothing about the person."),
    };

    /// <summary>
    /// Tables that hold a person's id but nothing about them: records of work done as council
    /// staff, and short-lived technical records.
    /// </summary>
    private static readonly Dictionary<string, string> StaffWorkTables = new()
    {
        ["FormSubmissions"] = "One-use tokens of forms, kept for a day so that a form sent twice is saved once. They hold which " +
            "account sent the form and which page it led to, nothing about the person.",
        ["CommissioningProjects"] = StaffWork,
        ["Activities"] = StaffWork + " The activities a person signed up for are shown with their sign-ups.",
        ["AuditEntries"] = StaffWork + " An expert's own entries say only that they gave or withdrew consent, changed a named part of " +
            "their profile or deleted it, and when: never what they told us. The consent history in the download shows the same consents.",
        ["StageMove"] = StaffWork,
        ["Evidence"] = StaffWork,
        ["ExceptionRequests"] = StaffWork,
        ["TierRuleSets"] = StaffWork,
        ["RateItemVersions"] = StaffWork,
        ["ExpensesPolicies"] = StaffWork,
        ["PaymentSettings"] = StaffWork,
        ["CoProductionBudgets"] = StaffWork,
        ["EasyReadTemplates"] = StaffWork + " It names the activity at which people checked a template, never who took part.",
        ["PaymentBatches"] = StaffWork + " The payments in a batch to the person are its lines, which are about them.",
        ["FeedbackThemes"] = StaffWork + " Themes and answers are made from what a group said, never naming who said it.",
        ["YouSaidWeDidPublications"] = StaffWork,
    };

    /// <summary>String columns that may keep a value after deletion, and why. Every other text about the person must be empty.</summary>
    private static readonly Dictionary<string, (string Reason, Func<string, bool> Allowed)> KeptAfterDeletion = new()
    {
        ["AspNetUsers.UserName"] = ("Sign-in names must be unique, so a random placeholder takes the email address's place.", IsPlaceholder),
        ["AspNetUsers.NormalizedUserName"] = ("The placeholder in capital letters.", IsPlaceholder),
        ["AspNetUsers.Email"] = ("The same placeholder.", IsPlaceholder),
        ["AspNetUsers.NormalizedEmail"] = ("The placeholder in capital letters.", IsPlaceholder),
        ["AspNetUsers.DisplayName"] = ("Replaced by the words \"Deleted person\".", v => v == ExpertProfile.DeletedName),
        ["AspNetUsers.SecurityStamp"] = ("A new random value, which signs the person out everywhere.", v => Guid.TryParse(v, out _)),
        ["AspNetUsers.ConcurrencyStamp"] = ("A random value that changes on every save.", v => Guid.TryParse(v, out _)),
        ["ExpertProfiles.PreferredName"] = ("Replaced by the words \"Deleted person\".", v => v == ExpertProfile.DeletedName),
        ["SignUps.AttendanceRecordedByUserId"] = ("Which member of staff recorded the attendance: their work, which stays with what happened.", v => v.Length > 0),
        ["PaymentDetails.ProtectedBankDetails"] = ("Kept, encrypted, only while a bank transfer to the person is still to be paid: it cannot be paid without them.", v => v.Length > 0),
        ["Claims.AttendanceRecordedByUserId"] = (FinanceRecord, v => v.Length > 0),
        ["Claims.CreatedByUserId"] = (FinanceRecord, v => v.Length > 0),
        ["Claims.WarningsSeen"] = (FinanceRecord + " It shows what the person was told before they took the fee.", v => v.Length > 0),
        ["ClaimDecisions.ByUserId"] = (FinanceRecord, v => v.Length > 0),
        ["ClaimDecisions.Note"] = (FinanceRecord + " Finance's questions and reasons, and the answers, explain what was paid.", v => v.Length > 0),
        ["ClaimExpenses.Description"] = (FinanceRecord, v => v.Length > 0),
        ["ClaimExpenses.ReceiptFileReference"] = (FinanceRecord + " Receipts are kept as evidence of what was repaid.", v => v.Length > 0),
        ["ClaimExpenses.ReceiptFileName"] = (FinanceRecord, v => v.Length > 0),
        ["ConsentEvents.PrivacyNoticeVersion"] = ("The consent history stays, without a name, as the record that the information was kept with consent.",
            v => v == CoProduce.Web.Features.Public.PrivacyNotice.Version),
    };

    private const string FinanceRecord = "A payment claim is a finance record the council must keep (six years, for tax), so it stays after deletion, " +
        "under the person's payee reference instead of their name.";

    /// <summary>A sum of money as the download writes it.</summary>
    private static string Pounds(object? value, Lookups lookups) => ((Money)value!).Format();

    /// <summary>The claim a row belongs to in the download, by its claim number.</summary>
    private static JsonElement? ClaimIn(JsonElement root, EntityEntry row, string claimIdProperty) =>
        Find(root.GetProperty("claims"), e => e.GetProperty("claimNumber").GetInt32() == (int)row.Property(claimIdProperty).CurrentValue!);

    private static bool IsPlaceholder(string value) =>
        value.StartsWith("DELETED-", StringComparison.OrdinalIgnoreCase) && value.EndsWith("@DELETED.INVALID", StringComparison.OrdinalIgnoreCase);

    private static JsonElement? Find(JsonElement array, Func<JsonElement, bool> match) =>
        array.EnumerateArray().Where(match).Select(e => (JsonElement?)e).FirstOrDefault();

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private sealed record Person(HttpClient Client, string UserId, string Email, string Name) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<Person> RegisterAsync(string name)
    {
        var client = portal.CreatePortalClient();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var response = await client.RegisterAsync(portal, name, email, Passphrase);
        Assert.Equal("/profile", response.Location());
        var userId = await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new Person(client, userId, email, name);
    }

    /// <summary>
    /// A person with something in every column about them: the account's own settings, a claim,
    /// an external sign-in and a token, a profile with consent given, withdrawn and given again,
    /// one activity they took part in (with hours, notes and a reminder) and one they were not given a place on.
    /// </summary>
    private async Task<Person> PersonWithEverythingRecordedAsync()
    {
        var person = await RegisterAsync("Tam Riley");
        await WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            user.EmailConfirmed = true;
            user.PhoneNumber = "07700 900 456";
            user.PhoneNumberConfirmed = true;
            user.TwoFactorEnabled = true;
            user.AccessFailedCount = 2;
            user.LockoutEnd = new DateTimeOffset(now.AddDays(-3));
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = "council_reference", ClaimValue = "BRK-40712" });
            db.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = "ExampleId", ProviderKey = $"example-id-{Guid.NewGuid():N}", ProviderDisplayName = "Example ID" });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = $"TOKEN{Guid.NewGuid():N}" });

            var profile = await db.ExpertProfiles.SingleAsync(p => p.UserId == user.Id);
            profile.GiveConsent(CoProduce.Web.Features.Public.PrivacyNotice.Version, now.AddMinutes(-30));
            profile.WithdrawConsent(now.AddMinutes(-20));
            profile.GiveConsent(CoProduce.Web.Features.Public.PrivacyNotice.Version, now.AddMinutes(-10));
            profile.SetContact("Tam", "tam.contact@example.org", "01632 960 777", ContactMethod.TextMessage, now);
            profile.SetLivedExperience([LivedExperienceArea.Carer, LivedExperienceArea.Other], "Kinship care of a grandchild", now);
            profile.SetAccessNeeds([AccessNeed.AnotherLanguage, AccessNeed.Other], "Polish", "A hearing dog comes with me", now);
            profile.SetAvailability([DayOfWeek.Monday, DayOfWeek.Saturday], [TimeOfDay.Evening], TakingPart.Online, 12, now);
            profile.SetPaymentPreference(PaymentPreference.BankTransfer, now);
            var payment = new PaymentDetails(profile.Id, now);
            payment.SetProtectedBankDetails(portal.Services.GetRequiredService<BankDetailsProtector>().Protect(BankDetails.Create("Tam Riley", "40-18-62", "73194421")), now);
            payment.SetBenefits(BenefitsSituation.Gets(new UniversalCreditDetails(15, true, true), newStyleEsa: true, carersAllowance: true), now);
            db.PaymentDetails.Add(payment);

            var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
            var today = UkTime.Today(TimeProvider.System);
            Activity NewActivity(string title) => new(projectId, title, ActivityType.Workshop, "About short breaks",
                new ActivitySchedule(today.AddDays(3), new TimeOnly(10, 0), new TimeOnly(12, 0), today),
                new ActivityPlace(ActivityMode.Online, null, null, null), 2, [], LadderRung.CoProduction, true, "organiser", now);
            var attended = NewActivity($"Tam took part {Guid.NewGuid():N}");
            var declined = NewActivity($"Tam was not given a place {Guid.NewGuid():N}");
            attended.MoveTo(ActivityStatus.Open, now);
            declined.MoveTo(ActivityStatus.Open, now);
            attended.RequestPlace(profile.Id, true, "Tam: a quiet corner, please", now);
            declined.RequestPlace(profile.Id, true, "Tam: large print", now);
            db.Activities.AddRange(attended, declined);
            await db.SaveChangesAsync();

            // Paid by the demo's workshop rate, which fixes Tam's fee when the place is confirmed.
            var rate = await db.RateItems.Include(r => r.Versions).FirstAsync(r => r.ActivityType == ActivityType.Workshop && r.Kind == RateKind.PerHour);
            attended.PayBy(rate.Id, now);
            attended.Confirm(attended.SignUps.Single().Id, true, rate.FixFee(attended.Date), now);
            attended.MarkReminderSent(attended.SignUps.Single().Id, now);
            var onTheDay = UkTime.ToUtc(attended.Date, attended.EndTime);
            attended.MoveTo(ActivityStatus.Completed, onTheDay);
            attended.RecordAttendance(attended.SignUps.Single().Id, Attendance.Attended, new TimeGiven(165),
                new SessionNotes("Tam: sent the agenda in Polish", "Tam: needed a break at 11", "Tam: wants to come again"), "organiser", onTheDay);
            declined.Decline(declined.SignUps.Single().Id, "Tam: this one is for carers of adults. We will tell you about the next.", now);
            return await db.SaveChangesAsync();
        });
        // A claim for the activity they took part in, with expenses, a question from finance, a
        // payment batch and a correction.
        await WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var profile = await db.ExpertProfiles.SingleAsync(p => p.UserId == person.UserId);
            var signUp = await db.SignUps.SingleAsync(s => s.ExpertProfileId == profile.Id && s.Attendance == Attendance.Attended);
            var claim = Claim.FromAttendance(new ClaimAttendance(profile.Id, signUp.ActivityId, signUp.Id, "organiser"), Money.FromPounds(68.75m),
                ClaimPaymentMethod.BankTransfer, "organiser", now);
            claim.AddExpense(ExpenseCategory.PublicTransport, Money.FromPounds(4.80m), new Receipt($"receipts/{Guid.NewGuid():N}", "tam-bus-ticket.jpg"),
                person.UserId, now, "Tam: the bus to the library and back");
            claim.AddExpense(ExpenseCategory.Mileage, Money.FromPounds(5.63m), null, person.UserId, now, miles: 12.5m);
            var parking = claim.AddExpense(ExpenseCategory.Meals, Money.FromPounds(3.20m), new Receipt($"receipts/{Guid.NewGuid():N}", "cafe-receipt.jpg"),
                person.UserId, now, "Tam: a sandwich at the library");
            claim.Submit(person.UserId, now, warningsSeen: "Tam: this fee would make your earnings from us more than the Carer's Allowance limit that week.");
            claim.Query("Tam: which day did you travel?", "finance-officer", now);
            claim.Submit(person.UserId, now, answer: "Tam: on the day of the workshop",
                warningsSeen: "Tam: this fee would make your earnings from us more than the Carer's Allowance limit that week.");
            claim.Approve(new Approver("finance-officer", null), new ApprovalRules(Money.FromPounds(500)), now);
            // A receipt past its retention period: the file is gone, the expense and the file's name stay.
            claim.DeleteReceipt(parking.Number, now);
            db.Claims.Add(claim);
            var projectId = await db.Activities.Where(a => a.Id == signUp.ActivityId).Select(a => a.ProjectId).SingleAsync();
            var note = new FeedbackItem(signUp.ActivityId, projectId, FeedbackKind.NotWorking, "Tam: the letters come too late to plan the bus",
                SevenKeys.Home | SevenKeys.Help, profile.Id, mayNameThem: true, "organiser", now);
            note.CorrectByParticipant("Tam: the letters come too late to plan the bus and the carer", SevenKeys.Help | SevenKeys.Life, profile.Id, now);
            db.FeedbackItems.Add(note);
            await db.SaveChangesAsync();
            db.PaymentBatches.Add(new PaymentBatch([claim], "finance-officer", now));
            db.Claims.Add(Claim.Correcting(claim, Money.FromPounds(-5), "Tam: the workshop ended 15 minutes early", "finance-officer", now));
            return await db.SaveChangesAsync();
        });
        // An email about their activity, kept after it was sent.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var profile = await db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.UserId == person.UserId);
            var attended = await db.Activities.AsNoTracking()
                .SingleAsync(a => EF.Functions.Like(a.Title, "Tam took part %") && a.SignUps.Any(s => s.ExpertProfileId == profile.Id));
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Add(
                new EmailMessage(profile.ContactEmail!, $"Reminder: {attended.Title} is in 2 days", $"Hello {profile.PreferredName},\n\nThis is a reminder."),
                new EmailAbout(attended.Id, profile.Id));
            await db.SaveChangesAsync();
        }
        await portal.SendQueuedEmailsAsync();
        return person;
    }

    /// <summary>
    /// Every table about the person, found in the EF model: the account, every table with a foreign
    /// key to a table about the person (owned tables too), and every table with a column named like
    /// a person's id (…UserId, …ProfileId) even without a foreign key.
    /// </summary>
    private static (List<IEntityType> About, List<IEntityType> StaffWork, List<string> Unknown) TablesAboutThePerson(IModel model)
    {
        var about = new List<IEntityType> { model.FindEntityType(typeof(CoProduceUser))! };
        var staffWork = new List<IEntityType>();
        for (var i = 0; i < about.Count; i++)
        {
            foreach (var dependent in model.GetEntityTypes().Where(t => t.GetForeignKeys().Any(fk => fk.PrincipalEntityType == about[i])))
            {
                if (about.Contains(dependent) || staffWork.Contains(dependent))
                {
                    continue;
                }
                (StaffWorkTables.ContainsKey(dependent.GetTableName()!) ? staffWork : about).Add(dependent);
            }
        }
        foreach (var type in model.GetEntityTypes().Where(t => !about.Contains(t) && !staffWork.Contains(t)
            && t.GetProperties().Any(p => p.Name.EndsWith("UserId", StringComparison.Ordinal) || p.Name.EndsWith("ProfileId", StringComparison.Ordinal))))
        {
            (StaffWorkTables.ContainsKey(type.GetTableName()!) ? staffWork : about).Add(type);
        }
        var unknown = about.Select(t => t.GetTableName()!).Where(table => !PersonTables.ContainsKey(table))
            .Select(table => $"{table}: a table about the person that these tests do not know. Show it in \"your data\" and add it to {nameof(PersonTables)}, or add it to {nameof(StaffWorkTables)} with the reason")
            .ToList();
        return (about, staffWork, unknown);
    }

    private static string ColumnOf(IEntityType type, IProperty property) => $"{type.GetTableName()}.{property.GetColumnName()}";

    /// <summary>Columns of a table about the person that are neither shown nor listed as not shown.</summary>
    private static IEnumerable<string> Undecided(IEntityType type) =>
        type.GetProperties().Select(p => ColumnOf(type, p)).Where(c => !ShownColumns.ContainsKey(c) && !NotShownColumns.ContainsKey(c));

    /// <summary>The person's rows in each table about them, from a context that has loaded those tables.</summary>
    private static Dictionary<IEntityType, List<EntityEntry>> RowsOf(CoProduceDbContext db, IReadOnlyList<IEntityType> about, string userId)
    {
        // An owned table loads with its owner, which may be a table of staff work (a payment batch's lines).
        foreach (var type in about.Select(t => t.IsOwned() ? t.FindOwnership()!.PrincipalEntityType : t).Distinct())
        {
            var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            _ = ((IEnumerable<object>)set).ToList();
        }
        var rows = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var type in about)
        {
            var entries = db.ChangeTracker.Entries().Where(e => e.Metadata == type).ToList();
            if (type.ClrType == typeof(CoProduceUser))
            {
                rows[type] = entries.Where(e => (string)e.Property("Id").CurrentValue! == userId).ToList();
                continue;
            }
            rows[type] = entries.Where(e => type.GetForeignKeys().Any(fk => rows.TryGetValue(fk.PrincipalEntityType, out var principals)
                && principals.Any(p => fk.Properties.Select(f => e.Property(f.Name).CurrentValue)
                    .SequenceEqual(fk.PrincipalKey.Properties.Select(k => p.Property(k.Name).CurrentValue))))).ToList();
        }
        return rows;
    }

    [Fact]
    public async Task Download_ShowsEveryColumnAboutThePersonWithTheirValue_OrSaysWhyNot()
    {
        using var person = await PersonWithEverythingRecordedAsync();
        var download = await person.Client.GetAsync(new Uri("/profile/your-data.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var rawJson = await download.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(rawJson);
        var page = await person.Client.GetPageAsync("/profile/your-data");
        var pageText = page.QuerySelector("main")!.TextContent;

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var (about, staffWork, problems) = TablesAboutThePerson(db.Model);
        var rows = RowsOf(db, about, person.UserId);
        var lookups = new Lookups(
            await db.Activities.ToDictionaryAsync(a => a.Id, a => a.Title),
            await db.Roles.ToDictionaryAsync(r => r.Id, r => Roles.DisplayName(r.Name!)));

        // The lists must name real tables and columns, each with a reason.
        var columns = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties().Select(p => ColumnOf(t, p))).ToHashSet();
        problems.AddRange(ShownColumns.Keys.Concat(NotShownColumns.Keys).Concat(KeptAfterDeletion.Keys).Where(c => !columns.Contains(c)).Select(c => $"{c}: listed here but not in the model"));
        problems.AddRange(ShownColumns.Keys.Intersect(NotShownColumns.Keys).Select(c => $"{c}: listed as both shown and not shown"));
        problems.AddRange(NotShownColumns.Where(c => string.IsNullOrWhiteSpace(c.Value.Reason)).Select(c => $"{c.Key}: no reason given"));
        problems.AddRange(StaffWorkTables.Keys.Except(staffWork.Select(t => t.GetTableName()!)).Select(t => $"{t}: listed as staff work, but it holds no person's id"));

        foreach (var type in about.Where(t => PersonTables.ContainsKey(t.GetTableName()!)))
        {
            var table = type.GetTableName()!;
            if (rows[type].Count == 0)
            {
                problems.Add($"{table}: the test person has no rows here, so nothing is checked. Record one in {nameof(PersonWithEverythingRecordedAsync)}");
            }
            problems.AddRange(Undecided(type).Select(c => $"{c}: about the person, but neither shown in \"your data\" nor listed as not shown with a reason"));
            foreach (var property in type.GetProperties())
            {
                var column = ColumnOf(type, property);
                if (NotShownColumns.TryGetValue(column, out var notShown))
                {
                    if (notShown.Secret)
                    {
                        foreach (var secret in rows[type].Select(r => r.Property(property.Name).CurrentValue?.ToString()).Where(s => !string.IsNullOrEmpty(s)))
                        {
                            Assert.DoesNotContain(secret!, rawJson, StringComparison.Ordinal);
                            Assert.DoesNotContain(secret!, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
                        }
                    }
                    continue;
                }
                if (!ShownColumns.TryGetValue(column, out var shown))
                {
                    continue;
                }
                if (rows[type].All(r => IsEmpty(r.Property(property.Name).CurrentValue)))
                {
                    problems.Add($"{column}: the test person has nothing here, so the check proves nothing. Record it in {nameof(PersonWithEverythingRecordedAsync)}");
                }
                foreach (var row in rows[type])
                {
                    var element = PersonTables[table]!(row, json.RootElement, lookups);
                    if (element is null)
                    {
                        problems.Add($"{column}: a row about the person is missing from the download");
                        continue;
                    }
                    var raw = row.Property(property.Name).CurrentValue;
                    var expected = shown.Words is null ? raw : shown.Words(raw, lookups);
                    var actual = shown.Json.Length == 0 ? element.Value : element.Value.TryGetProperty(shown.Json, out var value) ? value : (JsonElement?)null;
                    if (actual is null || !JsonHolds(actual.Value, expected))
                    {
                        problems.Add($"{column}: the download has {actual?.GetRawText() ?? "nothing"} at \"{shown.Json}\", but the person's value is {Describe(expected)}");
                    }
                    // The page shows the same words and numbers as the JSON.
                    foreach (var words in PageWords(expected).Where(w => !pageText.Contains(w, StringComparison.Ordinal)))
                    {
                        problems.Add($"{column}: the person's value \"{words}\" is not on the page");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, "Personal data check:\n" + string.Join('\n', problems));
    }

    /// <summary>A table someone might add: notes about a person, with a foreign key to their account.</summary>
    private sealed class NoteAboutSomeone
    {
        public int Id { get; set; }
        public string AboutUserId { get; set; } = string.Empty;
        public string Text { get; set; } = string.Empty;
    }

    /// <summary>A table that holds a person's id without a foreign key.</summary>
    private sealed class CallLog
    {
        public int Id { get; set; }
        public string CalledByUserId { get; set; } = string.Empty;
    }

    [Fact]
    public void ColumnCheck_FindsEveryTableAboutThePerson_AndWouldCatchANewTableOrColumn()
    {
        using (var scope = portal.Services.CreateScope())
        {
            var model = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().Model;
            var (about, staffWork, unknown) = TablesAboutThePerson(model);
            Assert.Empty(unknown);
            Assert.Equal(PersonTables.Keys.Order(), about.Select(t => t.GetTableName()!).Order());
            Assert.Equal(StaffWorkTables.Keys.Order(), staffWork.Select(t => t.GetTableName()!).Order());
            Assert.All(about, t => Assert.Empty(Undecided(t)));
            Assert.Contains("CommissioningProjects.Title", Undecided(staffWork.Single(t => t.GetTableName() == "CommissioningProjects")));
        }

        // A model with a new table and a new column about the person: the check names all three.
        var builder = new ModelBuilder(Microsoft.EntityFrameworkCore.Metadata.Conventions.SqliteConventionSetBuilder.Build());
        builder.Entity<CoProduceUser>().ToTable("AspNetUsers");
        builder.Entity<NoteAboutSomeone>().ToTable("NotesAboutPeople").HasOne<CoProduceUser>().WithMany().HasForeignKey(n => n.AboutUserId);
        builder.Entity<CallLog>().ToTable("CallLogs");
        builder.Entity<SignUp>().ToTable("SignUps").Property<string>("Mood");
        builder.Entity<SignUp>().HasOne<CoProduceUser>().WithMany().HasForeignKey("MoodRecordedByUserId");
        var changed = (IModel)builder.FinalizeModel();

        var (found, _, unknownTables) = TablesAboutThePerson(changed);

        Assert.Contains(unknownTables, u => u.StartsWith("NotesAboutPeople:", StringComparison.Ordinal));
        Assert.Contains(unknownTables, u => u.StartsWith("CallLogs:", StringComparison.Ordinal));
        Assert.Equal(["SignUps.Mood", "SignUps.MoodRecordedByUserId"], Undecided(found.Single(t => t.GetTableName() == "SignUps")).Order());
    }

    [Fact]
    public async Task Download_HoldsOrganisersNotesAndHoursRecordedThroughTheirPages_AndNobodyElsesData()
    {
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        using var me = await RegisterAsync("Uma Vance");
        using var other = await RegisterAsync("Vic Wynn");
        foreach (var person in new[] { me, other })
        {
            var consent = await person.Client.SubmitFormAsync("/profile/consent", "/profile/consent", [new("Agree", "true")]);
            Assert.Equal("/profile", consent.Location());
        }
        var together = await OpenActivityAsync(organiser, $"Planning day {Guid.NewGuid():N}");
        var theirsOnly = await OpenActivityAsync(organiser, $"Vic's panel {Guid.NewGuid():N}");
        await SignUpAsync(me, together, "Uma needs a ramp");
        await SignUpAsync(other, together, "Vic needs a BSL interpreter");
        await SignUpAsync(other, theirsOnly, "Vic would like the papers early");

        var mine = await SignUpIdAsync(me, together);
        var theirs = await SignUpIdAsync(other, together);
        foreach (var signUpId in new[] { mine, theirs })
        {
            var confirmed = await organiser.SubmitFormAsync($"/manage/activities/{together}", $"/manage/activities/{together}/sign-ups/{signUpId}/confirm", []);
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        await portal.ArriveAtTheDayAsync(together);
        var completed = await organiser.SubmitFormAsync($"/manage/activities/{together}", $"/manage/activities/{together}/status", [new("to", "Completed")]);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        await RecordAttendanceAsync(organiser, together, mine, "2.25", "Uma: checked the ramp with the venue", "Uma: asked for water", "Uma: found the room too warm");
        await RecordAttendanceAsync(organiser, together, theirs, "3.75", "Vic: booked the interpreter", "Vic: interpreter late", "Vic: wants a different venue");

        var rawJson = await me.Client.GetStringAsync(new Uri("/profile/your-data.json", UriKind.Relative));
        using var json = JsonDocument.Parse(rawJson);
        var signUp = Assert.Single(json.RootElement.GetProperty("signUps").EnumerateArray());
        Assert.Equal("Place confirmed", signUp.GetProperty("status").GetString());
        Assert.Equal("Attended", signUp.GetProperty("attendance").GetString());
        Assert.Equal(135, signUp.GetProperty("activityMinutes").GetInt32());
        Assert.Contains("\"activityMinutes\": 135", rawJson, StringComparison.Ordinal); // as the check below looks for the other person's
        Assert.Equal("Uma needs a ramp", signUp.GetProperty("whatWouldHelp").GetString());
        Assert.Equal("Uma: checked the ramp with the venue", signUp.GetProperty("preparationNotes").GetString());
        Assert.Equal("Uma: asked for water", signUp.GetProperty("checkInNotes").GetString());
        Assert.Equal("Uma: found the room too warm", signUp.GetProperty("debriefNotes").GetString());
        var page = await me.Client.GetPageAsync("/profile/your-data");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("2.25 hours", text, StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, signUp.GetProperty("attendanceRecordedUtc").ValueKind);
        Assert.Contains("Uma: found the room too warm", text, StringComparison.Ordinal);

        // Nothing about the other person, who took part in the same activity, nor anyone else.
        foreach (var theirWords in new[] { "Vic Wynn", "Vic:", "Vic needs", "Vic's panel", other.Email, "3.75 hours", "\"activityMinutes\": 225", DemoUsers.EmailFor(Roles.ExpertByExperience), DemoUsers.EmailFor(Roles.Commissioner) })
        {
            Assert.DoesNotContain(theirWords, rawJson, StringComparison.Ordinal);
            Assert.DoesNotContain(theirWords, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Delete_LeavesNoFreeTextAboutThePerson_KeepsOnlyWhatHasToStay()
    {
        using var person = await PersonWithEverythingRecordedAsync();
        var before = await WithDbAsync(db => db.SignUps.AsNoTracking()
            .Where(s => db.ExpertProfiles.Any(p => p.Id == s.ExpertProfileId && p.UserId == person.UserId)).OrderBy(s => s.Id).ToListAsync());
        var noteId = await WithDbAsync(db => db.FeedbackItems
            .Where(i => db.ExpertProfiles.Any(p => p.Id == i.SaidByExpertProfileId && p.UserId == person.UserId)).Select(i => i.Id).SingleAsync());

        var deleted = await person.Client.SubmitFormAsync("/profile/delete", "/profile/delete", []);
        Assert.Equal("/profile/deleted", deleted.Location());

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var (about, _, unknown) = TablesAboutThePerson(db.Model);
        Assert.Empty(unknown);
        var rows = RowsOf(db, about, person.UserId);
        var problems = new List<string>();
        foreach (var type in about)
        {
            foreach (var row in rows[type])
            {
                foreach (var property in type.GetProperties().Where(p => !p.IsKey() && !p.IsForeignKey()))
                {
                    var column = ColumnOf(type, property);
                    var value = row.Property(property.Name).CurrentValue;
                    if (value is string text && text.Length > 0)
                    {
                        if (!KeptAfterDeletion.TryGetValue(column, out var kept) || !kept.Allowed(text))
                        {
                            problems.Add($"{column} still holds \"{text}\" after deletion");
                        }
                    }
                    else if (value is IEnumerable items and not string && items.Cast<object>().Any())
                    {
                        problems.Add($"{column} still holds {Describe(value)} after deletion");
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, "After deletion:\n" + string.Join('\n', problems));

        // What they said at an activity stays as the group's record, without who said it.
        var note = await db.FeedbackItems.AsNoTracking().SingleAsync(i => i.Id == noteId);
        Assert.Equal("Tam: the letters come too late to plan the bus and the carer", note.Text);
        Assert.Null(note.SaidByExpertProfileId);
        Assert.False(note.MayNameThem);

        // What has to stay: the sign-ups with their status, attendance and hours, and the consent history.
        var signUps = rows[about.Single(t => t.ClrType == typeof(SignUp))].Select(r => (SignUp)r.Entity).OrderBy(s => s.Id).ToList();
        Assert.Equal(before.Select(s => (s.Id, s.Status, s.Attendance, s.ActivityMinutes)), signUps.Select(s => (s.Id, s.Status, s.Attendance, s.ActivityMinutes)));
        Assert.Contains(signUps, s => s.ActivityMinutes == 165);
        var profile = rows[about.Single(t => t.ClrType == typeof(ExpertProfile))].Select(r => (ExpertProfile)r.Entity).Single();
        Assert.Equal([ConsentChange.Given, ConsentChange.Withdrawn, ConsentChange.Given, ConsentChange.Withdrawn], profile.ConsentHistory.Select(e => e.Change));
        Assert.NotNull(profile.AnonymisedUtc);
        // No claims, external sign-ins or tokens are left; the account cannot be used.
        Assert.Empty(rows[about.Single(t => t.GetTableName() == "AspNetUserClaims")]);
        Assert.Empty(rows[about.Single(t => t.GetTableName() == "AspNetUserLogins")]);
        Assert.Empty(rows[about.Single(t => t.GetTableName() == "AspNetUserTokens")]);
        var user = rows[about.Single(t => t.ClrType == typeof(CoProduceUser))].Select(r => (CoProduceUser)r.Entity).Single();
        Assert.Null(user.PasswordHash);
        Assert.Null(user.PhoneNumber);
        Assert.False(user.PhoneNumberConfirmed || user.TwoFactorEnabled || user.EmailConfirmed);
        Assert.True(user.LockoutEnabled && user.LockoutEnd == DateTimeOffset.MaxValue);
    }

    private async Task<int> OpenActivityAsync(HttpClient organiser, string title)
    {
        var projectId = await WithDbAsync(db => db.CommissioningProjects.Where(p => p.Title == "Carers' support service").Select(p => p.Id).SingleAsync());
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var closes = date.AddDays(-3);
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var created = await organiser.SubmitFormAsync("/manage/activities/new", "/manage/activities/new",
        [
            new("ProjectId", N(projectId)), new("RequirementCode", ""), new("Title", title), new("Type", "Workshop"),
            new("Description", "A day to plan the service together."),
            new("Date.Day", N(date.Day)), new("Date.Month", N(date.Month)), new("Date.Year", N(date.Year)),
            new("StartTime", "10am"), new("EndTime", "1pm"), new("Mode", "InPerson"), new("Venue", "Brackenfield Library"),
            new("AccessInformation", "Step-free"), new("JoiningInstructions", ""), new("Places", "4"), new("LivedExperienceSought", "Carer"),
            new("Rung", "CoProduction"), new("PayBy", "none"),
            new("SignUpClosesOn.Day", N(closes.Day)), new("SignUpClosesOn.Month", N(closes.Month)), new("SignUpClosesOn.Year", N(closes.Year)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Location()!.Split('/').Last(), CultureInfo.InvariantCulture);
        var opened = await organiser.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/status", [new("to", "Open")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private static async Task SignUpAsync(Person person, int activityId, string whatWouldHelp)
    {
        var response = await person.Client.SubmitFormAsync($"/activities/{activityId}", $"/activities/{activityId}/sign-up", [new("WhatWouldHelp", whatWouldHelp)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<int> SignUpIdAsync(Person person, int activityId) =>
        WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == activityId && db.ExpertProfiles.Any(p => p.Id == s.ExpertProfileId && p.UserId == person.UserId))
            .Select(s => s.Id).SingleAsync());

    private static async Task RecordAttendanceAsync(HttpClient organiser, int activityId, int signUpId, string hours, string preparation, string checkIn, string debrief)
    {
        var url = $"/manage/activities/{activityId}/sign-ups/{signUpId}/attendance";
        var response = await organiser.SubmitFormAsync(url, url,
            [new("Attendance", "Attended"), new("Hours", hours), new("Preparation", preparation), new("CheckIn", checkIn), new("Debrief", debrief)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static bool IsEmpty(object? value) => value is null || (value is IEnumerable items and not string && !items.Cast<object>().Any());

    private static bool JsonHolds(JsonElement actual, object? expected) => expected switch
    {
        null => actual.ValueKind == JsonValueKind.Null,
        string text => actual.ValueKind == JsonValueKind.String && actual.GetString() == text,
        bool flag => actual.ValueKind == (flag ? JsonValueKind.True : JsonValueKind.False),
        int or long or decimal => actual.ValueKind == JsonValueKind.Number && actual.GetDecimal() == Convert.ToDecimal(expected, CultureInfo.InvariantCulture),
        DateTime time => actual.ValueKind == JsonValueKind.String && actual.GetDateTimeOffset().UtcDateTime == time.ToUniversalTime(),
        IEnumerable<string> texts => actual.ValueKind == JsonValueKind.Array && actual.EnumerateArray().Select(e => e.GetString()).SequenceEqual(texts),
        _ => throw new InvalidOperationException($"Say how a {expected.GetType().Name} appears in the download"),
    };

    /// <summary>The words and numbers a reader would find on the page for a value (dates and yes or no are written differently there).</summary>
    private static IEnumerable<string> PageWords(object? value) => value switch
    {
        string text when text.Length > 0 => [text],
        IEnumerable<string> texts => texts,
        int or long => [Convert.ToString(value, CultureInfo.InvariantCulture)!],
        decimal number => [number.ToString("0.##", CultureInfo.InvariantCulture)],
        _ => [],
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>()) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
