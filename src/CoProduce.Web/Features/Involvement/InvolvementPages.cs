using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Involvement;

/// <summary>
/// The involvement page, read as a flat read model: the person's own account, profile and
/// activities (each with only their own sign-up), in three commands however many there are.
/// </summary>
public sealed class InvolvementPages(CoProduceDbContext db, TimeProvider clock)
{
    /// <summary>Null when the account no longer exists.</summary>
    public async Task<InvolvementPage?> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }
        var me = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var myId = me?.Id;
        // Only this person's own sign-ups, found from their account; withdrawn and declined ones are not listed.
        List<Activity> activities = myId is null
            ? []
            : await db.Activities.AsNoTracking()
                // Found from the person's sign-ups (their index), not by looking at every activity.
                .Where(a => db.SignUps.Where(s => s.ExpertProfileId == myId && s.Status != SignUpStatus.Withdrawn && s.Status != SignUpStatus.Declined)
                    .Select(s => s.ActivityId).Contains(a.Id))
                .Include(a => a.SignUps.Where(s => s.ExpertProfileId == myId))
                .OrderBy(a => a.Date).ThenBy(a => a.StartTime).ThenBy(a => a.Id)
                .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var mine = activities
            .Select(a => (Activity: a, Group: GroupOf(a, a.SignUps.Single(), now)))
            .Where(x => x.Group is not null)
            .ToList();
        var groups = Enum.GetValues<MyActivityGroup>()
            .Select(g => new MyActivityGroupModel(g, ParticipationText.GroupHeading(g), ParticipationText.GroupExplanation(g),
                mine.Where(x => x.Group == g).Select(x => Row(x.Activity)).ToList()))
            .Where(g => g.Activities.Count > 0)
            .ToList();
        return new InvolvementPage(account.DisplayName, account.Email ?? string.Empty, me?.HasConsent == true, ParticipationText.SignUpHint(me), groups);
    }

    private static MyActivity Row(Activity a) => new(a.Id, a.Title, ParticipationText.When(a), ParticipationText.Where(a.Mode, a.Venue),
        ParticipationText.Paid(a.IsPaid), a.Status == ActivityStatus.Cancelled);

    /// <summary>
    /// Places someone did not use are not listed, nor invitations that can no longer be answered
    /// (the activity is over or cancelled: they had not said yes, so there is nothing to tell them).
    /// </summary>
    private static MyActivityGroup? GroupOf(Activity activity, SignUp signUp, DateTime now) => (signUp.Status, signUp.Attendance) switch
    {
        (SignUpStatus.Invited, _) => activity.CanAnswerInvitation(signUp, now) ? MyActivityGroup.Invited : null,
        (SignUpStatus.Offered, _) => MyActivityGroup.Offered,
        (SignUpStatus.Confirmed, Attendance.NotRecorded) => MyActivityGroup.Confirmed,
        (SignUpStatus.Confirmed, Attendance.Attended) => MyActivityGroup.Attended,
        (SignUpStatus.Requested, _) => MyActivityGroup.Requested,
        (SignUpStatus.WaitingList, _) => MyActivityGroup.WaitingList,
        _ => null,
    };
}

/// <summary>In the order the page shows them: something to do first.</summary>
public enum MyActivityGroup { Invited, Offered, Confirmed, Requested, WaitingList, Attended }

public sealed record MyActivity(int Id, string Title, string When, string Where, string Paid, bool IsCancelled);

public sealed record MyActivityGroupModel(MyActivityGroup Group, string Heading, string Explanation, IReadOnlyList<MyActivity> Activities)
{
    /// <summary>For ids in the page: "invited", "waitinglist".</summary>
    public string Key => Group.ToString().ToLowerInvariant();

    public bool IsInvitations => Group == MyActivityGroup.Invited;

    public bool IsOffers => Group == MyActivityGroup.Offered;
}

/// <summary>The person's own involvement page.</summary>
public sealed record InvolvementPage(string DisplayName, string Email, bool HasConsent, string WhatWouldHelpHint, IReadOnlyList<MyActivityGroupModel> Groups);
