using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.Web.Domain.Activities;

public enum ActivityType
{
    Workshop, InterviewPanel, TenderEvaluationPanel, MethodStatementCoWriting, MarketEvent,
    AppreciativeEnquiryInterview, SurveyCoDesign, LearningWalk, MysteryShopper, Other,
}

public enum ActivityMode { InPerson, Online, Hybrid }

/// <summary>TLAP's ladder of co-production, from "doing to" up to "doing with".</summary>
public enum LadderRung { Coercion, Educating, Informing, Consultation, Engagement, CoDesign, CoProduction }

public enum ActivityStatus { Draft, Open, Closed, Completed, Cancelled }

/// <summary>
/// A piece of co-production people can sign up for. It owns its sign-ups, so that the rule
/// "never more confirmed than places" is checked in one place; every change to who has a place
/// also changes <see cref="ConfirmedCount"/>, so two organisers filling the last place at the
/// same moment collide on the activity's concurrency token instead of both succeeding.
/// </summary>
public sealed class Activity : IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    private readonly List<SignUp> _signUps = [];

    private Activity()
    {
    }

    public Activity(int projectId, string title, ActivityType type, string description, ActivitySchedule schedule, ActivityPlace place,
        int places, IEnumerable<LivedExperienceArea> livedExperienceSought, LadderRung rung, bool isPaid, string createdByUserId, DateTime nowUtc)
    {
        ProjectId = projectId;
        CreatedByUserId = createdByUserId;
        Status = ActivityStatus.Draft;
        CreatedUtc = nowUtc;
        Apply(title, type, description, schedule, place, places, livedExperienceSought, rung, isPaid, null, nowUtc);
    }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }

    /// <summary>The tier requirement this activity evidences, if any (a code such as R5).</summary>
    public string? RequirementCode { get; private set; }

    public string Title { get; private set; } = string.Empty;
    public ActivityType Type { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public DateOnly Date { get; private set; }

    /// <summary>Local (UK) times: an activity happens at a time on a wall clock.</summary>
    public TimeOnly StartTime { get; private set; }

    public TimeOnly EndTime { get; private set; }
    public DateOnly SignUpClosesOn { get; private set; }
    public ActivityMode Mode { get; private set; }
    public string? Venue { get; private set; }
    public string? AccessInformation { get; private set; }

    /// <summary>Shown only to people with a confirmed place.</summary>
    public string? JoiningInstructions { get; private set; }

    public int Places { get; private set; }
    public int ConfirmedCount { get; private set; }
    public IReadOnlySet<LivedExperienceArea> LivedExperienceSought { get; private set; } = new HashSet<LivedExperienceArea>();
    public LadderRung Rung { get; private set; }
    public bool IsPaid { get; private set; }
    public ActivityStatus Status { get; private set; }
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public Guid Version { get; set; }

    /// <summary>
    /// The calendar invite's SEQUENCE (RFC 5545): raised each time the date, time or place changes
    /// or the activity is cancelled, so that people's calendars replace the invite they have.
    /// </summary>
    public int InviteSequence { get; private set; }

    /// <summary>When the activity was recorded as evidence for its requirement, if it has been.</summary>
    public DateTime? EvidenceRecordedUtc { get; private set; }

    public IReadOnlyList<SignUp> SignUps => _signUps;

    public int FreePlaces => Places - ConfirmedCount;

    /// <summary>
    /// Changes the activity. Returns true when its date, time or place changed: the people with a
    /// place then need an updated invite, and <see cref="InviteSequence"/> has been raised for it.
    /// </summary>
    public bool Update(string title, ActivityType type, string description, ActivitySchedule schedule, ActivityPlace place, int places,
        IEnumerable<LivedExperienceArea> livedExperienceSought, LadderRung rung, bool isPaid, string? requirementCode, DateTime nowUtc)
    {
        var before = WhenAndWhere;
        Apply(title, type, description, schedule, place, places, livedExperienceSought, rung, isPaid, requirementCode, nowUtc);
        if (WhenAndWhere == before)
        {
            return false;
        }
        InviteSequence++;
        return true;
    }

    private (DateOnly, TimeOnly, TimeOnly, ActivityMode, string?, string?) WhenAndWhere => (Date, StartTime, EndTime, Mode, Venue, JoiningInstructions);

    private void Apply(string title, ActivityType type, string description, ActivitySchedule schedule, ActivityPlace place, int places,
        IEnumerable<LivedExperienceArea> livedExperienceSought, LadderRung rung, bool isPaid, string? requirementCode, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(places, 1);
        var taken = ConfirmedCount + OfferedCount;
        if (places < taken)
        {
            throw new ActivityRuleException($"{taken} places are taken or offered, so there must be at least {taken} places.");
        }
        if (schedule.EndTime <= schedule.StartTime)
        {
            throw new ArgumentException("An activity ends after it starts.", nameof(schedule));
        }
        if (schedule.SignUpClosesOn > schedule.Date)
        {
            throw new ArgumentException("Sign-up closes on or before the day of the activity.", nameof(schedule));
        }
        Title = title;
        Type = type;
        Description = description;
        (Date, StartTime, EndTime, SignUpClosesOn) = (schedule.Date, schedule.StartTime, schedule.EndTime, schedule.SignUpClosesOn);
        (Mode, Venue, AccessInformation, JoiningInstructions) = (place.Mode, place.Venue, place.AccessInformation, place.JoiningInstructions);
        Places = places;
        LivedExperienceSought = livedExperienceSought.ToHashSet();
        Rung = rung;
        IsPaid = isPaid;
        RequirementCode = string.IsNullOrWhiteSpace(requirementCode) ? null : requirementCode;
        UpdatedUtc = nowUtc;
    }

    public void LinkToRequirement(string? code, DateTime nowUtc)
    {
        RequirementCode = string.IsNullOrWhiteSpace(code) ? null : code;
        UpdatedUtc = nowUtc;
    }

    /// <summary>draft → open → closed → completed; anything not completed can be cancelled.</summary>
    public void MoveTo(ActivityStatus status, DateTime nowUtc)
    {
        var allowed = (Status, status) switch
        {
            (ActivityStatus.Draft, ActivityStatus.Open) => true,
            (ActivityStatus.Open, ActivityStatus.Closed) => true,
            (ActivityStatus.Closed, ActivityStatus.Open) => true,
            (ActivityStatus.Open or ActivityStatus.Closed, ActivityStatus.Completed) => true,
            (ActivityStatus.Draft or ActivityStatus.Open or ActivityStatus.Closed, ActivityStatus.Cancelled) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new ActivityRuleException($"An activity that is {Describe(Status)} cannot become {Describe(status)}.");
        }
        Status = status;
        if (status == ActivityStatus.Cancelled)
        {
            // The cancellation replaces the invite in people's calendars.
            InviteSequence++;
        }
        UpdatedUtc = nowUtc;
    }

    /// <summary>Open, and sign-up has not closed. The organiser still decides who gets a place.</summary>
    public bool AcceptsSignUps(DateOnly today) => Status == ActivityStatus.Open && today <= SignUpClosesOn;

    public SignUp RequestPlace(int expertProfileId, string whatWouldHelp, DateOnly today, DateTime nowUtc)
    {
        if (!AcceptsSignUps(today))
        {
            throw new ActivityRuleException("This activity is not taking sign-ups now.");
        }
        var existing = _signUps.FirstOrDefault(s => s.ExpertProfileId == expertProfileId);
        if (existing is not null && existing.Status is not (SignUpStatus.Withdrawn or SignUpStatus.Declined))
        {
            throw new ActivityRuleException("You have already signed up for this activity.");
        }
        Touch(nowUtc);
        if (existing is not null)
        {
            existing.Renew(whatWouldHelp, nowUtc);
            return existing;
        }
        var signUp = new SignUp(expertProfileId, whatWouldHelp, nowUtc);
        _signUps.Add(signUp);
        return signUp;
    }

    /// <summary>Gives a place. Refused when every place is taken: never over-filled.</summary>
    public void Confirm(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status is not (SignUpStatus.Requested or SignUpStatus.WaitingList or SignUpStatus.Offered))
        {
            throw new ActivityRuleException("Only someone who has asked for a place can be given one.");
        }
        TakePlace(forOfferedPerson: signUp.Status == SignUpStatus.Offered);
        signUp.SetStatus(SignUpStatus.Confirmed, nowUtc);
        Touch(nowUtc);
    }

    public void WaitList(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status is not (SignUpStatus.Requested or SignUpStatus.Offered))
        {
            throw new ActivityRuleException("Only someone waiting for an answer can be put on the waiting list.");
        }
        signUp.SetStatus(SignUpStatus.WaitingList, nowUtc);
        Touch(nowUtc);
    }

    public void Decline(int signUpId, string message, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var signUp = Find(signUpId);
        if (signUp.Status is not (SignUpStatus.Requested or SignUpStatus.WaitingList or SignUpStatus.Offered))
        {
            throw new ActivityRuleException("Only someone waiting for an answer can be told no.");
        }
        signUp.Decline(message, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>The person withdraws. A confirmed place becomes free for someone on the waiting list.</summary>
    public void Withdraw(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status is SignUpStatus.Withdrawn or SignUpStatus.Declined)
        {
            return;
        }
        if (signUp.Status == SignUpStatus.Confirmed)
        {
            ConfirmedCount--;
        }
        signUp.SetStatus(SignUpStatus.Withdrawn, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>Offers a free place to someone on the waiting list. They accept it themselves.</summary>
    public void OfferPlace(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status != SignUpStatus.WaitingList)
        {
            throw new ActivityRuleException("Places are offered to people on the waiting list.");
        }
        if (FreePlaces <= OfferedCount)
        {
            throw new ActivityRuleException("There is no free place to offer.");
        }
        signUp.SetStatus(SignUpStatus.Offered, nowUtc);
        Touch(nowUtc);
    }

    public void AcceptOffer(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status != SignUpStatus.Offered)
        {
            throw new ActivityRuleException("There is no place offered to you on this activity.");
        }
        TakePlace(forOfferedPerson: true);
        signUp.SetStatus(SignUpStatus.Confirmed, nowUtc);
        Touch(nowUtc);
    }

    public void RecordAttendance(int signUpId, Attendance attendance, decimal? hours, SessionNotes notes, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status != SignUpStatus.Confirmed)
        {
            throw new ActivityRuleException("Attendance is recorded for people with a place.");
        }
        // Hours are kept only for someone who attended, so only then must they make sense.
        if (attendance == Attendance.Attended && hours is < 0 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(hours));
        }
        signUp.RecordAttendance(attendance, attendance == Attendance.Attended ? hours : null, notes, nowUtc);
        Touch(nowUtc);
    }

    public int OfferedCount => _signUps.Count(s => s.Status == SignUpStatus.Offered);

    /// <summary>Who has a place, by the lived experience they bring: the organiser balances these.</summary>
    public IReadOnlyDictionary<LivedExperienceArea, int> Balance(IReadOnlyDictionary<int, IReadOnlySet<LivedExperienceArea>> experienceByProfile) =>
        _signUps.Where(s => s.Status == SignUpStatus.Confirmed)
            .SelectMany(s => experienceByProfile.GetValueOrDefault(s.ExpertProfileId) ?? new HashSet<LivedExperienceArea>())
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());

    public static string Describe(ActivityStatus status) => status switch
    {
        ActivityStatus.Draft => "a draft",
        ActivityStatus.Open => "open",
        ActivityStatus.Closed => "closed",
        ActivityStatus.Completed => "completed",
        _ => "cancelled",
    };

    /// <summary>A place offered to someone is held for them until they accept or it is taken back.</summary>
    private void TakePlace(bool forOfferedPerson)
    {
        var held = forOfferedPerson ? OfferedCount - 1 : OfferedCount;
        if (ConfirmedCount + held >= Places)
        {
            throw new ActivityRuleException(held > 0 && ConfirmedCount < Places
                ? "The free place is being held for someone it was offered to."
                : "Every place is taken. Put them on the waiting list instead.");
        }
        ConfirmedCount++;
    }

    /// <summary>
    /// Every change to a sign-up also changes the activity, so that two changes made at the same
    /// moment collide on the activity's concurrency token instead of both being saved.
    /// </summary>
    private void Touch(DateTime nowUtc) => UpdatedUtc = nowUtc;

    /// <summary>A person deleting their information: a live sign-up is withdrawn and every free text about them removed.</summary>
    public void RemovePerson(int expertProfileId, DateTime nowUtc)
    {
        foreach (var signUp in _signUps.Where(s => s.ExpertProfileId == expertProfileId))
        {
            if (signUp.Status is not (SignUpStatus.Withdrawn or SignUpStatus.Declined) && Status is not (ActivityStatus.Completed or ActivityStatus.Cancelled))
            {
                Withdraw(signUp.Id, nowUtc);
            }
            signUp.ErasePersonalText(nowUtc);
        }
        Touch(nowUtc);
    }

    /// <summary>Evidence is recorded from an activity once.</summary>
    public void MarkEvidenceRecorded(DateTime nowUtc)
    {
        if (EvidenceRecordedUtc is not null)
        {
            throw new ActivityRuleException("This activity has already been recorded as evidence.");
        }
        EvidenceRecordedUtc = nowUtc;
        Touch(nowUtc);
    }

    private SignUp Find(int signUpId) =>
        _signUps.FirstOrDefault(s => s.Id == signUpId) ?? throw new ActivityRuleException("That sign-up is not for this activity.");
}

public sealed record ActivitySchedule(DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, DateOnly SignUpClosesOn);

public sealed record ActivityPlace(ActivityMode Mode, string? Venue, string? AccessInformation, string? JoiningInstructions);

/// <summary>Something the rules of activities do not allow, in words a person can act on.</summary>
public sealed class ActivityRuleException(string message) : InvalidOperationException(message);
