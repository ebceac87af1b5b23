using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Email;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CoProduce.Web.Features.Activities;

/// <summary>
/// The emails people get about activities, in plain English: confirmation (with a calendar
/// invite), waiting list, a place offered, a kind no, cancellation and a reminder. People who
/// gave no email address are not emailed; organisers contact them another way. A failed email
/// is logged, never turned into an error page: what it reports has already been saved.
/// </summary>
public sealed class ActivityNotifier(IEmailSender email, ILogger<ActivityNotifier> logger)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public Task ConfirmedAsync(ExpertProfile person, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(person, $"Your place is confirmed: {activity.Title}",
            $"You have a place at {activity.Title}.\n\n{When(activity)}\n{Where(activity, confirmed: true)}\n\n" +
            "We have attached a calendar invite.\n\nIf you cannot come any more, you can withdraw on the activity's page. Tell us if you need anything to help you take part.",
            cancellationToken, [Invite(activity)]);

    public Task WaitingListAsync(ExpertProfile person, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(person, $"You are on the waiting list: {activity.Title}",
            $"Thank you for signing up for {activity.Title}.\n\n{When(activity)}\n\nAll the places are taken at the moment, so you are on the waiting list. " +
            "If a place becomes free, we will email you to offer it. You do not need to do anything now.",
            cancellationToken);

    public Task PlaceOfferedAsync(ExpertProfile person, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(person, $"A place is free for you: {activity.Title}",
            $"A place has become free at {activity.Title}.\n\n{When(activity)}\n\nIf you would like it, sign in to CoProduce and accept the place on the activity's page. " +
            "If you do not want it, you do not need to do anything.",
            cancellationToken);

    public Task DeclinedAsync(ExpertProfile person, Activity activity, string message, CancellationToken cancellationToken) =>
        SendAsync(person, $"About your sign-up: {activity.Title}",
            $"Thank you for signing up for {activity.Title}.\n\n{message}\n\nWe hope you will take part in another activity soon.",
            cancellationToken);

    public Task CancelledAsync(ExpertProfile person, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(person, $"Cancelled: {activity.Title}",
            $"We are sorry. {activity.Title} on {activity.Date.ToString("dddd d MMMM yyyy", Uk)} has been cancelled.\n\n" +
            "You do not need to do anything. If you had costs because of this, you can still claim them.",
            cancellationToken);

    public Task ReminderAsync(ExpertProfile person, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(person, $"Reminder: {activity.Title} is in 2 days",
            $"This is a reminder that you have a place at {activity.Title}.\n\n{When(activity)}\n{Where(activity, confirmed: true)}\n\n" +
            "If you cannot come any more, please withdraw on the activity's page so someone else can have the place.",
            cancellationToken);

    private async Task SendAsync(ExpertProfile person, string subject, string body, CancellationToken cancellationToken, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        if (string.IsNullOrWhiteSpace(person.ContactEmail))
        {
            return;
        }
        try
        {
            await email.SendAsync(new EmailMessage(person.ContactEmail, subject, $"Hello {person.PreferredName},\n\n{body}\n\nCoProduce")
            {
                Attachments = attachments ?? [],
            }, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The change it tells them about is already saved: log it for the organiser to follow up,
            // and carry on with the others rather than fail the page.
            logger.LogError(failure, "Could not email \"{Subject}\" to expert profile {ProfileId}", subject, person.Id);
        }
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

    /// <summary>An iCalendar invite (RFC 5545) made with Ical.Net.</summary>
    internal static EmailAttachment Invite(Activity activity)
    {
        var calendar = new Ical.Net.Calendar();
        calendar.AddTimeZone(new VTimeZone("Europe/London"));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"coproduce-activity-{activity.Id}@coproduce",
            Summary = activity.Title,
            Description = activity.Description,
            Location = activity.Mode == ActivityMode.Online ? "Online" : activity.Venue,
            DtStart = new CalDateTime(activity.Date.ToDateTime(activity.StartTime), "Europe/London"),
            DtEnd = new CalDateTime(activity.Date.ToDateTime(activity.EndTime), "Europe/London"),
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return new EmailAttachment("invite.ics", "text/calendar", System.Text.Encoding.UTF8.GetBytes(text));
    }
}
