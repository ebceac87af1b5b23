using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.Involvement;

namespace CoProduce.Web.Features.Participation;

/// <summary>
/// How activities and sign-ups are described to an expert by experience: everyday words, no
/// jargon, and always what happens next.
/// </summary>
public static class ParticipationText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    // What the person is told when they act. Consent is asked for in their own terms, before the
    // rules' own refusal (which is worded for organisers) can be reached.
    public const string ConsentNeededToSignUp = "You need to give your consent before you can sign up. You can do this on your profile";
    public const string ConsentNeededToTakeAPlace = "You need to give your consent before you can take a place. You can do this on your profile";
    public const string ConsentNeededToSayYes = "You need to give your consent before you can say yes. You can do this on your profile";
    public const string SignedUp = "You have signed up. We will email you when the organiser has decided.";
    public const string Withdrew = "You have withdrawn from this activity. Thank you for telling us.";
    public const string InvitationAccepted = "Thank you. You have said yes. The organiser will confirm your place and we will email you.";
    public const string InvitationDeclined = "Thank you for letting us know.";

    public static string OfferAccepted(bool emailed) => emailed
        ? "Your place is confirmed. We have emailed you the details and a calendar invite."
        : "Your place is confirmed.";

    /// <summary>"Tuesday 8 December 2026, 10am to 12:30pm".</summary>
    public static string When(Activity activity) => When(activity.Date, activity.StartTime, activity.EndTime);

    public static string When(DateOnly date, TimeOnly start, TimeOnly end) =>
        $"{Date(date)}, {ActivityNotifier.Time(start)} to {ActivityNotifier.Time(end)}";

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", Uk);

    public static string Type(ActivityType type) => type switch
    {
        ActivityType.Workshop => "Workshop",
        ActivityType.InterviewPanel => "Interview panel: helping to choose staff",
        ActivityType.TenderEvaluationPanel => "Helping to choose who runs the service",
        ActivityType.MethodStatementCoWriting => "Helping to write a question for organisations that want to run the service",
        ActivityType.MarketEvent => "Meeting organisations that may run the service",
        ActivityType.AppreciativeEnquiryInterview => "Interview about what works well",
        ActivityType.SurveyCoDesign => "Helping to write a survey",
        ActivityType.LearningWalk => "Visit to a service to see what works",
        ActivityType.MysteryShopper => "Trying out a service as a customer",
        _ => "Activity",
    };

    public static string Mode(ActivityMode mode) => mode switch
    {
        ActivityMode.InPerson => "In person",
        ActivityMode.Online => "Online",
        _ => "In person or online: you choose",
    };

    public static string Paid(bool isPaid) => isPaid ? "Paid" : "Unpaid";

    /// <summary>Where it is, for someone deciding whether to go: the venue, online, or both.</summary>
    public static string Where(ActivityMode mode, string? venue) => (mode, string.IsNullOrWhiteSpace(venue)) switch
    {
        (ActivityMode.Online, _) => "Online",
        (ActivityMode.Hybrid, false) => $"{venue}, or online",
        (ActivityMode.Hybrid, true) => "In person or online",
        (_, false) => venue!,
        _ => "In person",
    };

    public static string PlacesLeft(int placesLeft) => placesLeft switch
    {
        <= 0 => "No places left. You can still sign up for the waiting list",
        1 => "1 place left",
        _ => $"{placesLeft} places left",
    };

    public static string Experience(LivedExperienceArea area) => area switch
    {
        LivedExperienceArea.Carer => "caring for someone",
        LivedExperienceArea.YoungCarer => "being a young carer",
        LivedExperienceArea.LearningDisability => "learning disability",
        LivedExperienceArea.Autism => "autism",
        LivedExperienceArea.MentalHealth => "mental health",
        LivedExperienceArea.PhysicalDisability => "physical disability",
        LivedExperienceArea.SensoryImpairment => "sight or hearing loss",
        LivedExperienceArea.OlderPeople => "getting older",
        LivedExperienceArea.DomesticAbuse => "domestic abuse",
        LivedExperienceArea.Homelessness => "homelessness",
        LivedExperienceArea.SubstanceUse => "drugs or alcohol",
        LivedExperienceArea.RefugeeOrAsylum => "being a refugee or seeking asylum",
        _ => "other experiences",
    };

    /// <summary>What might help, in the person's own terms, for the hint on the sign-up form.</summary>
    public static string? Help(AccessNeed need, string? language) => need switch
    {
        AccessNeed.EasyRead => "easy read papers",
        AccessNeed.LargePrint => "large print papers",
        AccessNeed.BslInterpreter => "a BSL interpreter",
        AccessNeed.AnotherLanguage => string.IsNullOrWhiteSpace(language) ? "an interpreter" : $"an interpreter for {language}",
        AccessNeed.HearingLoop => "a hearing loop",
        AccessNeed.StepFreeAccess => "step-free access",
        AccessNeed.SupportWorker => "bringing your support worker",
        AccessNeed.QuietSpace => "a quiet space",
        AccessNeed.RegularBreaks => "regular breaks",
        _ => null,
    };

    public static string SignUpHint(ExpertProfile? person)
    {
        var examples = person?.AccessNeeds.Order().Select(n => Help(n, person.Language)).OfType<string>().ToList() ?? [];
        if (examples.Count == 0)
        {
            examples = ["easy read papers", "a quiet space", "regular breaks"];
        }
        return $"For example, {JoinOr(examples)}. You can leave this empty.";
    }

    /// <summary>The person's own status, as a short label.</summary>
    public static string StatusLabel(SignUpStatus status, Attendance attendance) => (status, attendance) switch
    {
        (SignUpStatus.Confirmed, Attendance.Attended) => "You took part",
        (SignUpStatus.Invited, _) => "You are invited",
        (SignUpStatus.Requested, _) => "You asked for a place",
        (SignUpStatus.Confirmed, _) => "Place confirmed",
        (SignUpStatus.WaitingList, _) => "Waiting list",
        (SignUpStatus.Offered, _) => "Place offered to you",
        (SignUpStatus.Declined, _) => "No place this time",
        _ => "You withdrew",
    };

    /// <summary>What happens next, for the person's status.</summary>
    public static string StatusNext(SignUpStatus status, Attendance attendance) => (status, attendance) switch
    {
        (SignUpStatus.Confirmed, Attendance.Attended) => "Thank you for taking part.",
        (SignUpStatus.Invited, _) => "The organiser would like you to take part. You can say yes or no on your involvement page.",
        (SignUpStatus.Requested, _) => "The organiser will decide who gets a place. We will email you when they have decided.",
        (SignUpStatus.Confirmed, _) => "You have a place. We will email you a reminder 2 days before.",
        (SignUpStatus.WaitingList, _) => "All the places are taken at the moment. If a place becomes free, we will email you to offer it.",
        (SignUpStatus.Offered, _) => "A place is free for you. If you would like it, accept it below.",
        (SignUpStatus.Declined, _) => "You did not get a place this time. We hope you will take part in another activity soon.",
        _ => "You can sign up again while the activity is taking sign-ups.",
    };

    /// <summary>The heading of a group on the involvement page.</summary>
    public static string GroupHeading(MyActivityGroup group) => group switch
    {
        MyActivityGroup.Invited => "You are invited",
        MyActivityGroup.Offered => "A place is offered to you",
        MyActivityGroup.Confirmed => "Place confirmed",
        MyActivityGroup.Requested => "You asked for a place",
        MyActivityGroup.WaitingList => "On the waiting list",
        _ => "You took part",
    };

    /// <summary>What the group means and what happens next.</summary>
    public static string GroupExplanation(MyActivityGroup group) => group switch
    {
        MyActivityGroup.Invited => "An organiser would like you to take part. Please say yes or no.",
        MyActivityGroup.Offered => "A place has become free. Accept it if you would like it.",
        MyActivityGroup.Confirmed => "You have a place. We will email you a reminder 2 days before.",
        MyActivityGroup.Requested => "The organiser will decide who gets a place. We will email you.",
        MyActivityGroup.WaitingList => "If a place becomes free, we will email you to offer it.",
        _ => "Thank you for taking part.",
    };

    public static string JoinAnd(IReadOnlyList<string> items) => Join(items, "and");

    private static string JoinOr(IReadOnlyList<string> items) => Join(items, "or");

    private static string Join(IReadOnlyList<string> items, string last) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {last} {items[^1]}",
    };
}
