using System.Reflection;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.UnitTests.Activities;

public sealed class ActivityTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    /// <summary>10am on the day of the activity (in winter, so UK time is UTC), while it is on.</summary>
    private static readonly DateTime OnTheDay = Now.AddDays(10);

    private static readonly SessionNotes NoNotes = new(null, null, null);

    private static Activity OpenActivity(int places)
    {
        var activity = new Activity(1, "Workshop", ActivityType.Workshop, "About short breaks",
            new ActivitySchedule(Today.AddDays(10), new TimeOnly(10, 0), new TimeOnly(12, 0), Today.AddDays(5)),
            new ActivityPlace(ActivityMode.InPerson, "Brackenfield Library", "Step-free, hearing loop", null),
            places, [LivedExperienceArea.Carer], LadderRung.CoProduction, true, "organiser", Now);
        activity.MoveTo(ActivityStatus.Open, Now);
        return activity;
    }

    private static SignUp Request(Activity activity, int profileId) => WithId(activity.RequestPlace(profileId, true, "A quiet room", Now), profileId);

    /// <summary>Sign-ups get ids when saved; tests give them ids by hand.</summary>
    private static SignUp WithId(SignUp signUp, int id)
    {
        typeof(SignUp).GetProperty(nameof(SignUp.Id))!.SetValue(signUp, id);
        return signUp;
    }

    [Fact]
    public void Confirm_UpToPlaces_ThenRefuses()
    {
        var activity = OpenActivity(places: 2);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        var c = Request(activity, 3);

        activity.Confirm(a.Id, true, null, Now);
        activity.Confirm(b.Id, true, null, Now);
        var refused = Assert.Throws<ActivityRuleException>(() => activity.Confirm(c.Id, true, null, Now));

        Assert.Equal("Every place is taken. Put them on the waiting list instead.", refused.Message);
        Assert.Equal(2, activity.ConfirmedCount);
        Assert.Equal(SignUpStatus.Requested, c.Status);
    }

    [Fact]
    public void Withdraw_FreesThePlace_ForAnOfferTheyAccept()
    {
        var activity = OpenActivity(places: 1);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        activity.Confirm(a.Id, true, null, Now);
        activity.WaitList(b.Id, Now);

        Assert.Throws<ActivityRuleException>(() => activity.OfferPlace(b.Id, true, Now)); // no free place yet
        activity.Withdraw(a.Id, Now);
        activity.OfferPlace(b.Id, true, Now);

        Assert.Equal(SignUpStatus.Offered, b.Status);
        Assert.Equal(0, activity.ConfirmedCount); // an offer is not a booking
        activity.AcceptOffer(b.Id, true, null, Now);
        Assert.Equal((SignUpStatus.Confirmed, 1), (b.Status, activity.ConfirmedCount));
    }

    [Fact]
    public void OfferPlace_OneFreePlace_OnlyOneOfferAtATime()
    {
        var activity = OpenActivity(places: 1);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        activity.WaitList(a.Id, Now);
        activity.WaitList(b.Id, Now);

        activity.OfferPlace(a.Id, true, Now);

        Assert.Throws<ActivityRuleException>(() => activity.OfferPlace(b.Id, true, Now));
    }

    [Fact]
    public void Decline_NeedsAKindMessage_AndTheyMayAskAgain()
    {
        var activity = OpenActivity(places: 1);
        var a = Request(activity, 1);

        Assert.Throws<ArgumentException>(() => activity.Decline(a.Id, " ", Now));
        activity.Decline(a.Id, "Thank you for offering. This group is for carers; we will tell you about the next one.", Now);

        Assert.Equal(SignUpStatus.Declined, a.Status);
        var again = activity.RequestPlace(1, true, "", Now);
        Assert.Same(a, again);
        Assert.Equal(SignUpStatus.Requested, again.Status);
    }

    [Fact]
    public void RequestPlace_Twice_IsRefused()
    {
        var activity = OpenActivity(places: 3);
        Request(activity, 1);

        Assert.Throws<ActivityRuleException>(() => activity.RequestPlace(1, true, "", Now));
    }

    [Theory]
    [InlineData(ActivityStatus.Draft, 0, false)]
    [InlineData(ActivityStatus.Open, 0, true)]
    [InlineData(ActivityStatus.Open, 5, true)]
    [InlineData(ActivityStatus.Open, 6, false)]
    [InlineData(ActivityStatus.Closed, 0, false)]
    public void AcceptsSignUps_OpenUntilTheClosingDate(ActivityStatus status, int daysFromNow, bool expected)
    {
        var activity = OpenActivity(places: 3);
        if (status == ActivityStatus.Closed)
        {
            activity.MoveTo(ActivityStatus.Closed, Now);
        }
        else if (status == ActivityStatus.Draft)
        {
            activity = new Activity(1, "Draft", ActivityType.Workshop, "", new ActivitySchedule(Today.AddDays(10), new TimeOnly(10, 0), new TimeOnly(11, 0), Today.AddDays(5)),
                new ActivityPlace(ActivityMode.Online, null, null, "Link"), 3, [], LadderRung.CoDesign, false, "organiser", Now);
        }

        Assert.Equal(expected, activity.AcceptsSignUps(Now.AddDays(daysFromNow)));
    }

    [Theory]
    [InlineData(ActivityStatus.Draft, ActivityStatus.Open, true)]
    [InlineData(ActivityStatus.Draft, ActivityStatus.Completed, false)]
    [InlineData(ActivityStatus.Open, ActivityStatus.Closed, true)]
    [InlineData(ActivityStatus.Closed, ActivityStatus.Open, true)]
    [InlineData(ActivityStatus.Closed, ActivityStatus.Completed, true)]
    [InlineData(ActivityStatus.Completed, ActivityStatus.Cancelled, false)]
    [InlineData(ActivityStatus.Cancelled, ActivityStatus.Open, false)]
    public void MoveTo_Lifecycle(ActivityStatus from, ActivityStatus to, bool allowed)
    {
        var activity = OpenActivity(places: 1);
        var status = typeof(Activity).GetProperty(nameof(Activity.Status))!;
        status.SetValue(activity, from);

        var error = Record.Exception(() => activity.MoveTo(to, OnTheDay));

        Assert.Equal(allowed, error is null);
        Assert.Equal(allowed ? to : from, activity.Status);
    }

    [Fact]
    public void RecordAttendance_OnlyForPlaces_TimeOnlyWhenAttended()
    {
        var activity = OpenActivity(places: 2);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        activity.Confirm(a.Id, true, null, Now);
        activity.Confirm(b.Id, true, null, Now);

        Assert.Throws<ActivityRuleException>(() => activity.RecordAttendance(99, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", OnTheDay));
        activity.RecordAttendance(a.Id, Attendance.Attended, new TimeGiven(150), new("Sent easy read agenda", "Fine", "Wants to come again"), "organiser", OnTheDay);
        activity.RecordAttendance(b.Id, Attendance.DidNotAttend, new TimeGiven(150), NoNotes, "organiser", OnTheDay);

        Assert.Equal((Attendance.Attended, new TimeGiven(150), "Wants to come again"), (a.Attendance, a.TimeGiven, a.DebriefNotes));
        Assert.Equal((Attendance.DidNotAttend, (TimeGiven?)null), (b.Attendance, b.TimeGiven));
    }

    [Fact]
    public void RecordAttendance_TimeOutOfRange_IsRefused_AndNoTimeIsKeptForSomeoneWhoDidNotAttend()
    {
        var activity = OpenActivity(places: 2);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        activity.Confirm(a.Id, true, null, Now);
        activity.Confirm(b.Id, true, null, Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => activity.RecordAttendance(a.Id, Attendance.Attended, new TimeGiven(25 * 60), NoNotes, "organiser", OnTheDay));
        activity.RecordAttendance(b.Id, Attendance.DidNotAttend, new TimeGiven(150), NoNotes, "organiser", OnTheDay);

        Assert.Equal((Attendance.NotRecorded, (TimeGiven?)null), (a.Attendance, a.TimeGiven));
        Assert.Equal((Attendance.DidNotAttend, (TimeGiven?)null), (b.Attendance, b.TimeGiven));
    }

    [Fact]
    public void Update_FewerPlacesThanConfirmed_IsRefused()
    {
        var activity = OpenActivity(places: 2);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        activity.Confirm(a.Id, true, null, Now);
        activity.Confirm(b.Id, true, null, Now);

        Assert.Throws<ActivityRuleException>(() => activity.Update("Workshop", ActivityType.Workshop, "", new ActivitySchedule(Today.AddDays(10), new TimeOnly(10, 0), new TimeOnly(12, 0), Today.AddDays(5)),
            new ActivityPlace(ActivityMode.InPerson, "Library", null, null), 1, [], LadderRung.CoProduction, true, null, Now));
    }

    [Fact]
    public void Balance_CountsLivedExperienceOfThoseConfirmed()
    {
        var activity = OpenActivity(places: 3);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        Request(activity, 3);
        activity.Confirm(a.Id, true, null, Now);
        activity.Confirm(b.Id, true, null, Now);
        var experience = new Dictionary<int, IReadOnlySet<LivedExperienceArea>>
        {
            [1] = new HashSet<LivedExperienceArea> { LivedExperienceArea.Carer, LivedExperienceArea.Autism },
            [2] = new HashSet<LivedExperienceArea> { LivedExperienceArea.Carer },
            [3] = new HashSet<LivedExperienceArea> { LivedExperienceArea.MentalHealth },
        };

        var balance = activity.Balance(experience);

        Assert.Equal(2, balance[LivedExperienceArea.Carer]);
        Assert.Equal(1, balance[LivedExperienceArea.Autism]);
        Assert.False(balance.ContainsKey(LivedExperienceArea.MentalHealth));
    }

    public static TheoryData<string, string> BalanceCases => new()
    {
        // Sets of areas with how many people have each set, as the database counts them; then the balance.
        { "", "" },
        { "Carer:0", "" },
        { "Carer:3", "Carer 3" },
        { "Carer+Autism:2", "Autism 2, Carer 2" },
        { "Carer+Autism:2; Carer:1; MentalHealth:4", "Autism 2, Carer 3, MentalHealth 4" },
        { ":5; Carer:1", "Carer 1" },
    };

    [Theory]
    [MemberData(nameof(BalanceCases))]
    public void Balance_FromPeopleCountedBySetOfAreas(string counted, string balance)
    {
        var sets = counted.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split(':')).Select(c =>
            ((IReadOnlySet<LivedExperienceArea>)c[0].Split('+', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<LivedExperienceArea>).ToHashSet(),
                int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture)));

        var result = Activity.Balance(sets);

        Assert.Equal(balance, string.Join(", ", result.Where(b => b.Value > 0).OrderBy(b => b.Key.ToString(), StringComparer.Ordinal).Select(b => $"{b.Key} {b.Value}")));
    }

    [Fact]
    public void OfferedPlace_IsHeldForThatPerson()
    {
        var activity = OpenActivity(places: 1);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        activity.WaitList(a.Id, Now);
        activity.OfferPlace(a.Id, true, Now);

        var refused = Assert.Throws<ActivityRuleException>(() => activity.Confirm(b.Id, true, null, Now));
        Assert.Equal("The free place is being held for someone it was offered to.", refused.Message);

        activity.AcceptOffer(a.Id, true, null, Now);
        Assert.Equal(1, activity.ConfirmedCount);
    }

    [Fact]
    public void Update_FewerPlacesThanTakenAndOffered_IsRefused()
    {
        var activity = OpenActivity(places: 2);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        activity.Confirm(a.Id, true, null, Now);
        activity.WaitList(b.Id, Now);
        activity.OfferPlace(b.Id, true, Now);

        var refused = Assert.Throws<ActivityRuleException>(() => activity.Update("Workshop", ActivityType.Workshop, "", new ActivitySchedule(Today.AddDays(10), new TimeOnly(10, 0), new TimeOnly(12, 0), Today.AddDays(5)),
            new ActivityPlace(ActivityMode.InPerson, "Library", null, null), 1, [], LadderRung.CoProduction, true, null, Now));

        Assert.Equal("2 places are taken or offered, so there must be at least 2 places.", refused.Message);
    }

    [Fact]
    public void EverySignUpChange_AlsoChangesTheActivity()
    {
        // So that two changes at once collide on the activity's concurrency token.
        var activity = OpenActivity(places: 2);
        var a = Request(activity, 1);
        var b = Request(activity, 2);
        var stamps = new List<DateTime>();
        void Step(Action<DateTime> change, DateTime at)
        {
            change(at);
            stamps.Add(activity.UpdatedUtc);
            Assert.Equal(at, activity.UpdatedUtc);
        }

        Step(at => activity.WaitList(a.Id, at), Now.AddMinutes(1));
        Step(at => activity.OfferPlace(a.Id, true, at), Now.AddMinutes(2));
        Step(at => activity.AcceptOffer(a.Id, true, null, at), Now.AddMinutes(3));
        Step(at => activity.Withdraw(a.Id, at), Now.AddMinutes(4));
        Step(at => activity.Decline(b.Id, "This one is for carers.", at), Now.AddMinutes(5));
        Step(at => WithId(activity.Invite(3, true, at), 3), Now.AddMinutes(6));
        Step(at => activity.AcceptInvitation(3, true, "Step-free access", at), Now.AddMinutes(7));
        Step(at => WithId(activity.Invite(4, true, at), 4), Now.AddMinutes(8));
        Step(at => activity.DeclineInvitation(4, at), Now.AddMinutes(9));
        Step(at => activity.Confirm(3, true, null, at), Now.AddMinutes(10));
        Step(at => activity.MarkReminderSent(3, at), Now.AddMinutes(11));
        Step(at => activity.RecordAttendance(3, Attendance.Attended, new TimeGiven(60), NoNotes, "organiser", at), OnTheDay);
        Step(at => activity.ErasePersonalTextOf(3, at), OnTheDay.AddMinutes(1));
        Step(at => activity.RemovePerson(2, at), OnTheDay.AddMinutes(2));

        Assert.Equal(14, stamps.Distinct().Count());
    }

    [Fact]
    public void RemovePerson_WithdrawsLivePlacesAndClearsTheirWords()
    {
        var activity = OpenActivity(places: 2);
        var a = Request(activity, 1);
        activity.Confirm(a.Id, true, null, Now);

        activity.RemovePerson(1, Now);

        Assert.Equal((SignUpStatus.Withdrawn, string.Empty, 0), (a.Status, a.WhatWouldHelp, activity.ConfirmedCount));
    }

    [Theory]
    [InlineData(SignUpStatus.Declined, SignUpStatus.Declined)]
    [InlineData(SignUpStatus.Confirmed, SignUpStatus.Confirmed)] // the activity is over: what happened stays
    public void RemovePerson_AfterTheActivity_ClearsEveryFreeTextAndKeepsWhatHappened(SignUpStatus before, SignUpStatus after)
    {
        var activity = OpenActivity(places: 2);
        var mine = Request(activity, 1);
        var someoneElse = Request(activity, 2);
        if (before == SignUpStatus.Declined)
        {
            activity.Decline(mine.Id, "This one is for carers. Your anxiety support is noted.", Now);
        }
        else
        {
            activity.Confirm(mine.Id, true, null, Now);
            activity.MoveTo(ActivityStatus.Completed, OnTheDay);
            activity.RecordAttendance(mine.Id, Attendance.Attended, new TimeGiven(150), new("Sent easy read agenda", "Needed a break at 11", "Found it tiring"), "organiser", OnTheDay);
        }

        activity.RemovePerson(1, OnTheDay.AddDays(1));

        Assert.Equal(after, mine.Status);
        Assert.Equal(string.Empty, mine.WhatWouldHelp);
        Assert.All([mine.DeclineMessage, mine.PreparationNotes, mine.CheckInNotes, mine.DebriefNotes], Assert.Null);
        Assert.Equal(OnTheDay.AddDays(1), mine.UpdatedUtc);
        Assert.Equal(before == SignUpStatus.Confirmed ? (Attendance.Attended, new TimeGiven(150)) : (Attendance.NotRecorded, (TimeGiven?)null), (mine.Attendance, mine.TimeGiven));
        Assert.Equal("A quiet room", someoneElse.WhatWouldHelp);
    }

    [Fact]
    public void MarkEvidenceRecorded_OnlyOnce()
    {
        var activity = OpenActivity(places: 1);
        var a = Request(activity, 1);
        activity.Confirm(a.Id, true, null, Now);
        activity.LinkToRequirement("R5", Now);
        activity.MoveTo(ActivityStatus.Completed, OnTheDay);
        activity.RecordAttendance(a.Id, Attendance.Attended, new TimeGiven(120), NoNotes, "organiser", OnTheDay);

        activity.MarkEvidenceRecorded(OnTheDay);

        Assert.Throws<ActivityRuleException>(() => activity.MarkEvidenceRecorded(OnTheDay.AddMinutes(1)));
        Assert.Equal(OnTheDay, activity.EvidenceRecordedUtc);
    }

    [Fact]
    public void Reminder_OncePerDate_AndAgainWhenTheDateChanges()
    {
        var activity = OpenActivity(places: 1);
        var signUp = Request(activity, 1);
        Assert.False(signUp.NeedsReminderFor(activity.Date)); // no place yet
        activity.Confirm(signUp.Id, true, null, Now);

        activity.MarkReminderSent(signUp.Id, Now);

        Assert.False(signUp.NeedsReminderFor(activity.Date));
        Assert.Throws<ActivityRuleException>(() => activity.MarkReminderSent(signUp.Id, Now));
        var weekLater = Today.AddDays(17);
        activity.Update("Workshop", ActivityType.Workshop, "About short breaks", new ActivitySchedule(weekLater, new TimeOnly(10, 0), new TimeOnly(12, 0), Today.AddDays(5)),
            new ActivityPlace(ActivityMode.InPerson, "Brackenfield Library", "Step-free, hearing loop", null), 1, [], LadderRung.CoProduction, true, null, Now);
        Assert.True(signUp.NeedsReminderFor(weekLater));
        activity.MarkReminderSent(signUp.Id, Now.AddDays(7));
        Assert.Equal((weekLater, Now.AddDays(7)), (signUp.ReminderForDate, signUp.ReminderSentUtc));
    }
}
