using System.Text;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Email;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace CoProduce.UnitTests.Email;

/// <summary>The .ics invites, read back as a calendar would read them (RFC 5545 and RFC 5546).</summary>
public sealed class ActivityInviteTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc);
    private static readonly InviteParties Parties = new("coproduce.brackenfield.example", new Uri("https://coproduce.brackenfield.example/activities/42"),
        "coproduce@brackenfield.example", "Brackenfield Council CoProduce", "jo@example.org", "Jo");

    /// <summary>A summer activity (British Summer Time) with the id it would have once saved.</summary>
    private static Activity SummerWorkshop()
    {
        var activity = new Activity(1, "What makes a good break?", ActivityType.Workshop, "About short breaks",
            new ActivitySchedule(new DateOnly(2027, 7, 14), new TimeOnly(10, 0), new TimeOnly(12, 30), new DateOnly(2027, 7, 7)),
            new ActivityPlace(ActivityMode.InPerson, "Brackenfield Library", "Step-free", null),
            6, [], LadderRung.CoProduction, true, "organiser", Now);
        typeof(Activity).GetProperty(nameof(Activity.Id))!.SetValue(activity, 42);
        return activity;
    }

    private static Calendar Read(EmailAttachment attachment)
    {
        Assert.StartsWith("text/calendar", attachment.ContentType, StringComparison.Ordinal);
        return Calendar.Load(Encoding.UTF8.GetString(attachment.Content))!;
    }

    [Fact]
    public void Invite_TimeZoneHasStandardAndDaylightRules()
    {
        var calendar = Read(ActivityInvite.Request(SummerWorkshop(), Parties, Now));

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/London", zone.TzId);
        var daylight = Assert.Single(zone.TimeZoneInfos, i => i.Name == "DAYLIGHT");
        var standard = Assert.Single(zone.TimeZoneInfos, i => i.Name == "STANDARD");
        // British Summer Time: from 01:00 UTC (01:00 GMT) on the last Sunday of March.
        Assert.Equal("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", daylight.RecurrenceRule!.ToString());
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromHours(1)), (daylight.OffsetFrom!.Offset, daylight.OffsetTo!.Offset));
        Assert.Equal((3, DayOfWeek.Sunday, 1), (daylight.DtStart!.Month, daylight.DtStart.DayOfWeek, daylight.DtStart.Hour));
        // Greenwich Mean Time: from 02:00 local time (01:00 UTC) on the last Sunday of October.
        Assert.Equal("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", standard.RecurrenceRule!.ToString());
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.Zero), (standard.OffsetFrom!.Offset, standard.OffsetTo!.Offset));
        Assert.Equal((10, DayOfWeek.Sunday, 2), (standard.DtStart!.Month, standard.DtStart.DayOfWeek, standard.DtStart.Hour));
        Assert.True(daylight.DtStart.Day > 31 - 7 && standard.DtStart.Day > 31 - 7, "each rule starts on the month's last Sunday");
    }

    [Fact]
    public void Invite_IsARequestWithTheEventInLondonTime()
    {
        var activity = SummerWorkshop();

        var attachment = ActivityInvite.Request(activity, Parties, Now);
        var calendar = Read(attachment);

        Assert.Equal("invite.ics", attachment.FileName);
        Assert.Contains("method=REQUEST", attachment.ContentType, StringComparison.Ordinal);
        Assert.Equal("REQUEST", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal("activity-42@coproduce.brackenfield.example", invite.Uid);
        Assert.Equal(0, invite.Sequence);
        Assert.Equal("CONFIRMED", invite.Status);
        Assert.Equal("What makes a good break?", invite.Summary);
        Assert.Equal("Brackenfield Library", invite.Location);
        Assert.Equal(new Uri("https://coproduce.brackenfield.example/activities/42"), invite.Url);
        Assert.Equal("Europe/London", invite.DtStart!.TzId);
        // 10am in July is 9am UTC (British Summer Time).
        Assert.Equal(new DateTime(2027, 7, 14, 9, 0, 0, DateTimeKind.Utc), invite.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 7, 14, 11, 30, 0, DateTimeKind.Utc), invite.DtEnd!.AsUtc);
        Assert.Equal(Now, invite.DtStamp!.AsUtc);
        Assert.Equal(new Uri("mailto:coproduce@brackenfield.example"), invite.Organizer!.Value);
        var attendee = Assert.Single(invite.Attendees);
        Assert.Equal((new Uri("mailto:jo@example.org"), "Jo"), (attendee.Value, attendee.CommonName));
    }

    [Fact]
    public void Invite_AfterAChangeOfTime_KeepsItsUidAndRaisesItsSequence()
    {
        var activity = SummerWorkshop();
        var first = Assert.Single(Read(ActivityInvite.Request(activity, Parties, Now)).Events);

        var moved = activity.Update(activity.Title, activity.Type, activity.Description,
            new ActivitySchedule(activity.Date, new TimeOnly(14, 0), new TimeOnly(16, 0), activity.SignUpClosesOn),
            new ActivityPlace(activity.Mode, activity.Venue, activity.AccessInformation, activity.JoiningInstructions),
            activity.Places, activity.LivedExperienceSought, activity.Rung, activity.IsPaid, activity.RequirementCode, Now);
        var updated = Read(ActivityInvite.Request(activity, Parties, Now.AddHours(1)));

        Assert.True(moved);
        Assert.Equal("REQUEST", updated.Method);
        var again = Assert.Single(updated.Events);
        Assert.Equal(first.Uid, again.Uid);
        Assert.Equal(1, again.Sequence);
        Assert.True(again.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2027, 7, 14, 13, 0, 0, DateTimeKind.Utc), again.DtStart!.AsUtc);
    }

    [Fact]
    public void Cancellation_IsACancelWithTheStatusCancelledAndAHigherSequence()
    {
        var activity = SummerWorkshop();
        activity.MoveTo(ActivityStatus.Open, Now);
        var before = activity.InviteSequence;

        activity.MoveTo(ActivityStatus.Cancelled, Now);
        var attachment = ActivityInvite.Cancel(activity, Parties, Now);
        var calendar = Read(attachment);

        Assert.Equal("cancellation.ics", attachment.FileName);
        Assert.Contains("method=CANCEL", attachment.ContentType, StringComparison.Ordinal);
        Assert.Equal("CANCEL", calendar.Method);
        var cancelled = Assert.Single(calendar.Events);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal("activity-42@coproduce.brackenfield.example", cancelled.Uid);
        Assert.Equal(before + 1, cancelled.Sequence);
        Assert.NotEmpty(calendar.TimeZones.Single().TimeZoneInfos);
    }

    [Fact]
    public void Update_ChangingNeitherWhenNorWhere_KeepsTheSequence()
    {
        var activity = SummerWorkshop();

        var moved = activity.Update("A new title", activity.Type, "A new description",
            new ActivitySchedule(activity.Date, activity.StartTime, activity.EndTime, activity.SignUpClosesOn.AddDays(-1)),
            new ActivityPlace(activity.Mode, activity.Venue, "Step-free, with a hearing loop", activity.JoiningInstructions),
            activity.Places + 2, activity.LivedExperienceSought, activity.Rung, activity.IsPaid, activity.RequirementCode, Now);

        Assert.False(moved);
        Assert.Equal(0, activity.InviteSequence);
    }

    [Theory]
    [InlineData("date")]
    [InlineData("start")]
    [InlineData("end")]
    [InlineData("venue")]
    [InlineData("mode")]
    [InlineData("joining")]
    public void Update_ChangingWhenOrWhere_RaisesTheSequence(string what)
    {
        var activity = SummerWorkshop();
        var schedule = new ActivitySchedule(
            what == "date" ? activity.Date.AddDays(1) : activity.Date,
            what == "start" ? new TimeOnly(9, 30) : activity.StartTime,
            what == "end" ? new TimeOnly(13, 0) : activity.EndTime,
            activity.SignUpClosesOn);
        var place = new ActivityPlace(
            what == "mode" ? ActivityMode.Hybrid : activity.Mode,
            what == "venue" ? "Brackenfield Town Hall" : activity.Venue,
            activity.AccessInformation,
            what == "joining" ? "A link will follow" : activity.JoiningInstructions);

        var moved = activity.Update(activity.Title, activity.Type, activity.Description, schedule, place,
            activity.Places, activity.LivedExperienceSought, activity.Rung, activity.IsPaid, activity.RequirementCode, Now);

        Assert.True(moved);
        Assert.Equal(1, activity.InviteSequence);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(50, 60)]
    public void RetryDelay_DoublesFromTheFirst_UpToTheLongest(int failedAttempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMessage.RetryDelay(failedAttempts, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(60)));
    }

    [Fact]
    public void Message_WithNoAddress_IsNeverSentAndKeepsNoAttachment()
    {
        var invite = ActivityInvite.Request(SummerWorkshop(), Parties, Now);

        var message = new OutboxMessage(" ", "Your place is confirmed", "Hello", null, [invite], Now, 42, 7);

        Assert.Equal(OutboxStatus.NoEmailAddress, message.Status);
        Assert.Empty(message.Attachments);
        Assert.Throws<InvalidOperationException>(() => message.ToEmail());
        var email = new OutboxMessage("jo@example.org", "Your place is confirmed", "Hello", null, [invite], Now).ToEmail();
        Assert.Equal(invite.Content, Assert.Single(email.Attachments).Content);
    }
}
