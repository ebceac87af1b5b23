using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// Whether the person agrees now to us keeping special category data (since when, and to which
/// privacy notice), when they last withdrew, and every time they agreed or withdrew.
/// </summary>
public sealed record ConsentRecord(bool HasConsent, DateTime? GivenUtc, string? PrivacyNoticeVersion, DateTime? WithdrawnUtc, IReadOnlyList<ConsentEventRecord> History)
{
    public static ConsentRecord From(ExpertProfile p) => new(
        p.HasConsent,
        p.CurrentConsent?.AtUtc,
        p.CurrentConsent?.PrivacyNoticeVersion,
        p.LatestConsentEvent is { Change: ConsentChange.Withdrawn } withdrawn ? withdrawn.AtUtc : null,
        p.ConsentHistory.Select(e => new ConsentEventRecord(ConsentWords.Change(e.Change), e.PrivacyNoticeVersion, e.AtUtc)).ToList());
}

/// <summary>
/// The consent page: what the person agrees to now, and the box to agree (never ticked when the
/// page is shown: ticking it and saving moves on).
/// </summary>
public sealed record ConsentPage(bool Agree, bool HasConsent, DateTime? GivenUtc, string? PrivacyNoticeVersion, bool AgreedToAnEarlierNotice)
{
    public static ConsentPage From(ExpertProfile p) => new(
        false,
        p.HasConsent,
        p.CurrentConsent?.AtUtc,
        p.CurrentConsent?.PrivacyNoticeVersion,
        p.CurrentConsent is { } consent && consent.PrivacyNoticeVersion != Public.PrivacyNotice.Version);
}

/// <summary>
/// The deletion page: how many activities the person signed up for, whose record of taking part
/// stays, and how many payment claims, which stay under their payee reference.
/// </summary>
public sealed record DeletePage(int SignUpCount, int ClaimCount, string PayeeReference);

/// <summary>One time the person agreed or withdrew their agreement.</summary>
public sealed record ConsentEventRecord(string Change, string? PrivacyNoticeVersion, DateTime AtUtc);

public static class ConsentWords
{
    public static string Change(ConsentChange change) => change switch
    {
        ConsentChange.Given => "You agreed",
        ConsentChange.Withdrawn => "You withdrew your agreement",
        _ => change.ToString(),
    };
}

/// <summary>Everything on a person's profile, in the words they see.</summary>
public sealed record ProfileSummary(
    string PreferredName,
    string? ContactEmail,
    string? ContactPhone,
    string PreferredContact,
    IReadOnlyList<string> LivedExperience,
    string? LivedExperienceOther,
    IReadOnlyList<string> AccessNeeds,
    string? Language,
    string? AccessNeedsOther,
    IReadOnlyList<string> AvailableDays,
    IReadOnlyList<string> TimesOfDay,
    string TakingPart,
    int? TravelMiles,
    string? PaymentPreference,
    ConsentRecord Consent,
    DateTime CreatedUtc,
    DateTime UpdatedUtc)
{
    public static ProfileSummary From(ExpertProfile p) => new(
        p.PreferredName,
        p.ContactEmail,
        p.ContactPhone,
        ProfileChoices.Text(ProfileChoices.ContactMethods, p.PreferredContact),
        ProfileChoices.Texts(ProfileChoices.LivedExperience, p.LivedExperience),
        p.LivedExperienceOther,
        ProfileChoices.Texts(ProfileChoices.AccessNeeds, p.AccessNeeds),
        p.Language,
        p.AccessNeedsOther,
        ProfileChoices.Texts(ProfileChoices.Days, p.AvailableDays),
        ProfileChoices.Texts(ProfileChoices.Times, p.TimesOfDay),
        ProfileChoices.Text(ProfileChoices.Modes, p.Mode),
        p.TravelMiles,
        p.PaymentPreference is { } preference ? ProfileChoices.Text(ProfileChoices.Payments, preference) : null,
        ConsentRecord.From(p),
        p.CreatedUtc,
        p.UpdatedUtc);
}

/// <summary>
/// The person's sign-in account, as the sign-in system holds it. Never the password (only a
/// scrambled form of it is kept, which nobody can read back) or the codes that keep the account safe.
/// </summary>
public sealed record AccountRecord(
    string Name,
    string? SignInEmail,
    bool SignInEmailChecked,
    string? PhoneNumber,
    bool PhoneNumberChecked,
    bool TwoStepSignIn,
    int WrongPasswordsSinceLastSignIn,
    DateTime? LockedUntilUtc,
    IReadOnlyList<string> Roles,
    IReadOnlyList<AccountDetailRecord> OtherDetails,
    IReadOnlyList<OtherServiceRecord> OtherServices,
    DateTime CreatedUtc,
    DateTime? LastSignInUtc);

/// <summary>Any other detail stored with the account (a claim).</summary>
public sealed record AccountDetailRecord(string? Type, string? Value);

/// <summary>Another service the person signs in with, and the reference that service gave them.</summary>
public sealed record OtherServiceRecord(string Service, string? ServiceName, string YourReferenceThere);

/// <summary>
/// One activity the person asked to join, and everything about them on it: what happened, what
/// they said would help, the organiser's message to them, attendance, hours and the organiser's notes.
/// </summary>
public sealed record SignUpRecord(
    string Activity,
    DateOnly Date,
    string ActivityStatus,
    string Status,
    string? MessageFromOrganiser,
    string WhatWouldHelp,
    string Attendance,
    int? ActivityMinutes,
    int? PreparationMinutes,
    int? TravelMinutes,
    DateTime? AttendanceRecordedUtc,
    string? PreparationNotes,
    string? CheckInNotes,
    string? DebriefNotes,
    DateTime RequestedUtc,
    DateTime? ReminderSentUtc,
    DateTime UpdatedUtc,
    string? FeeKind,
    string? Fee,
    bool FeePaysPreparation,
    bool FeePaysTravel);

/// <summary>An email we keep a copy of, sent or waiting to be sent to the person, or one we could not email them.</summary>
public sealed record EmailRecord(string? To, string Subject, string Text, string Status, string? Activity, DateTime CreatedUtc, DateTime? SentUtc);

/// <summary>Everything held about a person: the "your data" page and its JSON download.</summary>
public sealed record YourData(DateTime PreparedUtc, AccountRecord Account, ProfileSummary Profile, HowYouArePaid Payment, IReadOnlyList<SignUpRecord> SignUps,
    IReadOnlyList<ClaimRecord> Claims, IReadOnlyList<EmailRecord> Emails, IReadOnlyList<NoteRecord> Notes);

/// <summary>
/// Something the person is recorded as having said at an activity: the question it answers, the
/// words, the 7 Keys, whether they agreed to be named, and when it was written down and changed.
/// </summary>
public sealed record NoteRecord(string Activity, string Question, string Text, IReadOnlyList<string> Keys, bool MayNameYou,
    DateTime RecordedUtc, DateTime UpdatedUtc, DateTime? CorrectedUtc);

public static class EmailWords
{
    public static string Status(Infrastructure.Email.OutboxStatus status) => status switch
    {
        Infrastructure.Email.OutboxStatus.Pending => "Waiting to be sent",
        Infrastructure.Email.OutboxStatus.Sent => "Sent",
        Infrastructure.Email.OutboxStatus.Failed => "We could not send it",
        Infrastructure.Email.OutboxStatus.NoEmailAddress => "Not emailed, because we have no email address for you. The organiser will ring or text you instead",
        _ => status.ToString(),
    };
}

public static class SignUpWords
{
    public static string Status(SignUpStatus status) => status switch
    {
        SignUpStatus.Requested => "You asked for a place",
        SignUpStatus.Confirmed => "Place confirmed",
        SignUpStatus.WaitingList => "On the waiting list",
        SignUpStatus.Offered => "Offered a place",
        SignUpStatus.Declined => "Not given a place this time",
        SignUpStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Attendance(Attendance attendance) => attendance switch
    {
        Domain.Activities.Attendance.NotRecorded => "Not recorded yet",
        Domain.Activities.Attendance.Attended => "Attended",
        Domain.Activities.Attendance.DidNotAttend => "Did not attend",
        Domain.Activities.Attendance.CancelledByCouncil => "Cancelled by the council",
        _ => attendance.ToString(),
    };

    public static string ActivityStatus(ActivityStatus status) => status switch
    {
        Domain.Activities.ActivityStatus.Draft => "Being planned",
        Domain.Activities.ActivityStatus.Open => "Open for sign-up",
        Domain.Activities.ActivityStatus.Closed => "Closed for sign-up",
        Domain.Activities.ActivityStatus.Completed => "Finished",
        Domain.Activities.ActivityStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
