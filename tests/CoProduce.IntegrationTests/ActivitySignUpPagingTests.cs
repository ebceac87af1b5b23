using System.Net;
using AngleSharp.Html.Dom;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// An activity with more sign-ups than one page holds: its organiser's page counts them by what
/// happened (in the database), lists one page at a time with GOV.UK pagination that reaches the
/// last, lists one group on its own, and comes back to the same page after a change.
/// </summary>
public sealed class ActivitySignUpPagingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Confirmed = 12;
    private const int Waiting = 30;
    private const int Asking = 70;
    private const int Everyone = Confirmed + Waiting + Asking;

    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>An open activity next month with <see cref="Everyone"/> people signed up: some confirmed, some waiting, the rest asking.</summary>
    private Task<int> BusyActivityAsync() => WithDbAsync(async db =>
    {
        var people = Enumerable.Range(0, Everyone).Select(i =>
        {
            var user = new CoProduceUser { UserName = $"busy-{Guid.NewGuid():N}@example.org", Email = $"busy-{Guid.NewGuid():N}@example.org", DisplayName = "Person" };
            db.Users.Add(user);
            var profile = new ExpertProfile(user.Id, $"Person {i:D3}", user.Email, Now);
            profile.GiveConsent("2026-11", Now);
            profile.SetLivedExperience([LivedExperienceArea.Carer, (LivedExperienceArea)(i % 12)], null, Now);
            profile.SetAccessNeeds([(AccessNeed)(i % 9)], null, null, Now);
            db.ExpertProfiles.Add(profile);
            return profile;
        }).ToList();
        await db.SaveChangesAsync();

        var project = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => new { p.Id, p.OwnerId }).FirstAsync();
        var date = Today.AddDays(30);
        var activity = new Activity(project.Id, $"Busy {Guid.NewGuid():N}", ActivityType.Workshop, "A workshop.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.Online, null, null, null), Everyone + 10, [LivedExperienceArea.Carer], LadderRung.CoProduction,
            isPaid: false, project.OwnerId, Now);
        activity.MoveTo(ActivityStatus.Open, Now);
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            activity.RequestPlace(person.Id, true, "A quiet space", Now.AddMinutes(i));
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        foreach (var signUp in activity.SignUps.OrderBy(s => s.RequestedUtc).Take(Confirmed + Waiting).ToList())
        {
            if (activity.ConfirmedCount < Confirmed)
            {
                activity.Confirm(signUp.Id, true, null, Now);
            }
            else
            {
                activity.WaitList(signUp.Id, Now);
            }
        }
        await db.SaveChangesAsync();
        return activity.Id;
    });

    private static List<string> SignUpIds(IHtmlDocument page) =>
        page.QuerySelectorAll("main div[id^='sign-up-']").Select(d => d.Id!).ToList();

    private static List<string> Tags(IHtmlDocument page) =>
        page.QuerySelectorAll("main div[id^='sign-up-'] h3 .govuk-tag--grey").Select(t => t.TextContent.Trim()).ToList();

    private static string Status(IHtmlDocument page) => page.QuerySelector("main [role=status]")!.TextContent.Trim();

    private static string? NextLink(IHtmlDocument page) =>
        page.QuerySelector("nav.govuk-pagination[aria-label='Pages of people who signed up'] a[rel=next]")?.GetAttribute("href");

    /// <summary>The count table: each group's name and number.</summary>
    private static Dictionary<string, string> Counts(IHtmlDocument page) =>
        page.QuerySelectorAll("main table:has(#sign-up-groups-caption) tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Replace(": list only them", string.Empty, StringComparison.Ordinal)
                .Replace("(listed below)", string.Empty, StringComparison.Ordinal).Trim(), r => r.QuerySelector("td")!.TextContent.Trim());

    [Fact]
    public async Task ActivityPage_OnePageOfSignUpsAtATime_CountedByWhatHappened_PagingReachesTheLast()
    {
        var id = await BusyActivityAsync();
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var first = await client.GetPageAsync($"/manage/activities/{id}");

        Assert.Equal(ActivityPagesSize, SignUpIds(first).Count);
        Assert.Equal($"{Everyone} people, page 1 of 3", Status(first));
        Assert.Equal($"People who signed up or were invited ({Everyone})", first.QuerySelector("#people")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string>
        {
            ["Everyone"] = $"{Everyone}",
            ["Place confirmed"] = $"{Confirmed}",
            ["Asked for a place"] = $"{Asking}",
            ["Waiting list"] = $"{Waiting}",
        }, Counts(first));
        // Those with a place first, then those asking, then those waiting.
        Assert.Equal([.. Enumerable.Repeat("Place confirmed", Confirmed), .. Enumerable.Repeat("Asked for a place", ActivityPagesSize - Confirmed)], Tags(first));

        var seen = new List<string>(SignUpIds(first));
        var page = first;
        var pages = 1;
        while (NextLink(page) is { } next)
        {
            Assert.Equal($"/manage/activities/{id}?page={pages + 1}#people", next);
            page = await client.GetPageAsync(next);
            pages++;
            seen.AddRange(SignUpIds(page));
        }

        Assert.Equal(3, pages);
        Assert.Equal($"{Everyone} people, page 3 of 3", Status(page));
        Assert.Equal(Everyone - (2 * ActivityPagesSize), SignUpIds(page).Count);
        Assert.All(Tags(page), tag => Assert.Equal("Waiting list", tag));
        var all = await WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == id).Select(s => "sign-up-" + s.Id).ToListAsync());
        Assert.Equal(all.Order(), seen.Order());
    }

    private const int ActivityPagesSize = CoProduce.Web.Features.Organising.ActivityPages.SignUpPageSize;

    [Fact]
    public async Task ActivityPage_OneGroupListedOnItsOwn_AndAChangeOnALaterPageComesBackThere()
    {
        var id = await BusyActivityAsync();
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{id}?show=requested&page=2";

        var page = await client.GetPageAsync(url);

        Assert.Equal($"Asked for a place: {Asking} people, page 2 of 2", Status(page));
        Assert.Equal(Enumerable.Repeat("Asked for a place", Asking - ActivityPagesSize), Tags(page));
        Assert.NotNull(page.QuerySelector("main table strong[aria-current=true]"));
        var signUpId = SignUpIds(page)[0]["sign-up-".Length..];
        Assert.Equal($"/manage/activities/{id}/sign-ups/{signUpId}/decline?show=requested&page=2",
            page.QuerySelector($"a[href^='/manage/activities/{id}/sign-ups/{signUpId}/decline']")!.GetAttribute("href"));

        var waitListed = await client.SubmitFormAsync(url, $"/manage/activities/{id}/sign-ups/{signUpId}/wait-list", []);

        Assert.Equal(HttpStatusCode.Redirect, waitListed.StatusCode);
        Assert.Equal($"/manage/activities/{id}?show=requested&page=2", waitListed.Headers.Location!.OriginalString);
        var after = await client.GetPageAsync($"/manage/activities/{id}?show=waiting-list");
        Assert.Equal($"Waiting list: {Waiting + 1} people", Status(after));

        // Saying no from its own page goes back to the same list too.
        var next = SignUpIds(page)[1]["sign-up-".Length..];
        var declined = await client.SubmitFormAsync($"/manage/activities/{id}/sign-ups/{next}/decline?show=requested&page=2",
            $"/manage/activities/{id}/sign-ups/{next}/decline", [new("Message", "Thank you for asking. The places have gone this time.")]);
        Assert.Equal($"/manage/activities/{id}?show=requested&page=2", declined.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ActivityPage_RecordsAsSeenOnlyThePeopleOnThePageShown()
    {
        var id = await BusyActivityAsync();
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var where = $"shown on the organiser's page of activity {id}";
        async Task<int> ViewsAsync() => await WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SpecialCategoryViewed && e.Summary.Contains(where)));
        var before = await ViewsAsync();

        await client.GetPageAsync($"/manage/activities/{id}?page=3");

        Assert.Equal(Everyone - (2 * ActivityPagesSize), await ViewsAsync() - before);
    }
}
