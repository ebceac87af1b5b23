using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Hosting;

namespace CoProduce.Web.Features.Activities;

/// <summary>An email's subject and its plain text.</summary>
public sealed record EmailText(string Subject, string Body);

/// <summary>
/// The easy-read version of every email an expert by experience gets, for people whose
/// communication needs include easy read. One idea a line, everyday words, the facts (what,
/// date, time, place) each on their own line, and a link to the page. The words are the Email_*
/// keys of <c>EasyReadText.resx</c>, so they are checked by the plain-English checker with the
/// documents' own words. Everyone else keeps the ordinary wording of <see cref="ActivityNotifier"/>.
/// </summary>
public sealed class EasyReadEmails(PublicLinks links)
{
    private readonly EasyReadWords _words = new(EasyReadLanguage.English);

    /// <summary>Whether the person asked for easy read.</summary>
    public static bool Wanted(IReadOnlySet<AccessNeed> needs) => needs.Contains(AccessNeed.EasyRead);

    /// <summary>
    /// The text without the sentence saying an easy-read copy is attached: for an email that goes
    /// without its PDF after all (none could be made), and for a message given by phone or text.
    /// </summary>
    public static string WithoutDocumentNote(string text)
    {
        var note = new EasyReadWords(EasyReadLanguage.English)["Email_Document"];
        var lines = text.Split('\n').Where(line => line.Trim() != note);
        return System.Text.RegularExpressions.Regex.Replace(string.Join('\n', lines), @"\n{3,}", "\n\n");
    }

    public EmailText Confirmed(string name, Activity activity, FixedFee? fee) =>
        Email("Email_Confirmed_Subject", activity.Title, name,
        [
            [W("Email_Confirmed_Intro")],
            Facts(activity, confirmed: true),
            Pay(fee?.Describe(), activity.IsPaid, canChoose: activity.IsPaid),
            [W("Email_Calendar"), W("Email_Document")],
            [W("Email_CannotCome"), W("Email_TellUsHelp")],
        ], ActivityPage(activity));

    public EmailText WaitingList(string name, Activity activity) =>
        Email("Email_WaitingList_Subject", activity.Title, name,
        [
            [W("Email_WaitingList_Thanks")],
            Facts(activity, confirmed: false, place: false),
            [W("Email_WaitingList_Full"), W("Email_WaitingList_OnList"), W("Email_WaitingList_WeWillEmail"), W("Email_NothingToDo")],
        ], ActivityPage(activity));

    public EmailText PlaceOffered(string name, Activity activity) =>
        Email("Email_PlaceOffered_Subject", activity.Title, name,
        [
            [W("Email_PlaceOffered_Intro")],
            Facts(activity, confirmed: false, place: false),
            [W("Email_PlaceOffered_Want"), W("Email_PlaceOffered_HowToSayYes"), W("Email_PlaceOffered_NotWanted")],
        ], ActivityPage(activity));

    /// <summary>The organiser's own words go as they wrote them.</summary>
    public EmailText Declined(string name, Activity activity, string message) =>
        Email("Email_Declined_Subject", activity.Title, name,
        [
            [W("Email_WaitingList_Thanks")],
            Facts(activity, confirmed: false, place: false),
            [W("Email_Declined_OrganiserSays"), message.Trim()],
            [W("Email_Declined_Another")],
        ], ActivityPage(activity));

    public EmailText Changed(string name, Activity activity) =>
        Email("Email_Changed_Subject", activity.Title, name,
        [
            [W("Email_Changed_Intro"), W("Email_Changed_NewDetails")],
            Facts(activity, confirmed: true),
            [W("Email_CalendarNew"), W("Email_Document")],
            [W("Email_CannotCome")],
        ], ActivityPage(activity));

    public EmailText Cancelled(string name, Activity activity, bool hadPlace) =>
        Email("Email_Cancelled_Subject", activity.Title, name,
        [
            [W("Email_Cancelled_Sorry"), W("Email_Cancelled_Intro")],
            [F("Email_What", activity.Title), F("Email_Date", _words.Date(activity.Date))],
            hadPlace
                ? [W("Email_NothingToDo"), W("Email_Cancelled_Costs"), W("Email_Cancelled_PayBack"), F("Email_Cancelled_Claim", Link("/my-payments")), W("Email_CalendarCancel")]
                : [W("Email_NothingToDo")],
        ], ActivityPage(activity));

    /// <summary>The person answers on their involvement page, which the email links to.</summary>
    public EmailText Invited(string name, Activity activity, FixedFee? fee) =>
        Email("Email_Invited_Subject", activity.Title, name,
        [
            [W("Email_Invited_Intro")],
            Facts(activity, confirmed: false),
            Pay(fee?.Describe(), activity.IsPaid, canChoose: false),
            [W("Email_Document")],
            [W("Email_Invited_YesOrNo"), W("Email_Invited_IfYes")],
        ], F("Email_Invited_Answer", Link("/my-involvement")));

    public EmailText Reminder(string name, Activity activity) =>
        Email("Email_Reminder_Subject", activity.Title, name,
        [
            [W("Email_Reminder_Intro"), W("Email_Confirmed_Intro")],
            Facts(activity, confirmed: true),
            [W("Email_Document")],
            [W("Email_CannotCome"), W("Email_SomeoneElse")],
        ], ActivityPage(activity));

    /// <summary>Finance's question goes as they wrote it.</summary>
    public EmailText ClaimQuestion(string name, string activityTitle, int claimId, string question) =>
        Email("Email_ClaimQuestion_Subject", activityTitle, name,
        [
            [W("Email_ClaimQuestion_Intro"), F("Email_What", activityTitle)],
            [W("Email_ClaimQuestion_Question"), question.Trim()],
            [W("Email_ClaimQuestion_Answer"), W("Email_ClaimQuestion_SendAgain"), W("Email_ClaimQuestion_Change")],
        ], F("Email_ClaimQuestion_Link", Link($"/my-payments/claims/{claimId}")));

    private EmailText Email(string subjectKey, string title, string name, IEnumerable<IEnumerable<string>> paragraphs, string link)
    {
        IEnumerable<string> blocks = [F("Email_Hello", name), .. paragraphs.Select(p => string.Join('\n', p)), link, W("Email_From")];
        return new EmailText(F(subjectKey, title), string.Join("\n\n", blocks));
    }

    /// <summary>What, date, time and place, a line each. Joining instructions only once the place is confirmed.</summary>
    private List<string> Facts(Activity activity, bool confirmed, bool place = true)
    {
        var facts = new List<string>
        {
            F("Email_What", activity.Title),
            F("Email_Date", _words.Date(activity.Date)),
            F("Email_Time", _words.Time(activity.StartTime), _words.Time(activity.EndTime)),
        };
        if (!place)
        {
            return facts;
        }
        switch (activity.Mode)
        {
            case ActivityMode.Online:
                facts.Add(W("Email_PlaceOnline"));
                break;
            case ActivityMode.Hybrid:
                facts.Add(F("Email_PlaceHybrid", activity.Venue ?? string.Empty));
                break;
            default:
                facts.Add(F("Email_Place", activity.Venue ?? string.Empty));
                break;
        }
        if (confirmed && activity.Mode != ActivityMode.InPerson && !string.IsNullOrWhiteSpace(activity.JoiningInstructions))
        {
            facts.Add(F("Email_HowToJoin", activity.JoiningInstructions));
        }
        return facts;
    }

    private List<string> Pay(string? rate, bool activityIsPaid, bool canChoose)
    {
        var pay = new List<string>
        {
            rate is not null ? F("Email_Paid", rate) : activityIsPaid ? W("Email_PaidForTime") : W("Email_NotPaid"),
            W("Email_Costs"),
        };
        if (canChoose)
        {
            pay.Add(W("Email_ChooseNotPaid"));
        }
        pay.Add(F("Email_HowWePay", Link(PayText.HowWePayPath)));
        return pay;
    }

    private string ActivityPage(Activity activity) => F("Email_ActivityPage", Link($"/activities/{activity.Id}"));

    private string Link(string path) => new Uri(links.To(path)).AbsoluteUri;

    private string W(string key) => _words[key];

    private string F(string key, params string[] values) => string.Format(_words.Language.Culture, _words[key], values);
}
