namespace CoProduce.Web.Domain.Common;

/// <summary>
/// Times are stored in UTC and shown, and compared with "today", in UK time: a meeting at 10am
/// in June is 10am BST, and "today" changes at midnight in Brackenfield, not in Greenwich.
/// </summary>
public static class UkTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>False on a machine with no time zone data, where UK times fall back to UTC (an hour out in summer).</summary>
    public static bool KnowsUkTime => Zone != TimeZoneInfo.Utc;

    public static DateTime ToUk(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToUk(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The UTC moment of a UK wall-clock time on a UK date. A time in the hour the clocks skip in
    /// spring (01:00 to 02:00) is read as the clock reads it after the jump, an hour later; a time in
    /// the hour that happens twice in autumn is the later (GMT) one.
    /// </summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var wallClock = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wallClock))
        {
            wallClock = wallClock.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(wallClock, Zone);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // a machine without time zone data: better UTC than a crash
        }
    }
}
