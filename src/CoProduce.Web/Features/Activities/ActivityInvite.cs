using System.Text;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Infrastructure.Email;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CoProduce.Web.Features.Activities;

/// <summary>Who an invite is from and to, and where the activity's page is.</summary>
public sealed record InviteParties(string Host, Uri ActivityPage, string OrganizerAddress, string OrganizerName, string AttendeeAddress, string AttendeeName);

/// <summary>
/// Calendar invites for an activity, as RFC 5545 and its scheduling rules (RFC 5546) want them:
/// one event per activity with a UID that never changes, the Europe/London time zone with its
/// summer-time rules, and a SEQUENCE that rises with every change, so that a calendar replaces
/// the invite it has (METHOD:REQUEST) or takes it out (METHOD:CANCEL).
/// </summary>
public static class ActivityInvite
{
    public const string TimeZoneId = "Europe/London";

    public const string InviteFileName = "invite.ics";

    public const string CancellationFileName = "cancellation.ics";

    /// <summary>The event's identity, the same in every invite about the activity: activity-{id}@{host of the public address}.</summary>
    public static string Uid(Activity activity, string host) => $"activity-{activity.Id}@{host}";

    /// <summary>An invite, or an updated one after a change: METHOD:REQUEST with the activity's current SEQUENCE.</summary>
    public static EmailAttachment Request(Activity activity, InviteParties parties, DateTime nowUtc) =>
        Attachment(InviteFileName, "REQUEST", Text(activity, parties, nowUtc, cancelled: false));

    /// <summary>A cancellation: METHOD:CANCEL, STATUS:CANCELLED, with the SEQUENCE raised by the cancellation.</summary>
    public static EmailAttachment Cancel(Activity activity, InviteParties parties, DateTime nowUtc) =>
        Attachment(CancellationFileName, "CANCEL", Text(activity, parties, nowUtc, cancelled: true));

    internal static string Text(Activity activity, InviteParties parties, DateTime nowUtc, bool cancelled)
    {
        var calendar = new Calendar
        {
            ProductId = "-//CoProduce//Activities//EN",
            Method = cancelled ? CalendarMethods.Cancel : CalendarMethods.Request,
        };
        calendar.AddTimeZone(EuropeLondon());
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Uid(activity, parties.Host),
            Sequence = activity.InviteSequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            Summary = activity.Title,
            Description = $"{activity.Description}\n\n{parties.ActivityPage.AbsoluteUri}",
            Location = activity.Mode == ActivityMode.Online ? "Online" : activity.Venue,
            Url = parties.ActivityPage,
            DtStart = new CalDateTime(activity.Date.ToDateTime(activity.StartTime), TimeZoneId),
            DtEnd = new CalDateTime(activity.Date.ToDateTime(activity.EndTime), TimeZoneId),
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + parties.OrganizerAddress) { CommonName = parties.OrganizerName },
            Attendees =
            {
                new Attendee("mailto:" + parties.AttendeeAddress)
                {
                    CommonName = parties.AttendeeName,
                    Role = ParticipationRole.RequiredParticipant,
                    ParticipationStatus = EventParticipationStatus.Accepted,
                    Rsvp = false,
                },
            },
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>
    /// Europe/London with its rules, which strict calendars need to place the times: British
    /// Summer Time (+01:00) from 01:00 UTC on the last Sunday of March, Greenwich Mean Time from
    /// 02:00 local time on the last Sunday of October.
    /// </summary>
    public static VTimeZone EuropeLondon()
    {
        var zone = new VTimeZone(TimeZoneId);
        zone.TimeZoneInfos.Add(new VTimeZoneInfo(Components.Daylight)
        {
            TimeZoneName = "BST",
            OffsetFrom = new UtcOffset(TimeSpan.Zero),
            OffsetTo = new UtcOffset(TimeSpan.FromHours(1)),
            DtStart = new CalDateTime(1970, 3, 29, 1, 0, 0),
            RecurrenceRule = new RecurrenceRule("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
        });
        zone.TimeZoneInfos.Add(new VTimeZoneInfo(Components.Standard)
        {
            TimeZoneName = "GMT",
            OffsetFrom = new UtcOffset(TimeSpan.FromHours(1)),
            OffsetTo = new UtcOffset(TimeSpan.Zero),
            DtStart = new CalDateTime(1970, 10, 25, 2, 0, 0),
            RecurrenceRule = new RecurrenceRule("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
        });
        return zone;
    }

    private static EmailAttachment Attachment(string fileName, string method, string text) =>
        new(fileName, $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(text));
}
