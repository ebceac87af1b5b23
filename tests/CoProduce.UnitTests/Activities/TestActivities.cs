using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.UnitTests.Activities;

/// <summary>
/// Activities for the rule tables, built and changed only through <see cref="Activity"/>'s own
/// methods. The database gives sign-ups their ids; here a sign-up's id is its person's profile id.
/// </summary>
internal static class TestActivities
{
    /// <summary>When the test activities are set up and people sign up: before any of their days.</summary>
    public static readonly DateTime SetUpUtc = new(2027, 1, 2, 9, 0, 0, DateTimeKind.Utc);

    public static readonly SessionNotes NoNotes = new(null, null, null);

    /// <summary>A summer (BST) activity: 2027-06-15, 10:00 to 12:00 UK time, which is 09:00 to 11:00 UTC.</summary>
    public static readonly DateOnly SummerDay = new(2027, 6, 15);

    public static readonly DateTime BeforeSummerDay = Utc("2027-06-14T12:00:00Z");
    public static readonly DateTime SummerDayWhileOn = Utc("2027-06-15T09:30:00Z");
    public static readonly DateTime SummerDayOver = Utc("2027-06-15T11:00:00Z");
    public static readonly DateTime AfterSummerDay = Utc("2027-06-16T12:00:00Z");

    /// <summary>A moment written as ISO 8601 with its offset, for tables of cases.</summary>
    public static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeOnly Time(string hoursAndMinutes) => TimeOnly.ParseExact(hoursAndMinutes, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A draft activity. Sign-up closes on its day.</summary>
    public static Activity Draft(DateOnly date, string start = "10:00", string end = "12:00", int places = 3) =>
        new(1, "Workshop", ActivityType.Workshop, "About short breaks",
            new ActivitySchedule(date, Time(start), Time(end), date),
            new ActivityPlace(ActivityMode.InPerson, "Brackenfield Library", "Step-free, hearing loop", null),
            places, [LivedExperienceArea.Carer], LadderRung.CoProduction, true, "organiser", SetUpUtc);

    public static Activity Open(DateOnly date, string start = "10:00", string end = "12:00", int places = 3)
    {
        var activity = Draft(date, start, end, places);
        activity.MoveTo(ActivityStatus.Open, SetUpUtc);
        return activity;
    }

    /// <summary>The summer activity, brought to a status through the moves an organiser makes.</summary>
    public static Activity SummerActivity(ActivityStatus status, int places = 3)
    {
        var activity = status == ActivityStatus.Draft ? Draft(SummerDay, places: places) : Open(SummerDay, places: places);
        switch (status)
        {
            case ActivityStatus.Closed:
                activity.MoveTo(ActivityStatus.Closed, SetUpUtc);
                break;
            case ActivityStatus.Completed:
                activity.MoveTo(ActivityStatus.Completed, SummerDayWhileOn);
                break;
            case ActivityStatus.Cancelled:
                activity.MoveTo(ActivityStatus.Cancelled, SetUpUtc);
                break;
        }
        return activity;
    }

    /// <summary>Sign-ups get ids when saved; the tests give them ids by hand.</summary>
    public static SignUp WithId(SignUp signUp, int id)
    {
        typeof(SignUp).GetProperty(nameof(SignUp.Id))!.SetValue(signUp, id);
        return signUp;
    }

    public static SignUp Request(Activity activity, int profileId, string whatWouldHelp = "A quiet room") =>
        WithId(activity.RequestPlace(profileId, true, whatWouldHelp, SetUpUtc), profileId);

    public static SignUp Invite(Activity activity, int profileId) => WithId(activity.Invite(profileId, true, SetUpUtc), profileId);

    /// <summary>
    /// A sign-up brought to a status the way people and organisers get it there, when the activity
    /// is set up (so the activity must be open, with a free place for a confirmed or offered one).
    /// </summary>
    public static SignUp InStatus(Activity activity, int profileId, SignUpStatus status)
    {
        if (status == SignUpStatus.Invited)
        {
            return Invite(activity, profileId);
        }
        var signUp = Request(activity, profileId);
        switch (status)
        {
            case SignUpStatus.Confirmed:
                activity.Confirm(signUp.Id, true, null, SetUpUtc);
                break;
            case SignUpStatus.WaitingList:
                activity.WaitList(signUp.Id, SetUpUtc);
                break;
            case SignUpStatus.Offered:
                activity.WaitList(signUp.Id, SetUpUtc);
                activity.OfferPlace(signUp.Id, true, SetUpUtc);
                break;
            case SignUpStatus.Declined:
                activity.Decline(signUp.Id, "Thank you. This one is for carers.", SetUpUtc);
                break;
            case SignUpStatus.Withdrawn:
                activity.Withdraw(signUp.Id, SetUpUtc);
                break;
        }
        Assert.Equal(status, signUp.Status);
        return signUp;
    }

    /// <summary>Everything readable about the activity and its sign-ups, to show that a refused change changed nothing.</summary>
    public static string Snapshot(Activity activity) =>
        Describe(activity, nameof(Activity.SignUps), nameof(Activity.LivedExperienceSought)) + "\n"
        + string.Join("\n", activity.SignUps.Select(s => Describe(s)));

    private static string Describe(object item, params string[] leaveOut) => string.Join("; ", item.GetType().GetProperties()
        .Where(p => !leaveOut.Contains(p.Name))
        .Select(p => FormattableString.Invariant($"{p.Name}={p.GetValue(item)}")));
}
