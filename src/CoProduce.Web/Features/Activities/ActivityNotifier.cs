using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.Activities;

/// <summary>
/// The emails people get about activities, in plain English: confirmation (with a calendar
/// invite), waiting list, a place offered, a kind no, a change of date, time or place (with an
/// updated invite), cancellation and a reminder. Each is put in the outbox, to be saved with the
/// change it tells them about and sent after; the caller saves. Every email links to the
/// activity's page. Someone with no email address is not emailed: the message goes on the
/// organiser's "Ring or text" list instead. Each method returns whether the person is emailed.
/// Someone whose communication needs include easy read gets the <see cref="EasyReadEmails"/>
/// version instead, and, for an invitation, a confirmation, a change or a reminder, the activity's
/// easy-read invitation as a PDF, made when the email is sent.
/// </summary>
public sealed class ActivityNotifier(IEmailOutbox outbox, PublicLinks links, IOptions<EmailOptions> email, TimeProvider clock)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private readonly EasyReadEmails _easyRead = new(links);

    /// <summary>The place, with the fee fixed for the person now (or that the activity is unpaid) and how we pay.</summary>
    public bool EnqueueConfirmed(ExpertProfile person, Activity activity, FixedFee? fee) =>
        Enqueue(person, activity, $"Your place is confirmed: {activity.Title}",
            $"You have a place at {activity.Title}.\n\n{When(activity)}\n{Where(activity, confirmed: true)}\n\n" +
            $"{PayText.ForPerson(fee, activity.IsPaid)}{(activity.IsPaid ? " " + PayText.ChoiceNotToBePaid : string.Empty)}\n" +
            $"How we pay: {new Uri(links.To(PayText.HowWePayPath)).AbsoluteUri}\n\n" +
            "We have attached a calendar invite.\n\nIf you cannot come any more, you can withdraw on the activity's page. Tell us if you need anything to help you take part.",
            Invite.Request, easyRead: () => _easyRead.Confirmed(person.PreferredName, activity, fee), withInvitation: true);

    public bool EnqueueWaitingList(ExpertProfile person, Activity activity) =>
        Enqueue(person, activity, $"You are on the waiting list: {activity.Title}",
            $"Thank you for signing up for {activity.Title}.\n\n{When(activity)}\n\nAll the places are taken at the moment, so you are on the waiting list. " +
            "If a place becomes free, we will email you to offer it. You do not need to do anything now.",
            easyRead: () => _easyRead.WaitingList(person.PreferredName, activity));

    public bool EnqueuePlaceOffered(ExpertProfile person, Activity activity) =>
        Enqueue(person, activity, $"A place is free for you: {activity.Title}",
            $"A place has become free at {activity.Title}.\n\n{When(activity)}\n\nIf you would like it, sign in to CoProduce and accept the place on the activity's page. " +
            "If you do not want it, you do not need to do anything.",
            easyRead: () => _easyRead.PlaceOffered(person.PreferredName, activity));

    public bool EnqueueDeclined(ExpertProfile person, Activity activity, string message) =>
        Enqueue(person, activity, $"About your sign-up: {activity.Title}",
            $"Thank you for signing up for {activity.Title}.\n\n{message}\n\nWe hope you will take part in another activity soon.",
            easyRead: () => _easyRead.Declined(person.PreferredName, activity, message));

    /// <summary>The date, time or place changed: someone with a place gets the new details and an updated invite.</summary>
    public bool EnqueueChanged(ExpertProfile person, Activity activity) =>
        Enqueue(person, activity, $"Changed: {activity.Title}",
            $"The details of {activity.Title} have changed. This is when and where it is now:\n\n{When(activity)}\n{Where(activity, confirmed: true)}\n\n" +
            "We have attached an updated calendar invite.\n\nIf you cannot come any more, you can withdraw on the activity's page.",
            Invite.Request, easyRead: () => _easyRead.Changed(person.PreferredName, activity), withInvitation: true);

    /// <summary>Someone with a place also gets a cancellation for their calendar.</summary>
    public bool EnqueueCancelled(ExpertProfile person, Activity activity, bool hadPlace) =>
        Enqueue(person, activity, $"Cancelled: {activity.Title}",
            $"We are sorry. {activity.Title} on {activity.Date.ToString("dddd d MMMM yyyy", Uk)} has been cancelled.\n\n" +
            (hadPlace
                ? "You do not need to do anything. If you had costs because of this, you can still claim them: a claim for your expenses " +
                  $"is waiting on your payments page, {new Uri(links.To("/my-payments")).AbsoluteUri}"
                : "You do not need to do anything."),
            hadPlace ? Invite.Cancel : Invite.None, easyRead: () => _easyRead.Cancelled(person.PreferredName, activity, hadPlace));

    /// <summary>An invitation from the organiser: the person answers on their involvement page, which the email links to.</summary>
    public bool EnqueueInvited(ExpertProfile person, Activity activity, FixedFee? fee) =>
        Enqueue(person, activity, $"You are invited: {activity.Title}",
            $"We would like you to take part in {activity.Title}.\n\n{When(activity)}\n{Where(activity, confirmed: false)}\n\n" +
            $"{PayText.ForPerson(fee, activity.IsPaid)}\nHow we pay: {new Uri(links.To(PayText.HowWePayPath)).AbsoluteUri}\n\n" +
            "Sign in to CoProduce to say yes or no on your involvement page. If you say yes, the organiser will confirm your place.",
            page: "/my-involvement", easyRead: () => _easyRead.Invited(person.PreferredName, activity, fee), withInvitation: true);

    public bool EnqueueReminder(ExpertProfile person, Activity activity) =>
        Enqueue(person, activity, $"Reminder: {activity.Title} is in 2 days",
            $"This is a reminder that you have a place at {activity.Title}.\n\n{When(activity)}\n{Where(activity, confirmed: true)}\n\n" +
            "If you cannot come any more, please withdraw on the activity's page so someone else can have the place.",
            easyRead: () => _easyRead.Reminder(person.PreferredName, activity), withInvitation: true);

    private enum Invite
    {
        None,
        Request,
        Cancel,
    }

    /// <param name="easyRead">The easy-read version, for people who asked for easy read.</param>
    /// <param name="withInvitation">Whether an easy-read email carries the activity's easy-read invitation as a PDF.</param>
    private bool Enqueue(ExpertProfile person, Activity activity, string subject, string body, Invite invite = Invite.None, string? page = null,
        Func<EmailText>? easyRead = null, bool withInvitation = false)
    {
        var activityPage = new Uri(links.To($"/activities/{activity.Id}"));
        string text;
        string? document = null;
        if (easyRead is not null && EasyReadEmails.Wanted(person.AccessNeeds))
        {
            (subject, text) = easyRead();
            document = withInvitation ? AttachableDocumentReference.For("invitation", activity.Id, person.Id) : null;
        }
        else
        {
            var link = page is null ? $"The activity's page: {activityPage.AbsoluteUri}" : $"Your involvement page: {new Uri(links.To(page)).AbsoluteUri}";
            text = $"Hello {person.PreferredName},\n\n{body}\n\n{link}\n\nCoProduce";
        }
        var about = new EmailAbout(activity.Id, person.Id);
        var address = person.ContactEmail?.Trim();
        if (string.IsNullOrEmpty(address) || !EmailAddresses.IsSendable(address))
        {
            outbox.AddNotEmailable(subject, EasyReadEmails.WithoutDocumentNote(text), about);
            return false;
        }
        var parties = new InviteParties(links.BaseUrl.Host, activityPage, email.Value.FromAddress, email.Value.FromName, address, person.PreferredName);
        var now = clock.GetUtcNow().UtcDateTime;
        EmailAttachment[] attachments = invite switch
        {
            Invite.Request => [ActivityInvite.Request(activity, parties, now)],
            Invite.Cancel => [ActivityInvite.Cancel(activity, parties, now)],
            _ => [],
        };
        outbox.Add(new EmailMessage(address, subject, text) { Attachments = attachments }, about, document);
        return true;
    }

    internal static string When(Activity activity) =>
        $"When: {activity.Date.ToString("dddd d MMMM yyyy", Uk)}, {Time(activity.StartTime)} to {Time(activity.EndTime)}";

    internal static string Where(Activity activity, bool confirmed) => activity.Mode switch
    {
        ActivityMode.Online => confirmed ? $"Online. How to join: {activity.JoiningInstructions}" : "Online",
        ActivityMode.Hybrid => $"At {activity.Venue}, or online{(confirmed ? $". How to join online: {activity.JoiningInstructions}" : string.Empty)}",
        _ => $"Where: {activity.Venue}",
    };

    /// <summary>"10am", "2:30pm": how GOV.UK writes times.</summary>
    internal static string Time(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0 ? $"{hour}{suffix}" : $"{hour}:{time.Minute:00}{suffix}";
    }
}
