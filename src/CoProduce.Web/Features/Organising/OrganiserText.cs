using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;

namespace CoProduce.Web.Features.Organising;

// The organisers' words, in one place: what the pages call things, and what they say after a change.
// (Experts' words are in Participation/ParticipationText.cs, emails' in Activities/ActivityNotifier.cs.)

/// <summary>The plain words shown to organisers for each choice.</summary>
public static class Words
{
    public static string Type(ActivityType type) => type switch
    {
        ActivityType.Workshop => "Workshop",
        ActivityType.InterviewPanel => "Interview panel",
        ActivityType.TenderEvaluationPanel => "Tender evaluation panel",
        ActivityType.MethodStatementCoWriting => "Writing a tender question together",
        ActivityType.MarketEvent => "Meeting providers",
        ActivityType.AppreciativeEnquiryInterview => "Appreciative Enquiry interview",
        ActivityType.SurveyCoDesign => "Designing a survey together",
        ActivityType.LearningWalk => "Learning walk",
        ActivityType.MysteryShopper => "Mystery shopper visit",
        _ => "Other",
    };

    public static string Mode(ActivityMode mode) => mode switch
    {
        ActivityMode.InPerson => "In person",
        ActivityMode.Online => "Online",
        _ => "In person and online",
    };

    public static string Rung(LadderRung rung) => rung switch
    {
        LadderRung.CoProduction => "Co-production: people with lived experience share power and decisions",
        LadderRung.CoDesign => "Co-design: people with lived experience help design it",
        LadderRung.Engagement => "Engagement: people with lived experience can influence it",
        LadderRung.Consultation => "Consultation: we ask people's views",
        LadderRung.Informing => "Informing: we tell people about it",
        LadderRung.Educating => "Educating: we explain decisions",
        _ => "Coercion: decisions are made for people",
    };

    public static string Area(LivedExperienceArea area) => area switch
    {
        LivedExperienceArea.Carer => "Carer",
        LivedExperienceArea.YoungCarer => "Young carer",
        LivedExperienceArea.LearningDisability => "Learning disability",
        LivedExperienceArea.Autism => "Autism",
        LivedExperienceArea.MentalHealth => "Mental health",
        LivedExperienceArea.PhysicalDisability => "Physical disability",
        LivedExperienceArea.SensoryImpairment => "Sensory impairment",
        LivedExperienceArea.OlderPeople => "Older people",
        LivedExperienceArea.DomesticAbuse => "Domestic abuse",
        LivedExperienceArea.Homelessness => "Homelessness",
        LivedExperienceArea.SubstanceUse => "Substance use",
        LivedExperienceArea.RefugeeOrAsylum => "Refugee or asylum",
        _ => "Other",
    };

    public static string Need(AccessNeed need) => need switch
    {
        AccessNeed.EasyRead => "Easy read",
        AccessNeed.LargePrint => "Large print",
        AccessNeed.BslInterpreter => "BSL interpreter",
        AccessNeed.AnotherLanguage => "Another language",
        AccessNeed.HearingLoop => "Hearing loop",
        AccessNeed.StepFreeAccess => "Step-free access",
        AccessNeed.SupportWorker => "Support worker comes too",
        AccessNeed.QuietSpace => "Quiet space",
        AccessNeed.RegularBreaks => "Regular breaks",
        _ => "Other",
    };

    public static string Status(SignUpStatus status) => status switch
    {
        SignUpStatus.Requested => "Asked for a place",
        SignUpStatus.Confirmed => "Place confirmed",
        SignUpStatus.WaitingList => "Waiting list",
        SignUpStatus.Offered => "Place offered",
        SignUpStatus.Declined => "Not this time",
        SignUpStatus.Invited => "Invited",
        _ => "Withdrawn",
    };
}

/// <summary>What the organiser's pages say, and what they say after each change.</summary>
public static class OrganiserText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string When(Activity a) => ActivityNotifier.When(a).Replace("When: ", string.Empty, StringComparison.Ordinal);

    public static string Where(Activity a) => Words.Mode(a.Mode) + (a.Venue is null ? string.Empty : $": {a.Venue}");

    public static string Phone(string? phone, ContactMethod preferred) =>
        (phone ?? "No phone number") + (preferred == ContactMethod.TextMessage ? " (prefers a text message)" : string.Empty);

    public static string MoveLabel(ActivityStatus to) => to switch
    {
        ActivityStatus.Open => "Open for sign-up",
        ActivityStatus.Closed => "Close sign-up",
        ActivityStatus.Completed => "Mark as completed",
        _ => "Cancel the activity",
    };

    /// <summary>What was recorded, with the time given: the activity, and paid preparation and travel.</summary>
    public static string? Attendance(SignUp s) => s.Attendance switch
    {
        Domain.Activities.Attendance.NotRecorded => null,
        Domain.Activities.Attendance.Attended when s.TimeGiven is { } t =>
            $"Attended, {Hours(t.ActivityMinutes)} at the activity" +
            (t.PreparationMinutes > 0 ? $", {Hours(t.PreparationMinutes)} preparation" : string.Empty) +
            (t.TravelMinutes > 0 ? $", {Hours(t.TravelMinutes)} travel" : string.Empty),
        Domain.Activities.Attendance.Attended => "Attended",
        Domain.Activities.Attendance.DidNotAttend => "Did not attend",
        _ => "Cancelled by the council",
    };

    /// <summary>Minutes as hours people read: "2 hours", "1.5 hours", "45 minutes".</summary>
    public static string Hours(int minutes) => minutes switch
    {
        < 60 => $"{minutes} minutes",
        60 => "1 hour",
        _ => $"{(minutes / 60m).ToString("0.##", Uk)} hours",
    };

    public const string Created = "Activity saved as a draft. Open it when you are ready for people to sign up";

    public static string Saved(Told told) => told.People == 0
        ? "Activity saved"
        : "Activity saved. We have emailed the new details and an updated calendar invite to everyone with a place" + RingOrText(told);

    public static string Moved(ActivityStatus to, Told told) => to switch
    {
        ActivityStatus.Open => "The activity is open. People can now sign up",
        ActivityStatus.Closed => "Sign-up is closed",
        ActivityStatus.Completed => "The activity is completed. Record attendance for each person",
        ActivityStatus.Cancelled => "The activity is cancelled. We have emailed everyone who signed up" + RingOrText(told),
        _ => "Saved",
    };

    public static string Confirmed(PersonTold t) => t.Emailed
        ? $"Place confirmed for {t.PersonName}. We have emailed them"
        : $"Place confirmed for {t.PersonName}. They have no email address, so ring or text them";

    public static string WaitListed(PersonTold t) => t.Emailed
        ? $"{t.PersonName} is on the waiting list. We have told them"
        : $"{t.PersonName} is on the waiting list. They have no email address, so ring or text them";

    public static string Offered(PersonTold t) => t.Emailed
        ? $"Place offered to {t.PersonName}. They will accept it themselves"
        : $"Place offered to {t.PersonName}. They have no email address, so ring or text them";

    public static string Declined(PersonTold t) => t.Emailed
        ? $"We have told {t.PersonName}, with your message"
        : $"{t.PersonName} has no email address, so ring or text them with your message";

    public static string Invited(PersonTold t) => t.Emailed
        ? $"{t.PersonName} is invited. We have emailed them; they will answer on their involvement page"
        : $"{t.PersonName} is invited. They have no email address, so ring or text them (see \"Ring or text\" on the activity)";

    public static string AttendanceRecorded(string name) => $"Attendance recorded for {name}";

    public static string RecordedAsEvidence(RecordedEvidence e) => $"Recorded as evidence for {e.RequirementCode} {e.RequirementName}";

    private static string RingOrText(Told told) => told.NotEmailed switch
    {
        0 => string.Empty,
        1 => ". One person has no email address: ring or text them (see \"Ring or text\" below)",
        var n => $". {n} people have no email address: ring or text them (see \"Ring or text\" below)",
    };
}
