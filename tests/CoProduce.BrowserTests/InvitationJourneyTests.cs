using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// Filling places by invitation, keyboard only: an organiser invites a person from the roster,
/// the person accepts on their involvement page, and the organiser confirms their place.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class InvitationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task OrganiserInvitesFromTheRoster_PersonAccepts_OrganiserConfirms()
    {
        var title = $"Invited panel {Guid.NewGuid():N}"[..24];
        var (activityId, joId) = await OpenActivityAsync(title);

        // The organiser goes from the activity to the roster, and invites Jo.
        var organiser = await browser.NewPageAsync();
        await browser.SignInAsync(organiser, Roles.Commissioner);
        await organiser.GotoAsync($"/manage/activities/{activityId}");
        await Keyboard.ActivateAsync(organiser, $"main a[href='/roster?inviteTo={activityId}']");
        Assert.Contains(title, await organiser.Locator(".govuk-inset-text").InnerTextAsync(), StringComparison.Ordinal);
        await Keyboard.TabToAsync(organiser, $"#person-{joId} form[action$='/invite'] button");
        await Keyboard.PressForNewPageAsync(organiser, "Enter");
        Assert.Contains("Jo is invited", await organiser.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await organiser.Locator($"#person-{joId} form[action$='/invite']").CountAsync());
        await BrowserFixture.ScreenshotAsync(organiser, "invitation-1-roster");

        // Jo says yes on the involvement page.
        var expert = await browser.NewPageAsync();
        await browser.SignInAsync(expert, Roles.ExpertByExperience);
        await expert.GotoAsync("/my-involvement");
        var invitation = $"#invitation-{activityId}";
        Assert.Contains(title, await expert.Locator(invitation).InnerTextAsync(), StringComparison.Ordinal);
        await Keyboard.TabToAsync(expert, $"{invitation} textarea[name=WhatWouldHelp]");
        await expert.Keyboard.TypeAsync("A break every hour, please");
        await Keyboard.TabToAsync(expert, $"{invitation} form[action$='/accept'] button");
        await BrowserFixture.ScreenshotAsync(expert, "invitation-2-involvement");
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        Assert.Contains("You have said yes", await expert.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        // The organiser sees the request, with how often Jo took part, and confirms the place.
        await organiser.GotoAsync($"/manage/activities/{activityId}");
        var card = organiser.Locator(".app-requirement", new() { HasTextString = "Jo" });
        Assert.Contains("A break every hour, please", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Took part in the last 12 months", await card.InnerTextAsync(), StringComparison.Ordinal);
        await Keyboard.TabToAsync(organiser, $"form[action$='/confirm'] button");
        await Keyboard.PressForNewPageAsync(organiser, "Enter");
        Assert.Contains("Place confirmed for Jo", await organiser.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(organiser, "invitation-3-confirmed");

        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var signUp = await db.SignUps.AsNoTracking().SingleAsync(s => s.ActivityId == activityId && s.ExpertProfileId == joId);
        Assert.Equal(SignUpStatus.Confirmed, signUp.Status);
    }

    /// <summary>A new open activity, so that the journey does not depend on what other tests did to the demo ones.</summary>
    private async Task<(int ActivityId, int JoId)> OpenActivityAsync(string title)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<ActivityService>();
        var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var organiserId = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var joId = await db.ExpertProfiles.Where(p => p.ContactEmail == DemoUsers.EmailFor(Roles.ExpertByExperience)).Select(p => p.Id).SingleAsync();
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var id = await service.CreateAsync(projectId, new ActivityDetails(title, ActivityType.InterviewPanel, "Help choose the new provider.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-2)),
            new ActivityPlace(ActivityMode.InPerson, "Brackenfield Town Hall", "Step-free", null), 3,
            new HashSet<LivedExperienceArea> { LivedExperienceArea.Autism }, LadderRung.CoProduction, RateItemId: null), null, organiserId, default);
        await service.MoveAsync(id, ActivityStatus.Open, organiserId, default);
        return (id, joId);
    }
}
