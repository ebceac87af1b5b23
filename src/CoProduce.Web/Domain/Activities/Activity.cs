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

    /// <summary>
    /// The rate card item the activity pays by, or null for an unpaid activity (expenses are
    /// still repaid). A person's fee is fixed from it when their place is confirmed.
    /// </summary>
    public int? RateItemId { get; private set; }

    /// <summary>The tier requirement this activity evidences, if any (a code such as R5).</summary>
    public string? RequirementCode { get; private set; }

    public string Title { get; private set; } = string.Empty;
    public ActivityType Type { get; private set; }
    public string Description { get; private set; } = string.Empty;

    /// <summary>
    /// What the activity is about in easy read, written by the organiser: short sentences,
    /// everyday words. It opens the easy-read invitation and the public programme; null until written.
    /// </summary>
    public string? EasyReadSummary { get; private set; }
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

    /// <summary>Which of the 7 Keys to Citizenship the activity is about (any number of them).</summary>
    public Feedback.SevenKeys Keys { get; private set; }
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

    /// <summary>Tags the activity with the 7 Keys it is about; anything that is not a key is left out.</summary>
    public void TagWithKeys(Feedback.SevenKeys keys, DateTime nowUtc)
    {
        Keys = keys & Feedback.SevenKeysInfo.Every;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// Changes the activity. Returns true when its date, time or place changed: the people with a
    /// place then need an updated invite, and <see cref="InviteSequence"/> has been raised for it.
    /// </summary>
    public bool Update(string title, ActivityType type, string description, ActivitySchedule schedule, ActivityPlace place, int places,
        IEnumerable<LivedExperienceArea> livedExperienceSought, LadderRung rung, bool isPaid, string? requirementCode, DateTime nowUtc)
    {
        if (!CanChange)
        {
            // What happened (and the evidence and payments that stand on it) is not rewritten, and
            // a cancelled activity's people are not sent a new invite for it.
            throw new ActivityRuleException($"An activity that is {Describe(Status)} cannot be changed.");
        }
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

    /// <summary>
    /// Names the rate card item the activity pays by, or none (an unpaid activity, where expenses
    /// are still repaid). An activity is paid exactly when it has a rate item.
    /// </summary>
    public void PayBy(int? rateItemId, DateTime nowUtc)
    {
        if (rateItemId is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rateItemId), rateItemId, "A rate item id is 1 or more.");
        }
        RateItemId = rateItemId;
        IsPaid = rateItemId is not null;
        UpdatedUtc = nowUtc;
    }

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

    /// <summary>Sets (or, with an empty text, clears) the easy-read summary. The plain-English checker advises on it; it never refuses.</summary>
    public void DescribeInEasyRead(string? summary, DateTime nowUtc)
    {
        var text = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        if (text?.Length > TextMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(summary), $"An easy-read summary is at most {TextMaxLength} characters.");
        }
        EasyReadSummary = text;
        UpdatedUtc = nowUtc;
    }

    public void LinkToRequirement(string? code, DateTime nowUtc)
    {
        RequirementCode = string.IsNullOrWhiteSpace(code) ? null : code;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Its details can be changed until it is completed or cancelled.</summary>
    public bool CanChange => Status is not (ActivityStatus.Completed or ActivityStatus.Cancelled);

    /// <summary>Whether anyone's attendance has been recorded: then it happened, and cannot be cancelled.</summary>
    public bool HasAttendance => _signUps.Any(s => s.Attendance != Attendance.NotRecorded);

    /// <summary>The UK date at a moment: "today" changes at midnight in the UK, not in Greenwich.</summary>
    private static DateOnly UkDate(DateTime nowUtc) => DateOnly.FromDateTime(UkTime.ToUk(nowUtc));

    /// <summary>The day of the activity has come (UK time): attendance can be recorded and it can be completed.</summary>
    public bool HasReachedItsDay(DateTime nowUtc) => UkDate(nowUtc) >= Date;

    /// <summary>
    /// Completed or cancelled, or its end time (UK wall clock) has passed: nobody can take up,
    /// give up or be offered a place any more.
    /// </summary>
    public bool IsOver(DateTime nowUtc) =>
        Status is ActivityStatus.Completed or ActivityStatus.Cancelled || nowUtc >= UkTime.ToUtc(Date, EndTime);

    /// <summary>
    /// The status moves open to the organiser now: draft → open ⇄ closed → completed, and anything
    /// not completed can be cancelled. It opens (or re-opens) only before its day has passed, and
    /// is completed only on or after its day (UK time).
    /// </summary>
    public IReadOnlyList<ActivityStatus> AllowedMoves(DateTime nowUtc) => AllowedMoves(nowUtc, HasAttendance);

    /// <summary>
    /// <see cref="AllowedMoves(DateTime)"/> for an activity read without its sign-ups: whether
    /// anyone's attendance is recorded is counted by the database and given here.
    /// </summary>
    public IReadOnlyList<ActivityStatus> AllowedMoves(DateTime nowUtc, bool hasAttendance)
    {
        var today = UkDate(nowUtc);
        var moves = new List<ActivityStatus>();
        if (Status is ActivityStatus.Draft or ActivityStatus.Closed && !IsOver(nowUtc))
        {
            moves.Add(ActivityStatus.Open);
        }
        if (Status == ActivityStatus.Open)
        {
            moves.Add(ActivityStatus.Closed);
        }
        if (Status is ActivityStatus.Open or ActivityStatus.Closed && today >= Date)
        {
            moves.Add(ActivityStatus.Completed);
        }
        if (Status is ActivityStatus.Draft or ActivityStatus.Open or ActivityStatus.Closed && !hasAttendance)
        {
            moves.Add(ActivityStatus.Cancelled);
        }
        return moves;
    }

    public void MoveTo(ActivityStatus status, DateTime nowUtc)
    {
        if (!AllowedMoves(nowUtc).Contains(status))
        {
            throw new ActivityRuleException(status == ActivityStatus.Completed && Status is ActivityStatus.Open or ActivityStatus.Closed
                ? $"An activity can be completed on or after its day, {Date:d MMMM yyyy}."
                : status == ActivityStatus.Open && Status is ActivityStatus.Draft or ActivityStatus.Closed
                    ? "An activity that is over cannot be opened for sign-up."
                : status == ActivityStatus.Cancelled && HasAttendance
                    ? "Attendance has been recorded, so the activity happened and cannot be cancelled. Mark it as completed."
                    : $"An activity that is {Describe(Status)} cannot become {Describe(status)}.");
        }
        Status = status;
        if (status == ActivityStatus.Cancelled)
        {
            // The cancellation replaces the invite in people's calendars.
            InviteSequence++;
        }
        Touch(nowUtc);
    }

    /// <summary>
    /// Open, sign-up has not closed (UK date) and the activity is not over (sign-up can close on its
    /// day). The organiser still decides who gets a place.
    /// </summary>
    public bool AcceptsSignUps(DateTime nowUtc) => Status == ActivityStatus.Open && UkDate(nowUtc) <= SignUpClosesOn && !IsOver(nowUtc);

    /// <summary>The person asks for a place. They must have given consent to be on the roster.</summary>
    public SignUp RequestPlace(int expertProfileId, bool personHasConsent, string whatWouldHelp, DateTime nowUtc)
    {
        RequireConsent(personHasConsent, "ask for a place");
        if (!AcceptsSignUps(nowUtc))
        {
            throw new ActivityRuleException("This activity is not taking sign-ups now.");
        }
        var existing = _signUps.FirstOrDefault(s => s.ExpertProfileId == expertProfileId);
        if (existing is { Status: SignUpStatus.Invited })
        {
            throw new ActivityRuleException("You have been invited to this activity. Accept the invitation instead.");
        }
        if (existing is not null && existing.IsLive)
        {
            throw new ActivityRuleException("You have already signed up for this activity.");
        }
        Touch(nowUtc);
        if (existing is not null)
        {
            existing.Renew(SignUpStatus.Requested, whatWouldHelp, nowUtc);
            return existing;
        }
        var signUp = new SignUp(expertProfileId, SignUpStatus.Requested, whatWouldHelp, nowUtc);
        _signUps.Add(signUp);
        return signUp;
    }

    /// <summary>
    /// The organiser invites someone from the roster. They accept (and then wait for a place like
    /// anyone who asked) or decline from their involvement page. An invitation holds no place.
    /// </summary>
    public SignUp Invite(int expertProfileId, bool personHasConsent, DateTime nowUtc)
    {
        RequireConsent(personHasConsent, "be invited");
        if (!CanInvite(nowUtc))
        {
            throw new ActivityRuleException("People can be invited to an open or closed activity that has not happened yet.");
        }
        var existing = _signUps.FirstOrDefault(s => s.ExpertProfileId == expertProfileId);
        if (existing is not null && existing.IsLive)
        {
            throw new ActivityRuleException(existing.Status == SignUpStatus.Invited
                ? "This person has already been invited."
                : "This person has already signed up for this activity.");
        }
        Touch(nowUtc);
        if (existing is not null)
        {
            existing.Renew(SignUpStatus.Invited, string.Empty, nowUtc);
            return existing;
        }
        var signUp = new SignUp(expertProfileId, SignUpStatus.Invited, string.Empty, nowUtc);
        _signUps.Add(signUp);
        return signUp;
    }

    /// <summary>People can be invited to an open or closed activity that is not over.</summary>
    public bool CanInvite(DateTime nowUtc) => Status is ActivityStatus.Open or ActivityStatus.Closed && !IsOver(nowUtc);

    /// <summary>Whether an invitation to this activity can still be answered.</summary>
    public bool CanAnswerInvitation(SignUp signUp, DateTime nowUtc) => signUp.Status == SignUpStatus.Invited && !IsOver(nowUtc);

    /// <summary>The invited person says yes: they now wait for the organiser to confirm a place.</summary>
    public void AcceptInvitation(int signUpId, bool personHasConsent, string whatWouldHelp, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        RequireConsent(personHasConsent, "accept an invitation");
        if (signUp.Status != SignUpStatus.Invited)
        {
            throw new ActivityRuleException("There is no invitation to answer on this activity.");
        }
        RequireNotOver(nowUtc, "An invitation cannot be accepted once the activity is over.");
        signUp.Renew(SignUpStatus.Requested, whatWouldHelp, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>The invited person says no, thank you.</summary>
    public void DeclineInvitation(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status != SignUpStatus.Invited)
        {
            throw new ActivityRuleException("There is no invitation to answer on this activity.");
        }
        signUp.SetStatus(SignUpStatus.Withdrawn, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>
    /// Gives a place. Refused when every place is taken (never over-filled) or the person has
    /// withdrawn consent. The person's fee is fixed now, from the activity's rate item (none for an
    /// unpaid activity), so a later change to the rate card never changes what they were promised.
    /// </summary>
    public void Confirm(int signUpId, bool personHasConsent, Payments.FixedFee? fee, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status is not (SignUpStatus.Requested or SignUpStatus.WaitingList or SignUpStatus.Offered))
        {
            throw new ActivityRuleException("Only someone who has asked for a place can be given one.");
        }
        RequireConsent(personHasConsent, "be given a place");
        RequireNotOver(nowUtc, "Places cannot be given once the activity is over.");
        RequireFeeOfThisActivity(fee);
        TakePlace(forOfferedPerson: signUp.Status == SignUpStatus.Offered);
        signUp.SetStatus(SignUpStatus.Confirmed, nowUtc);
        signUp.FixFee(fee, nowUtc);
        Touch(nowUtc);
    }

    public void WaitList(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status is not (SignUpStatus.Requested or SignUpStatus.Offered))
        {
            throw new ActivityRuleException("Only someone waiting for an answer can be put on the waiting list.");
        }
        RequireNotOver(nowUtc, "The waiting list closes when the activity is over.");
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

    /// <summary>Whether the person can still give up their sign-up: not once attendance is recorded or the activity is over.</summary>
    public bool CanWithdraw(SignUp signUp, DateTime nowUtc) =>
        signUp.IsLive && signUp.Attendance == Attendance.NotRecorded && !IsOver(nowUtc);

    /// <summary>The person withdraws. A confirmed place becomes free for someone on the waiting list.</summary>
    public void Withdraw(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (!signUp.IsLive)
        {
            return;
        }
        if (!CanWithdraw(signUp, nowUtc))
        {
            throw new ActivityRuleException(signUp.Attendance != Attendance.NotRecorded
                ? "Attendance has been recorded, so this place cannot be given up."
                : "The activity is over, so this place cannot be given up.");
        }
        if (signUp.Status == SignUpStatus.Confirmed)
        {
            ConfirmedCount--;
        }
        signUp.SetStatus(SignUpStatus.Withdrawn, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>Offers a free place to someone on the waiting list. They accept it themselves.</summary>
    public void OfferPlace(int signUpId, bool personHasConsent, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status != SignUpStatus.WaitingList)
        {
            throw new ActivityRuleException("Places are offered to people on the waiting list.");
        }
        RequireConsent(personHasConsent, "be offered a place");
        RequireNotOver(nowUtc, "Places cannot be offered once the activity is over.");
        if (FreePlaces <= OfferedCount)
        {
            throw new ActivityRuleException("There is no free place to offer.");
        }
        signUp.SetStatus(SignUpStatus.Offered, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>Whether the person can take up the place offered to them now.</summary>
    public bool CanAcceptOffer(SignUp signUp, DateTime nowUtc) =>
        signUp.Status == SignUpStatus.Offered && signUp.Attendance == Attendance.NotRecorded && !IsOver(nowUtc);

    /// <summary>The person takes up the place offered to them; their fee is fixed now, as in <see cref="Confirm"/>.</summary>
    public void AcceptOffer(int signUpId, bool personHasConsent, Payments.FixedFee? fee, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (signUp.Status != SignUpStatus.Offered)
        {
            throw new ActivityRuleException("There is no place offered to you on this activity.");
        }
        RequireConsent(personHasConsent, "take up a place");
        if (!CanAcceptOffer(signUp, nowUtc))
        {
            throw new ActivityRuleException("The activity is over, so the place can no longer be taken up.");
        }
        RequireFeeOfThisActivity(fee);
        TakePlace(forOfferedPerson: true);
        signUp.SetStatus(SignUpStatus.Confirmed, nowUtc);
        signUp.FixFee(fee, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>Attendance is recorded on or after the activity's day (UK time), for an activity that was not cancelled.</summary>
    public bool CanRecordAttendance(DateTime nowUtc) =>
        Status is ActivityStatus.Open or ActivityStatus.Closed or ActivityStatus.Completed && HasReachedItsDay(nowUtc);

    /// <summary>
    /// Records whether a person with a place came and, if they did, the time they gave: the
    /// activity itself apart from paid preparation and travel, as payments need both. It can be
    /// corrected later; the latest recording says who recorded it and when.
    /// </summary>
    public const string AttendanceLockedByClaim =
        "Their claim for this activity has been sent to finance, so this attendance can no longer change. If it is wrong, ask finance to correct the claim.";

    /// <summary>Why attendance cannot be recorded for this sign-up now, or null when it can.</summary>
    /// <param name="claimSent">
    /// Whether the person's claim for this attendance has been sent to finance: from then on the
    /// attendance it pays for is fixed (see Payments.Claim.LocksAttendance).
    /// </param>
    public string? WhyNoAttendance(SignUp signUp, DateTime nowUtc, bool claimSent = false) =>
        signUp.Status != SignUpStatus.Confirmed ? "Attendance is recorded for people with a place."
        : claimSent ? AttendanceLockedByClaim
        : CanRecordAttendance(nowUtc) ? null
        : Status == ActivityStatus.Cancelled ? "The activity was cancelled, so there is no attendance to record."
        : $"Attendance can be recorded on or after the day of the activity, {Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.";

    public void RecordAttendance(int signUpId, Attendance attendance, TimeGiven? time, SessionNotes notes, string recordedByUserId, DateTime nowUtc,
        bool claimSent = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        var signUp = Find(signUpId);
        if (WhyNoAttendance(signUp, nowUtc, claimSent) is { } why)
        {
            throw new ActivityRuleException(why);
        }
        if (attendance == Attendance.NotRecorded)
        {
            throw new ActivityRuleException("Say whether they attended.");
        }
        // Time is kept only for someone who attended.
        if (attendance == Attendance.Attended && time is null)
        {
            throw new ActivityRuleException("Say how long they took part.");
        }
        signUp.RecordAttendance(attendance, attendance == Attendance.Attended ? time : null, notes, recordedByUserId, nowUtc);
        Touch(nowUtc);
    }

    public int OfferedCount => _signUps.Count(s => s.Status == SignUpStatus.Offered);

    public int AttendedCount => _signUps.Count(s => s.Attendance == Attendance.Attended);

    /// <summary>Who has a place, by the lived experience they bring: the organiser balances these.</summary>
    public IReadOnlyDictionary<LivedExperienceArea, int> Balance(IReadOnlyDictionary<int, IReadOnlySet<LivedExperienceArea>> experienceByProfile) =>
        _signUps.Where(s => s.Status == SignUpStatus.Confirmed)
            .SelectMany(s => experienceByProfile.GetValueOrDefault(s.ExpertProfileId) ?? new HashSet<LivedExperienceArea>())
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// The same balance from the database's count of people with a place for each set of lived
    /// experience: each area counts everyone whose set holds it.
    /// </summary>
    public static IReadOnlyDictionary<LivedExperienceArea, int> Balance(IEnumerable<(IReadOnlySet<LivedExperienceArea> Areas, int People)> peopleBySet) =>
        peopleBySet.SelectMany(set => set.Areas.Select(area => (Area: area, set.People)))
            .GroupBy(x => x.Area).ToDictionary(g => g.Key, g => g.Sum(x => x.People));

    /// <summary>
    /// Why the activity cannot be recorded as evidence for its requirement, or null when it can:
    /// completed, linked to a requirement, with someone's attendance recorded, and not recorded before.
    /// (Whether the project still has that requirement is the project's to say.)
    /// </summary>
    public string? WhyNotEvidence() => WhyNotEvidence(AttendedCount);

    /// <summary><see cref="WhyNotEvidence()"/> for an activity read without its sign-ups: how many attended is counted by the database.</summary>
    public string? WhyNotEvidence(int attendedCount) =>
        EvidenceRecordedUtc is not null ? "This activity has already been recorded as evidence."
        : Status != ActivityStatus.Completed ? "Only a completed activity can be recorded as evidence."
        : RequirementCode is null ? "Link the activity to one of the project's requirements first."
        : attendedCount == 0 ? "Record who attended first: evidence needs people with lived experience who took part."
        : null;

    public bool CanRecordAsEvidence => WhyNotEvidence() is null;

    /// <summary>Marks the activity as recorded as evidence: once, and only when <see cref="CanRecordAsEvidence"/>.</summary>
    public void MarkEvidenceRecorded(DateTime nowUtc)
    {
        if (WhyNotEvidence() is { } why)
        {
            throw new ActivityRuleException(why);
        }
        EvidenceRecordedUtc = nowUtc;
        Touch(nowUtc);
    }

    /// <summary>What the organiser can do with one sign-up now; pages show only these.</summary>
    public SignUpChoices ChoicesFor(SignUp signUp, DateTime nowUtc) => ChoicesFor(signUp, OfferedCount, nowUtc);

    /// <summary>
    /// <see cref="ChoicesFor(SignUp, DateTime)"/> for an activity read without all its sign-ups (a
    /// page of them): how many places are offered and held is counted by the database and given here.
    /// </summary>
    public SignUpChoices ChoicesFor(SignUp signUp, int offeredCount, DateTime nowUtc)
    {
        var over = IsOver(nowUtc);
        var waiting = signUp.Status is SignUpStatus.Requested or SignUpStatus.WaitingList or SignUpStatus.Offered;
        // A place is free for them: not every place taken, nor held for someone else it was offered to.
        var heldForOthers = offeredCount - (signUp.Status == SignUpStatus.Offered ? 1 : 0);
        return new SignUpChoices(
            CanConfirm: waiting && !over && ConfirmedCount + heldForOthers < Places,
            CanWaitList: signUp.Status is SignUpStatus.Requested or SignUpStatus.Offered && !over,
            CanOffer: signUp.Status == SignUpStatus.WaitingList && !over && FreePlaces > offeredCount,
            CanDecline: waiting,
            CanRecordAttendance: signUp.Status == SignUpStatus.Confirmed && CanRecordAttendance(nowUtc));
    }

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

    private static void RequireConsent(bool personHasConsent, string toDoWhat)
    {
        if (!personHasConsent)
        {
            throw new ActivityRuleException(
                $"This person has not given consent to be on the roster (or has withdrawn it), so they cannot {toDoWhat}. They can give consent on their profile.");
        }
    }

    /// <summary>
    /// A paid activity's places carry a fee from its own rate item, and an unpaid activity's none:
    /// anything else is a mistake in the caller, never something a person could put right.
    /// </summary>
    private void RequireFeeOfThisActivity(Payments.FixedFee? fee)
    {
        if (fee?.RateItemId != RateItemId)
        {
            throw new ArgumentException(RateItemId is null
                ? "This activity is not paid for time, so a place carries no fee."
                : $"A place on this activity carries a fee from rate item {RateItemId}.", nameof(fee));
        }
    }

    private void RequireNotOver(DateTime nowUtc, string message)
    {
        if (IsOver(nowUtc))
        {
            throw new ActivityRuleException(message);
        }
    }

    /// <summary>
    /// Every change to a sign-up also changes the activity, so that two changes made at the same
    /// moment collide on the activity's concurrency token instead of both being saved.
    /// </summary>
    private void Touch(DateTime nowUtc) => UpdatedUtc = nowUtc;

    /// <summary>
    /// A person deleting their information: a sign-up they can still give up is withdrawn, and
    /// every free text about them removed. What happened (attendance, time) stays.
    /// </summary>
    public void RemovePerson(int expertProfileId, DateTime nowUtc)
    {
        foreach (var signUp in _signUps.Where(s => s.ExpertProfileId == expertProfileId))
        {
            if (CanWithdraw(signUp, nowUtc))
            {
                Withdraw(signUp.Id, nowUtc);
            }
            signUp.ErasePersonalText(nowUtc);
        }
        Touch(nowUtc);
    }

    /// <summary>A person withdrawing consent: every free text about them on this activity goes, which can hold health details.</summary>
    public void ErasePersonalTextOf(int expertProfileId, DateTime nowUtc)
    {
        foreach (var signUp in _signUps.Where(s => s.ExpertProfileId == expertProfileId))
        {
            signUp.ErasePersonalText(nowUtc);
        }
        Touch(nowUtc);
    }

    /// <summary>
    /// Claims the reminder for a person with a place, for the activity's current date. Refused when
    /// they have already been reminded about this date, or have no place.
    /// </summary>
    public void MarkReminderSent(int signUpId, DateTime nowUtc)
    {
        var signUp = Find(signUpId);
        if (!signUp.NeedsReminderFor(Date) || Status == ActivityStatus.Cancelled)
        {
            throw new ActivityRuleException("This person has already been reminded about this date, or has no place.");
        }
        signUp.MarkReminderSent(Date, nowUtc);
        Touch(nowUtc);
    }

    private SignUp Find(int signUpId) =>
        _signUps.FirstOrDefault(s => s.Id == signUpId) ?? throw new ActivityRuleException("That sign-up is not for this activity.");
}

/// <summary>What an organiser can do with one sign-up now.</summary>
public sealed record SignUpChoices(bool CanConfirm, bool CanWaitList, bool CanOffer, bool CanDecline, bool CanRecordAttendance);

/// <summary>
/// The time someone gave to an activity, in whole minutes: the activity itself, and the paid
/// preparation and travel time around it. Payments are worked out from these.
/// </summary>
public sealed record TimeGiven
{
    /// <summary>No part can be more than a day.</summary>
    public const int MaxMinutes = 24 * 60;

    public TimeGiven(int activityMinutes, int preparationMinutes = 0, int travelMinutes = 0)
    {
        foreach (var (minutes, name) in new[] { (activityMinutes, nameof(activityMinutes)), (preparationMinutes, nameof(preparationMinutes)), (travelMinutes, nameof(travelMinutes)) })
        {
            if (minutes is < 0 or > MaxMinutes)
            {
                throw new ArgumentOutOfRangeException(name, minutes, "Between 0 and 24 hours.");
            }
        }
        (ActivityMinutes, PreparationMinutes, TravelMinutes) = (activityMinutes, preparationMinutes, travelMinutes);
    }

    public int ActivityMinutes { get; }
    public int PreparationMinutes { get; }
    public int TravelMinutes { get; }
}

public sealed record ActivitySchedule(DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, DateOnly SignUpClosesOn);

public sealed record ActivityPlace(ActivityMode Mode, string? Venue, string? AccessInformation, string? JoiningInstructions);

/// <summary>Something the rules of activities do not allow, in words a person can act on.</summary>
public sealed class ActivityRuleException(string message) : InvalidOperationException(message);
