using System.Net;
using CoProduce.IntegrationTests.Payments;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Finance;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Audit;

/// <summary>
/// Every time staff are shown someone's access needs, lived experience, benefit warnings or bank
/// details, the audit log gets one entry for each person shown, naming the viewer, the person and
/// what kind of thing was seen where: never the data. Nothing is recorded when people look at
/// their own, or for people the page showed nothing special about.
/// </summary>
public sealed class SpecialCategoryViewTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Seen(string SubjectType, string SubjectId, string ByUserId, string Summary, int? ProjectId, string? Before, string? After);

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private Task<string> UserIdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<long> LastEntryIdAsync() => WithDbAsync(async db => await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0);

    /// <summary>The special category views recorded since <paramref name="afterId"/>.</summary>
    private Task<List<Seen>> SeenSinceAsync(long afterId) => WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.Id > afterId && a.Action == AuditActions.SpecialCategoryViewed).OrderBy(a => a.Id)
        .Select(a => new Seen(a.SubjectType.ToString(), a.SubjectId, a.ByUserId, a.Summary, a.ProjectId, a.Before, a.After)).ToListAsync());

    /// <summary>A person on the roster with what they told us, or nothing.</summary>
    private Task<int> PersonAsync(string name, bool needs, bool experience, string? userId = null) => WithDbAsync(async db =>
    {
        if (userId is null)
        {
            var user = new CoProduceUser { UserName = $"p-{Guid.NewGuid():N}@example.org", Email = $"p-{Guid.NewGuid():N}@example.org", DisplayName = name };
            db.Users.Add(user);
            userId = user.Id;
        }
        var profile = new ExpertProfile(userId, name, $"p-{Guid.NewGuid():N}@example.org", Now);
        profile.GiveConsent("2026-11", Now);
        if (needs)
        {
            profile.SetAccessNeeds([AccessNeed.EasyRead, AccessNeed.AnotherLanguage, AccessNeed.Other], "Polish", "A quiet room", Now);
        }
        if (experience)
        {
            profile.SetLivedExperience([LivedExperienceArea.Carer, LivedExperienceArea.Other], "Young carer", Now);
        }
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    /// <summary>An open activity each of the people asked for a place on, saying nothing about what would help.</summary>
    private Task<int> ActivityAsync(params int[] people) => WithDbAsync(async db =>
    {
        var projectId = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var date = Today.AddDays(30);
        var activity = new Activity(projectId, "Panel about respite", ActivityType.Workshop, "A panel.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.Online, null, null, null), 10, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: false, "system", Now);
        activity.MoveTo(ActivityStatus.Open, Now);
        foreach (var person in people)
        {
            activity.RequestPlace(person, true, string.Empty, Now);
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    });

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task OrganisersActivityPage_RecordsOneEntryPerPersonWhoseNeedsOrExperienceItShows()
    {
        var both = await PersonAsync("Ada Both", needs: true, experience: true);
        var needsOnly = await PersonAsync("Bea Needs", needs: true, experience: false);
        var experienceOnly = await PersonAsync("Cal Experience", needs: false, experience: true);
        var nothing = await PersonAsync("Dee Nothing", needs: false, experience: false);
        var activity = await ActivityAsync(both, needsOnly, experienceOnly, nothing);
        var organiser = await UserIdAsync("commissioner@example.org");
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var since = await LastEntryIdAsync();

        var page = await client.GetPageAsync($"/manage/activities/{activity}");

        Assert.Contains("Polish", page.Body!.TextContent, StringComparison.Ordinal); // the page did show them
        var seen = await SeenSinceAsync(since);
        Assert.Equal([Id(both), Id(needsOnly), Id(experienceOnly)], seen.Select(s => s.SubjectId).Order());
        Assert.All(seen, s =>
        {
            Assert.Equal(nameof(AuditSubjectType.Profile), s.SubjectType);
            Assert.Equal(organiser, s.ByUserId);
            Assert.Null(s.ProjectId);
            Assert.Null(s.Before);
            Assert.Null(s.After);
            Assert.DoesNotContain("Polish", s.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("quiet", s.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("Carer", s.Summary, StringComparison.Ordinal);
        });
        Assert.Equal($"Access needs and lived experience shown on the organiser's page of activity {activity}.", seen.Single(s => s.SubjectId == Id(both)).Summary);
        Assert.Equal($"Access needs shown on the organiser's page of activity {activity}.", seen.Single(s => s.SubjectId == Id(needsOnly)).Summary);
        Assert.Equal($"Lived experience shown on the organiser's page of activity {activity}.", seen.Single(s => s.SubjectId == Id(experienceOnly)).Summary);

        // Each look is a view of its own.
        await client.GetPageAsync($"/manage/activities/{activity}");
        Assert.Equal(6, (await SeenSinceAsync(since)).Count);
    }

    [Fact]
    public async Task OrganiserWhoIsAlsoOnTheActivity_IsNotRecordedSeeingTheirOwn()
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var own = await PersonAsync("Olu Organiser", needs: true, experience: true, userId: organiser.UserId);
        var other = await PersonAsync("Eve Other", needs: true, experience: false);
        var activity = await ActivityAsync(own, other);
        using var client = await PaymentsWorld.SignedInAsync(portal, organiser);
        var since = await LastEntryIdAsync();

        var response = await client.GetAsync(new Uri($"/manage/activities/{activity}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(await SeenSinceAsync(since));
        Assert.Equal(Id(other), seen.SubjectId);
        Assert.Equal(organiser.UserId, seen.ByUserId);
    }

    [Fact]
    public async Task Roster_RecordsOneEntryPerPersonOnThePageWithNeedsOrExperience_AndNoneForOthers()
    {
        var both = await PersonAsync("Fay Roster", needs: true, experience: true);
        var nothing = await PersonAsync("Gus Roster", needs: false, experience: false);
        var organiser = await UserIdAsync("commissioner@example.org");
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var since = await LastEntryIdAsync();

        var page = await client.GetPageAsync("/roster?area=Carer&page=1");

        var shown = page.QuerySelectorAll("[id^='person-']").Select(e => e.Id!["person-".Length..]).ToList();
        Assert.Contains(Id(both), shown);
        var seen = await SeenSinceAsync(since);
        Assert.Equal(seen.Select(s => s.SubjectId).Distinct().Count(), seen.Count); // one each
        Assert.Contains(seen, s => s.SubjectId == Id(both));
        Assert.All(seen, s =>
        {
            Assert.Contains(s.SubjectId, shown);
            Assert.Equal(nameof(AuditSubjectType.Profile), s.SubjectType);
            Assert.Equal(organiser, s.ByUserId);
            Assert.EndsWith("shown on the roster.", s.Summary, StringComparison.Ordinal);
        });
        Assert.Equal("Access needs and lived experience shown on the roster.", seen.Single(s => s.SubjectId == Id(both)).Summary);

        // Someone with nothing special on the roster is shown, but nothing about them is recorded:
        // find the page of the whole roster they are on, and look at what viewing it recorded.
        var found = false;
        for (var number = 1; number <= 100 && !found; number++)
        {
            since = await LastEntryIdAsync();
            page = await client.GetPageAsync($"/roster?page={number}");
            var onPage = page.QuerySelectorAll("[id^='person-']").Select(e => e.Id!["person-".Length..]).ToList();
            if (onPage.Count == 0)
            {
                break;
            }
            if (onPage.Contains(Id(nothing)))
            {
                found = true;
                Assert.DoesNotContain(await SeenSinceAsync(since), s => s.SubjectId == Id(nothing));
            }
        }
        Assert.True(found, "the person with nothing special is on the roster");
    }

    [Fact]
    public async Task FinanceClaimPage_RecordsBenefitWarningsAndTheMaskedAccount_AgainstThePaymentDetails()
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await UserIdAsync("commissioner@example.org");
        var finance = await UserIdAsync("finance@example.org");
        var places = await world.AttendedAsync(organiser, Today.AddDays(-20), 2);
        var warned = await world.SubmittedClaimAsync(places[0], organiser, 40m, warningsSeen: "This fee could take you past your Universal Credit work allowance.");
        await world.GiveBankDetailsAsync(places[0].ProfileId, "A Person", "112233", "12345678");
        var voucher = await world.SubmittedClaimAsync(places[1], organiser, 40m, ClaimPaymentMethod.Voucher);
        var client = await portal.ClientForAsync(Roles.FinanceOfficer);
        var since = await LastEntryIdAsync();

        var page = await client.GetPageAsync($"/finance/claims/{warned}");

        Assert.Contains("Account ending 5678", page.Body!.TextContent, StringComparison.Ordinal);
        var seen = Assert.Single(await SeenSinceAsync(since));
        Assert.Equal(nameof(AuditSubjectType.PaymentDetails), seen.SubjectType);
        Assert.Equal(Id(places[0].ProfileId), seen.SubjectId);
        Assert.Equal(finance, seen.ByUserId);
        Assert.Equal($"Benefit warnings and bank account (masked) shown on the finance page of claim {FinanceText.ClaimReference(warned)}.", seen.Summary);
        Assert.DoesNotContain("5678", seen.Summary, StringComparison.Ordinal);

        // A voucher claim with no warnings shows neither.
        since = await LastEntryIdAsync();
        await client.GetPageAsync($"/finance/claims/{voucher}");
        Assert.Empty(await SeenSinceAsync(since));
    }

    [Fact]
    public async Task FinanceOfficerLookingAtTheirOwnClaim_IsNotRecorded()
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await UserIdAsync("commissioner@example.org");
        var (officer, profileId) = await world.FinanceOfficerWhoIsAlsoAnExpertAsync("Fin Self");
        var place = (await world.AttendedAsync(organiser, Today.AddDays(-20), 0, [(profileId, officer.UserId)])).Single();
        var claim = await world.SubmittedClaimAsync(place, organiser, 40m, warningsSeen: "A warning.");
        await world.GiveBankDetailsAsync(profileId, "Fin Self", "112233", "87654321");
        using var client = await PaymentsWorld.SignedInAsync(portal, officer);
        var since = await LastEntryIdAsync();

        var response = await client.GetAsync(new Uri($"/finance/claims/{claim}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await SeenSinceAsync(since));

        // Another finance officer looking at it is recorded.
        await (await portal.ClientForAsync(Roles.FinanceOfficer)).GetPageAsync($"/finance/claims/{claim}");
        Assert.Equal(Id(profileId), Assert.Single(await SeenSinceAsync(since)).SubjectId);
    }

    [Fact]
    public async Task PaymentBatchPageAndExport_RecordOneEntryPerPayee()
    {
        var world = new PaymentsWorld(portal.Services);
        var organiser = await UserIdAsync("commissioner@example.org");
        var finance = await UserIdAsync("finance@example.org");
        var places = await world.AttendedAsync(organiser, Today.AddDays(-30), 3);
        // The first person has two claims in the batch: still one entry for them.
        var second = await world.AttendedAsync(organiser, Today.AddDays(-25), 0, [(places[0].ProfileId, places[0].PersonUserId)]);
        var claimIds = new List<int>();
        foreach (var place in places.Concat(second))
        {
            var id = await world.SubmittedClaimAsync(place, organiser, 30m);
            await world.ApproveAsync(id, "another-finance-officer");
            await world.GiveBankDetailsAsync(place.ProfileId, "Account Holder", "112233", "12345678");
            claimIds.Add(id);
        }
        var batchId = await WithDbAsync(async db =>
        {
            var claims = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery().Where(c => claimIds.Contains(c.Id)).ToListAsync();
            var batch = new PaymentBatch(claims, finance, Now);
            db.PaymentBatches.Add(batch);
            await db.SaveChangesAsync();
            return batch.Id;
        });
        var payees = places.Select(p => Id(p.ProfileId)).Order().ToList();
        var client = await portal.ClientForAsync(Roles.FinanceOfficer);
        var since = await LastEntryIdAsync();

        await client.GetPageAsync($"/finance/batches/{batchId}");

        var seen = await SeenSinceAsync(since);
        Assert.Equal(payees, seen.Select(s => s.SubjectId).Order());
        Assert.All(seen, s =>
        {
            Assert.Equal(nameof(AuditSubjectType.PaymentDetails), s.SubjectType);
            Assert.Equal(finance, s.ByUserId);
            Assert.Equal($"Bank account (masked) shown on the page of payment batch {batchId}.", s.Summary);
        });

        since = await LastEntryIdAsync();
        var export = await client.GetAsync(new Uri($"/finance/batches/{batchId}/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("12345678", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        seen = await SeenSinceAsync(since);
        Assert.Equal(payees, seen.Select(s => s.SubjectId).Order());
        Assert.All(seen, s =>
        {
            Assert.Equal(nameof(AuditSubjectType.PaymentDetails), s.SubjectType);
            Assert.Equal(finance, s.ByUserId);
            Assert.Equal($"Bank details in full exported in the file of payment batch {batchId}.", s.Summary);
            Assert.DoesNotContain("12345678", s.Summary, StringComparison.Ordinal);
        });

        // Exported again (the same file): recorded again.
        since = await LastEntryIdAsync();
        await client.GetAsync(new Uri($"/finance/batches/{batchId}/export", UriKind.Relative));
        Assert.Equal(payees, (await SeenSinceAsync(since)).Select(s => s.SubjectId).Order());
    }

    [Fact]
    public async Task AuditViewer_FiltersByTheAction_AndNamesItPlainly()
    {
        var person = await PersonAsync("Hal Viewer", needs: true, experience: false);
        var activity = await ActivityAsync(person);
        await (await portal.ClientForAsync(Roles.Commissioner)).GetPageAsync($"/manage/activities/{activity}");
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var page = await lead.GetPageAsync($"/audit?act={AuditActions.SpecialCategoryViewed}&subject=Profile&id={person}");

        Assert.Contains(page.QuerySelectorAll("option"), o => o.GetAttribute("value") == AuditActions.SpecialCategoryViewed && o.TextContent.Trim() == "Special category data seen");
        var text = page.Body!.TextContent;
        Assert.Contains($"Access needs shown on the organiser's page of activity {activity}.", text, StringComparison.Ordinal);
        Assert.Contains("Special category data seen", text, StringComparison.Ordinal);
    }
}
