using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Commissioning;
using CoProduce.Web.Features.Organising;
using CoProduce.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Activities;

/// <summary>
/// Owns every change to activities and places, as <see cref="ProjectService"/> does for projects:
/// it loads the activity with its sign-ups, lets <see cref="Activity"/> decide, writes the audit
/// entry and puts the emails the change causes in the outbox, and saves it all in one transaction.
/// When someone else changed the activity at the same moment, it starts again from a fresh copy,
/// so the rules always see the real number of free places: the last place never goes to two people.
/// A refusal by the rules comes back as an <see cref="ActivityRuleException"/> in words a person can act on.
/// </summary>
public sealed class ActivityService(CoProduceDbContext db, ActivityNotifier notifier, ProjectService projects, Claims.ClaimService claims, TimeProvider clock)
{
    private const int Attempts = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ----- The organiser's changes -----

    public async Task<int> CreateAsync(int projectId, ActivityDetails details, string? requirementCode, string userId, CancellationToken cancellationToken)
    {
        Activity activity = null!;
        await InTransactionAsync(async () =>
        {
            // Made afresh inside the transaction: if the database's retry strategy runs it again,
            // nothing from a failed attempt (such as an id) is carried into the next.
            db.ChangeTracker.Clear();
            await RequireRateAsync(details, cancellationToken);
            activity = new Activity(projectId, details.Title, details.Type, details.Description, details.Schedule, details.Place, details.Places,
                details.LivedExperienceSought, details.Rung, details.IsPaid, userId, Now);
            activity.LinkToRequirement(requirementCode, Now);
            activity.PayBy(details.RateItemId, Now);
            activity.DescribeInEasyRead(details.EasyReadSummary, Now);
            db.Activities.Add(activity);
            // The activity needs its id before the audit entry can name it.
            await db.SaveChangesAsync(cancellationToken);
            Audit(AuditSubject.Activity(activity.Id), activity.ProjectId, AuditActions.ActivityCreated,
                $"Activity planned: {activity.Title}.", userId, after: Describe(activity));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return activity.Id;
    }

    /// <summary>
    /// Saves new details. A new date, time or place reaches everyone with a place, with an updated
    /// calendar invite, in the same save.
    /// </summary>
    public Task<Told> UpdateAsync(int activityId, ActivityDetails details, string? requirementCode, Guid? editedVersion, string userId,
        CancellationToken cancellationToken) =>
        ChangeAsync(activityId, async activity =>
        {
            if (editedVersion is { } edited && edited != activity.Version)
            {
                throw new ActivityChangedMeanwhileException();
            }
            await RequireRateAsync(details, cancellationToken);
            var before = Describe(activity);
            var moved = activity.Update(details.Title, details.Type, details.Description, details.Schedule, details.Place, details.Places,
                details.LivedExperienceSought, details.Rung, details.IsPaid, requirementCode, Now);
            // People whose place is already confirmed keep the fee fixed for them then.
            activity.PayBy(details.RateItemId, Now);
            // The checker only advises on the easy-read summary: what the organiser wrote is saved as written.
            activity.DescribeInEasyRead(details.EasyReadSummary, Now);
            Audit(AuditSubject.Activity(activity.Id), activity.ProjectId, AuditActions.ActivityChanged,
                moved ? "Activity details changed, including when or where it is: people with a place were told." : "Activity details changed.",
                userId, before, Describe(activity));
            if (!moved)
            {
                return new Told();
            }
            var confirmed = activity.SignUps.Where(s => s.Status == SignUpStatus.Confirmed).ToList();
            var people = await PeopleAsync(confirmed.Select(s => s.ExpertProfileId), cancellationToken);
            return Tell(confirmed.Select(s => people[s.ExpertProfileId]), person => notifier.EnqueueChanged(person, activity));
        }, cancellationToken);

    /// <summary>Opens, closes, completes or cancels. Cancelling tells everyone who signed up.</summary>
    public Task<Told> MoveAsync(int activityId, ActivityStatus to, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(activityId, async activity =>
        {
            var from = activity.Status;
            activity.MoveTo(to, Now);
            Audit(AuditSubject.Activity(activity.Id), activity.ProjectId, AuditActions.ActivityStatusChanged,
                $"Activity is now {Activity.Describe(to)}.", userId, from.ToString(), to.ToString());
            if (to != ActivityStatus.Cancelled)
            {
                return new Told();
            }
            // Whoever had a place can still claim what they had spent: a draft claim waits for them.
            pendingAudits.AddRange(await claims.FollowCancellationAsync(activity, userId, cancellationToken));
            var live = activity.SignUps.Where(s => s.IsLive && s.Status != SignUpStatus.Invited).ToList();
            var people = await PeopleAsync(live.Select(s => s.ExpertProfileId), cancellationToken);
            return Tell(live, s => notifier.EnqueueCancelled(people[s.ExpertProfileId], activity, hadPlace: s.Status == SignUpStatus.Confirmed));
        }, cancellationToken);

    /// <summary>Gives a place and fixes the person's fee from the activity's rate; the confirmation email says what it is.</summary>
    public Task<PersonTold> ConfirmAsync(int activityId, int signUpId, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(activityId, async activity =>
        {
            var signUp = Find(activity, signUpId);
            var person = await db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.Id == signUp.ExpertProfileId, cancellationToken);
            var fee = await FeeForAsync(activity, cancellationToken);
            var before = signUp.Status;
            activity.Confirm(signUpId, person.HasConsent, fee, Now);
            AuditSignUp(activity, signUp, AuditActions.PlaceConfirmed, $"Place confirmed. {PayText.FeeForAudit(fee)}", userId, before.ToString());
            return new PersonTold(person.PreferredName, notifier.EnqueueConfirmed(person, activity, fee));
        }, cancellationToken);

    public Task<PersonTold> WaitListAsync(int activityId, int signUpId, string userId, CancellationToken cancellationToken) =>
        ChangeSignUpAsync(activityId, signUpId, userId, AuditActions.PlaceWaitListed, "Put on the waiting list.",
            (activity, _) => activity.WaitList(signUpId, Now),
            (activity, person) => notifier.EnqueueWaitingList(person, activity), cancellationToken);

    public Task<PersonTold> OfferAsync(int activityId, int signUpId, string userId, CancellationToken cancellationToken) =>
        ChangeSignUpAsync(activityId, signUpId, userId, AuditActions.PlaceOffered, "Free place offered.",
            (activity, person) => activity.OfferPlace(signUpId, person.HasConsent, Now),
            (activity, person) => notifier.EnqueuePlaceOffered(person, activity), cancellationToken);

    /// <summary>Says no, with the organiser's kind message (which goes to the person, not into the audit log).</summary>
    public Task<PersonTold> DeclineAsync(int activityId, int signUpId, string message, string userId, CancellationToken cancellationToken) =>
        ChangeSignUpAsync(activityId, signUpId, userId, AuditActions.PlaceDeclined, "Told no, with a message.",
            (activity, _) => activity.Decline(signUpId, message, Now),
            (activity, person) => notifier.EnqueueDeclined(person, activity, message), cancellationToken);

    /// <summary>Invites someone from the roster; they answer on their involvement page.</summary>
    public async Task<PersonTold> InviteAsync(int activityId, int expertProfileId, string userId, CancellationToken cancellationToken)
    {
        return await ChangeAsync(activityId, async activity =>
        {
            var person = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == expertProfileId, cancellationToken)
                ?? throw new ActivityRuleException("We could not find that person on the roster.");
            var signUp = activity.Invite(person.Id, person.HasConsent, Now);
            AuditSignUp(activity, signUp, AuditActions.PersonInvited, "Invited from the roster.", userId, before: null);
            // The invitation says what the place pays, as the activity's page does.
            return new PersonTold(person.PreferredName, notifier.EnqueueInvited(person, activity, await FeeForAsync(activity, cancellationToken)));
        }, cancellationToken);
    }

    /// <summary>Records attendance and the time given; who recorded it and when are kept.</summary>
    public Task RecordAttendanceAsync(int activityId, int signUpId, Attendance attendance, TimeGiven? time, SessionNotes notes, string userId,
        CancellationToken cancellationToken) =>
        ChangeAsync(activityId, async activity =>
        {
            var signUp = Find(activity, signUpId);
            var before = AttendanceText(signUp);
            // Once the person's claim has been sent, the attendance it pays for is fixed.
            var claim = await claims.AttendanceClaimAsync(signUpId, cancellationToken);
            activity.RecordAttendance(signUpId, attendance, time, notes, userId, Now, claimSent: claim?.LocksAttendance == true);
            // The notes can hold health details, so only what happened and the time go in the log.
            AuditSignUp(activity, signUp, AuditActions.AttendanceRecorded, "Attendance recorded.", userId, before, AttendanceText(signUp));
            // In the same transaction: the draft claim, made or brought up to date.
            if (await claims.FollowAttendanceAsync(signUp, claim, userId, cancellationToken) is { } claimAudit)
            {
                pendingAudits.Add(claimAudit);
            }
            return true;
        }, cancellationToken);

    /// <summary>
    /// A completed activity linked to a requirement becomes that requirement's evidence: the
    /// activity's mark and the evidence are saved together, once (a second click finds it recorded).
    /// Returns the requirement's code and name.
    /// </summary>
    public Task<RecordedEvidence> RecordEvidenceAsync(int activityId, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(activityId, async activity =>
        {
            activity.MarkEvidenceRecorded(Now);
            var project = await projects.LoadAsync(activity.ProjectId, cancellationToken);
            var requirement = (activity.RequirementCode is null ? null : project?.Requirement(activity.RequirementCode))
                ?? throw new ActivityRuleException("The requirement this activity meets is no longer one of the project's requirements.");
            projects.StageEvidence(project!, requirement, new NewEvidence(
                $"{Words.Type(activity.Type)}: {activity.Title}", activity.Date, activity.AttendedCount,
                $"Recorded from the activity \"{activity.Title}\" ({Words.Rung(activity.Rung)}).", [], activity.Id), userId);
            Audit(AuditSubject.Activity(activity.Id), activity.ProjectId, AuditActions.ActivityRecordedAsEvidence,
                $"Recorded as evidence for {requirement.Code} ({requirement.ShortName}).", userId);
            return new RecordedEvidence(activity.ProjectId, requirement.Code, requirement.ShortName);
        }, cancellationToken);

    // ----- The person's own changes: always for the signed-in person's own profile -----

    public Task RequestPlaceAsync(int activityId, string userId, string whatWouldHelp, CancellationToken cancellationToken) =>
        ChangeMineAsync(activityId, userId, (activity, me) =>
        {
            var before = activity.SignUps.FirstOrDefault(s => s.ExpertProfileId == me.Id)?.Status;
            var signUp = activity.RequestPlace(me.Id, me.HasConsent, whatWouldHelp, Now);
            AuditSignUp(activity, signUp, AuditActions.PlaceRequested, before is null ? "Place asked for." : "Place asked for again.",
                userId, before?.ToString());
            return false;
        }, cancellationToken);

    public Task WithdrawAsync(int activityId, string userId, CancellationToken cancellationToken) =>
        ChangeMineAsync(activityId, userId, (activity, me) =>
        {
            var mine = MineOn(activity, me);
            if (mine is not { IsLive: true })
            {
                throw new ActivityRuleException("You have not signed up for this activity.");
            }
            var before = mine.Status;
            activity.Withdraw(mine.Id, Now);
            AuditSignUp(activity, mine, AuditActions.PlaceWithdrawn, "Withdrew.", userId, before.ToString());
            return false;
        }, cancellationToken);

    /// <summary>Takes up the place offered, fixing the fee as a confirmation does. Returns whether the confirmation was emailed.</summary>
    public Task<bool> AcceptOfferAsync(int activityId, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(activityId, async activity =>
        {
            var me = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
                ?? throw new ActivityRuleException("You need a profile before you can take part. You can set one up on your profile page.");
            var mine = MineOn(activity, me) ?? throw new ActivityRuleException("There is no place offered to you on this activity.");
            var fee = await FeeForAsync(activity, cancellationToken);
            activity.AcceptOffer(mine.Id, me.HasConsent, fee, Now);
            AuditSignUp(activity, mine, AuditActions.OfferAccepted, $"Offered place taken up. {PayText.FeeForAudit(fee)}", userId, nameof(SignUpStatus.Offered));
            // The confirmation and its calendar invite are saved with the place, and sent after.
            return notifier.EnqueueConfirmed(me, activity, fee);
        }, cancellationToken);

    public Task AcceptInvitationAsync(int activityId, string userId, string whatWouldHelp, CancellationToken cancellationToken) =>
        ChangeMineAsync(activityId, userId, (activity, me) =>
        {
            var mine = MineOn(activity, me) ?? throw new ActivityRuleException("There is no invitation to answer on this activity.");
            activity.AcceptInvitation(mine.Id, me.HasConsent, whatWouldHelp, Now);
            AuditSignUp(activity, mine, AuditActions.InvitationAnswered, "Invitation accepted: waiting for a place.", userId, nameof(SignUpStatus.Invited));
            return false;
        }, cancellationToken);

    public Task DeclineInvitationAsync(int activityId, string userId, CancellationToken cancellationToken) =>
        ChangeMineAsync(activityId, userId, (activity, me) =>
        {
            var mine = MineOn(activity, me) ?? throw new ActivityRuleException("There is no invitation to answer on this activity.");
            activity.DeclineInvitation(mine.Id, Now);
            AuditSignUp(activity, mine, AuditActions.InvitationAnswered, "Invitation declined.", userId, nameof(SignUpStatus.Invited));
            return false;
        }, cancellationToken);

    // ----- Pay -----

    /// <summary>
    /// The fee a place on the activity carries if confirmed now: from the version of its rate item
    /// in force on the activity's date, or none for an unpaid activity.
    /// </summary>
    private async Task<FixedFee?> FeeForAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.RateItemId is not { } rateItemId)
        {
            return null;
        }
        var item = await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rateItemId, cancellationToken)
            ?? throw new ActivityRuleException("The rate this activity pays by no longer exists. Choose another rate on the activity's details.");
        try
        {
            return item.FixFee(activity.Date);
        }
        catch (PaymentRuleException refused)
        {
            throw new ActivityRuleException(refused.Message);
        }
    }

    /// <summary>A chosen rate must be for the activity's type and have a rate on its date (as the form checks first).</summary>
    private async Task RequireRateAsync(ActivityDetails details, CancellationToken cancellationToken)
    {
        if (details.RateItemId is not { } rateItemId)
        {
            return;
        }
        var item = await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rateItemId, cancellationToken);
        if (item is null || new RateCard([item]).ForActivity(details.Type, details.Schedule.Date).Count == 0)
        {
            throw new ActivityRuleException("Choose how people are paid from the rates for this type of activity on its date.");
        }
    }

    // ----- How every change is made -----

    /// <summary>A change to one sign-up, made by the organiser, that the person is told about.</summary>
    private Task<PersonTold> ChangeSignUpAsync(int activityId, int signUpId, string userId, string action, string summary,
        Action<Activity, ExpertProfile> change, Func<Activity, ExpertProfile, bool> tell, CancellationToken cancellationToken) =>
        ChangeAsync(activityId, async activity =>
        {
            var signUp = Find(activity, signUpId);
            var person = await db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.Id == signUp.ExpertProfileId, cancellationToken);
            var before = signUp.Status;
            change(activity, person);
            AuditSignUp(activity, signUp, action, summary, userId, before.ToString());
            return new PersonTold(person.PreferredName, tell(activity, person));
        }, cancellationToken);

    /// <summary>A change the signed-in person makes to their own sign-up.</summary>
    private async Task<T> ChangeMineAsync<T>(int activityId, string userId, Func<Activity, ExpertProfile, T> change, CancellationToken cancellationToken)
    {
        return await ChangeAsync(activityId, async activity =>
        {
            var me = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
                ?? throw new ActivityRuleException("You need a profile before you can take part. You can set one up on your profile page.");
            return change(activity, me);
        }, cancellationToken);
    }

    /// <summary>
    /// Loads the activity with its sign-ups, applies the change (which adds its audit entries and
    /// emails), and saves in one transaction; on a concurrent change, starts again from a fresh copy.
    /// </summary>
    private async Task<T> ChangeAsync<T>(int activityId, Func<Activity, Task<T>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = default(T)!;
                await InTransactionAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    pendingAudits.Clear();
                    var activity = await db.Activities.Include(a => a.SignUps).SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken)
                        ?? throw new ActivityRuleException("We could not find that activity.");
                    result = await change(activity);
                    // Saved as a change of the activity even when the clock has not moved, so that its
                    // concurrency token guards every change to it and its sign-ups.
                    db.Entry(activity).Property(a => a.UpdatedUtc).IsModified = true;
                    await db.SaveChangesAsync(cancellationToken);
                    if (pendingAudits.Count > 0)
                    {
                        // A new sign-up has its id now, so its audit entries can name it.
                        db.AuditEntries.AddRange(pendingAudits.Select(entry => entry()));
                        await db.SaveChangesAsync(cancellationToken);
                    }
                }, cancellationToken);
                return result;
            }
            catch (DbUpdateException collision) when (attempt < Attempts && IsConcurrentChange(collision))
            {
                // Someone else changed the activity (or signed up) at the same moment: start again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// A concurrent change: the activity's version had moved on, or the same person's sign-up was
    /// added by another request first (the unique index on activity and person), or the claim for
    /// the attendance was made on the person's behalf at the same moment (the unique index on the
    /// sign-up). Any other failure is not retried.
    /// </summary>
    private static bool IsConcurrentChange(DbUpdateException failure) =>
        failure is DbUpdateConcurrencyException || failure.Entries.Any(e => e.Entity is SignUp or Domain.Payments.Claim && e.State == EntityState.Added);

    /// <summary>Two saves in one transaction, run through the execution strategy as SQL Server's retrying strategy requires.</summary>
    private Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });

    private readonly List<Func<AuditEntry>> pendingAudits = [];

    private void Audit(AuditSubject subject, int? projectId, string action, string summary, string userId, string? before = null, string? after = null) =>
        db.AuditEntries.Add(new AuditEntry(subject, projectId, action, summary, userId, Now, before, after));

    /// <summary>
    /// Audits a change to a sign-up: its status before and after, never what the person or the
    /// organiser wrote. A sign-up made by this change is audited once it has its id.
    /// </summary>
    private void AuditSignUp(Activity activity, SignUp signUp, string action, string summary, string userId, string? before, string? after = null)
    {
        var now = Now;
        AuditEntry Entry() => new(AuditSubject.SignUp(signUp.Id), null, action, $"{summary} (activity {activity.Id})", userId, now,
            before, after ?? signUp.Status.ToString());
        if (signUp.Id == 0)
        {
            pendingAudits.Add(Entry);
        }
        else
        {
            db.AuditEntries.Add(Entry());
        }
    }

    private static SignUp Find(Activity activity, int signUpId) =>
        activity.SignUps.FirstOrDefault(s => s.Id == signUpId) ?? throw new ActivityRuleException("That sign-up is not for this activity.");

    private static SignUp? MineOn(Activity activity, ExpertProfile me) => activity.SignUps.FirstOrDefault(s => s.ExpertProfileId == me.Id);

    private async Task<Dictionary<int, ExpertProfile>> PeopleAsync(IEnumerable<int> profileIds, CancellationToken cancellationToken)
    {
        var ids = profileIds.Distinct().ToList();
        return await db.ExpertProfiles.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    private static Told Tell<T>(IEnumerable<T> people, Func<T, bool> enqueue)
    {
        var told = new Told();
        foreach (var person in people)
        {
            told = enqueue(person) ? told with { People = told.People + 1 } : told with { People = told.People + 1, NotEmailed = told.NotEmailed + 1 };
        }
        return told;
    }

    /// <summary>What the audit log keeps of an activity: what it is, when and where, never who signed up.</summary>
    private static string Describe(Activity a) =>
        $"{a.Title}; {a.Type}; {a.Date:yyyy-MM-dd} {a.StartTime:HH\\:mm}-{a.EndTime:HH\\:mm}; {a.Mode}{(a.Venue is null ? string.Empty : $" at {a.Venue}")}; " +
        $"{a.Places} places; {(a.RateItemId is { } rate ? $"paid by rate item {rate}" : "unpaid")}; requirement {a.RequirementCode ?? "none"}; " +
        $"easy-read summary {(a.EasyReadSummary is null ? "none" : $"\"{a.EasyReadSummary}\"")}";

    private static string AttendanceText(SignUp s) => s.TimeGiven is { } time
        ? $"{s.Attendance}; activity {time.ActivityMinutes} min, preparation {time.PreparationMinutes} min, travel {time.TravelMinutes} min"
        : s.Attendance.ToString();
}

/// <summary>Someone else saved the activity after the organiser opened the form they are saving.</summary>
public sealed class ActivityChangedMeanwhileException() : InvalidOperationException(
    "Someone else changed this activity after you opened this page. The form now shows your changes: check the activity's page to see theirs, then save again to keep yours.");

/// <summary>An activity's details as the organiser gives them, with its easy-read summary (null when none is written).</summary>
public sealed record ActivityDetails(string Title, ActivityType Type, string Description, ActivitySchedule Schedule, ActivityPlace Place, int Places,
    IReadOnlySet<Domain.Roster.LivedExperienceArea> LivedExperienceSought, LadderRung Rung, int? RateItemId, string? EasyReadSummary = null)
{
    /// <summary>Paid for time exactly when a rate item is chosen.</summary>
    public bool IsPaid => RateItemId is not null;
}

/// <summary>How many people a change was sent to, and how many of them have no email address (the organiser rings or texts them).</summary>
public sealed record Told(int People = 0, int NotEmailed = 0);

/// <summary>Who a change was about, and whether they were emailed (if not, they are on the "ring or text" list).</summary>
public sealed record PersonTold(string PersonName, bool Emailed);

public sealed record RecordedEvidence(int ProjectId, string RequirementCode, string RequirementName);
