using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Features.Participation;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Involvement;

/// <summary>An expert by experience's own home: their activities and their details.</summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class InvolvementController(UserManager<CoProduceUser> users, CoProduceDbContext db) : Controller
{
    [HttpGet("my-involvement")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return Challenge();
        }

        // Only this person's own sign-ups, found from their account.
        var rows = await db.ExpertProfiles.Where(p => p.UserId == me.Id)
            .Join(db.SignUps, p => p.Id, s => s.ExpertProfileId, (p, s) => s)
            .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => new
            {
                a.Id, a.Title, a.Date, a.StartTime, a.EndTime, ActivityStatus = a.Status, s.Status, s.Attendance,
            })
            .ToListAsync(cancellationToken);

        var activities = rows
            .Select(r => new MyActivity(r.Id, r.Title, ParticipationText.When(r.Date, r.StartTime, r.EndTime), r.Date, r.StartTime,
                GroupOf(r.Status, r.Attendance), r.ActivityStatus == ActivityStatus.Cancelled))
            .Where(a => a.Group is not null)
            .OrderBy(a => a.Date).ThenBy(a => a.StartTime)
            .ToList();
        var groups = Enum.GetValues<MyActivityGroup>()
            .Select(g => new MyActivityGroupModel(g, activities.Where(a => a.Group == g).ToList()))
            .Where(g => g.Activities.Count > 0)
            .ToList();
        return View(new InvolvementViewModel(me.DisplayName, me.Email ?? string.Empty, groups));
    }

    /// <summary>Withdrawn and declined sign-ups, and places someone did not use, are not listed.</summary>
    private static MyActivityGroup? GroupOf(SignUpStatus status, Attendance attendance) => (status, attendance) switch
    {
        (SignUpStatus.Offered, _) => MyActivityGroup.Offered,
        (SignUpStatus.Confirmed, Attendance.NotRecorded) => MyActivityGroup.Confirmed,
        (SignUpStatus.Confirmed, Attendance.Attended) => MyActivityGroup.Attended,
        (SignUpStatus.Requested, _) => MyActivityGroup.Requested,
        (SignUpStatus.WaitingList, _) => MyActivityGroup.WaitingList,
        _ => null,
    };
}

/// <summary>In the order the page shows them: something to do first.</summary>
public enum MyActivityGroup { Offered, Confirmed, Requested, WaitingList, Attended }

public sealed record MyActivity(int Id, string Title, string When, DateOnly Date, TimeOnly StartTime, MyActivityGroup? Group, bool IsCancelled);

public sealed record MyActivityGroupModel(MyActivityGroup Group, IReadOnlyList<MyActivity> Activities)
{
    public string Heading => Group switch
    {
        MyActivityGroup.Offered => "A place is offered to you",
        MyActivityGroup.Confirmed => "Place confirmed",
        MyActivityGroup.Requested => "You asked for a place",
        MyActivityGroup.WaitingList => "On the waiting list",
        _ => "You took part",
    };

    public string Explanation => Group switch
    {
        MyActivityGroup.Offered => "A place has become free. Accept it if you would like it.",
        MyActivityGroup.Confirmed => "You have a place. We will email you a reminder 2 days before.",
        MyActivityGroup.Requested => "The organiser will decide who gets a place. We will email you.",
        MyActivityGroup.WaitingList => "If a place becomes free, we will email you to offer it.",
        _ => "Thank you for taking part.",
    };
}

public sealed record InvolvementViewModel(string DisplayName, string Email, IReadOnlyList<MyActivityGroupModel> Groups);
