using System.Net;
using AngleSharp.Html.Dom;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoProduce.IntegrationTests;

/// <summary>
/// An expert by experience finds activities, signs up, withdraws and accepts a place. Tests that
/// change data use a person registered for the test and an activity of their own, so that they
/// do not depend on each other's order.
/// </summary>
public sealed class ParticipationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Joining = "Join the video call at https://meet.example.org/brackenfield-42";

    private sealed record Person(HttpClient Client, int ProfileId, string Email) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>Registers a new person through the real page, then records consent as their profile page would.</summary>
    private async Task<Person> RegisterAsync(bool consent = true, LivedExperienceArea[]? experience = null, AccessNeed[]? needs = null)
    {
        var client = portal.CreatePortalClient();
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var response = await client.RegisterAsync(portal, "Test Person", email, "a long enough password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var profileId = await WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == email);
            if (consent)
            {
                var now = DateTime.UtcNow;
                profile.GiveConsent("2026-11", now);
                profile.SetLivedExperience(experience ?? [LivedExperienceArea.Carer], null, now);
                profile.SetAccessNeeds(needs ?? [], null, null, now);
                await db.SaveChangesAsync();
            }
            return profile.Id;
        });
        return new Person(client, profileId, email);
    }

    /// <summary>An open activity of the test's own, as an organiser would set it up.</summary>
    private Task<int> CreateOpenActivityAsync(string title, LivedExperienceArea[]? sought = null, ActivityMode mode = ActivityMode.Online, int places = 4, int inDays = 30) =>
        WithDbAsync(async db =>
        {
            var project = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => new { p.Id, p.OwnerId }).FirstAsync();
            var now = DateTime.UtcNow;
            var today = UkTime.Today(TimeProvider.System);
            var activity = new Activity(project.Id, title, ActivityType.Workshop, "A test activity.",
                new ActivitySchedule(today.AddDays(inDays), new TimeOnly(10, 0), new TimeOnly(12, 30), today.AddDays(inDays - 3)),
                new ActivityPlace(mode, mode == ActivityMode.Online ? null : "Town Hall, Room 1", "Step-free entrance.", Joining),
                places, sought ?? [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, project.OwnerId, now);
            activity.MoveTo(ActivityStatus.Open, now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });

    /// <summary>What an organiser does: through the same service, so that the rules apply.</summary>
    private async Task OrganiserAsync(int activityId, int profileId, Func<ActivityService, int, Task> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ActivityService>();
        var signUpId = await WithDbAsync(db => db.SignUps.Where(s => s.ActivityId == activityId && s.ExpertProfileId == profileId).Select(s => s.Id).SingleAsync());
        await change(service, signUpId);
    }

    private Task<SignUp?> SignUpOfAsync(int activityId, int profileId) =>
        WithDbAsync(db => db.SignUps.AsNoTracking().SingleOrDefaultAsync(s => s.ActivityId == activityId && s.ExpertProfileId == profileId));

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, int activityId, string whatWouldHelp) =>
        client.SubmitFormAsync($"/activities/{activityId}", $"/activities/{activityId}/sign-up", [new("WhatWouldHelp", whatWouldHelp)]);

    /// <summary>Posts to an action whose form is not on the page (as a forged or stale request would), with a valid token.</summary>
    private static async Task<HttpResponseMessage> PostAnywayAsync(HttpClient client, string pageUrl, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".app-activity h2 a").Select(a => a.TextContent.Trim()).ToList();

    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? string.Empty;

    private static string Success(IHtmlDocument page) => page.QuerySelector(".govuk-notification-banner--success")?.TextContent ?? string.Empty;

    [Fact]
    public async Task Index_AsExpert_ListsOpenActivitiesSoonestFirstWithoutDrafts()
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);

        var page = await client.GetPageAsync("/activities");

        var titles = Titles(page);
        var workshop = titles.IndexOf("What makes a good break for carers?");
        var panel = titles.IndexOf("Short breaks: co-write a tender question");
        Assert.True(workshop >= 0 && panel > workshop, string.Join(" | ", titles));
        Assert.DoesNotContain("Short breaks: learning walk at Oak Lodge", titles);
        var card = page.QuerySelectorAll(".app-activity")[workshop].TextContent;
        Assert.Matches(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}, 10am to 12:30pm", card);
        Assert.Contains("In person", card, StringComparison.Ordinal);
        Assert.Contains("Paid", card, StringComparison.Ordinal);
        Assert.Contains("8 places left", card, StringComparison.Ordinal);
        Assert.DoesNotContain("You asked for a place", card, StringComparison.Ordinal); // Maya's sign-up, not Jo's

        var draftId = await WithDbAsync(db => db.Activities.Where(a => a.Status == ActivityStatus.Draft).Select(a => a.Id).FirstAsync());
        var draft = await client.GetAsync(new Uri($"/activities/{draftId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task Index_OnlyMyExperience_HidesActivitiesLookingForOtherExperience()
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience); // Jo: carer, mental health
        await CreateOpenActivityAsync("Listening session for survivors", [LivedExperienceArea.DomesticAbuse]);

        var everything = Titles(await client.GetPageAsync("/activities"));
        var mine = Titles(await client.GetPageAsync("/activities?Experience=mine"));

        Assert.Contains("Listening session for survivors", everything);
        Assert.DoesNotContain("Listening session for survivors", mine);
        Assert.Contains("What makes a good break for carers?", mine);
    }

    [Fact]
    public async Task Index_ModeAndFromDate_Filter()
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);
        var panelDate = await WithDbAsync(db => db.Activities.Where(a => a.Title == "Short breaks: co-write a tender question").Select(a => a.Date).SingleAsync());

        var online = Titles(await client.GetPageAsync("/activities?Mode=Online"));
        var fromPanel = Titles(await client.GetPageAsync($"/activities?From.Day={panelDate.Day}&From.Month={panelDate.Month}&From.Year={panelDate.Year}"));
        var badDate = await client.GetAsync(new Uri("/activities?From.Day=31&From.Month=2&From.Year=2027", UriKind.Relative));

        Assert.Contains("Short breaks: co-write a tender question", online);
        Assert.DoesNotContain("What makes a good break for carers?", online);
        Assert.Contains("Short breaks: co-write a tender question", fromPanel);
        Assert.DoesNotContain("What makes a good break for carers?", fromPanel);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(["#From The date must be a real date, like 8 12 2026"], (await badDate.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task SignUp_WithConsent_SavesRequestWithTheirWords()
    {
        using var person = await RegisterAsync(needs: [AccessNeed.QuietSpace, AccessNeed.EasyRead]);
        var id = await CreateOpenActivityAsync("Sign-up test");

        var form = await person.Client.GetPageAsync($"/activities/{id}");
        var response = await SignUpAsync(person.Client, id, "  A lift from the station  ");

        Assert.Contains("For example, easy read papers or a quiet space.", form.QuerySelector("#WhatWouldHelp-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/activities/{id}", response.Location());
        var signUp = await SignUpOfAsync(id, person.ProfileId);
        Assert.Equal(SignUpStatus.Requested, signUp!.Status);
        Assert.Equal("A lift from the station", signUp.WhatWouldHelp);
        var page = await person.Client.GetPageAsync($"/activities/{id}");
        Assert.Contains("You have signed up. We will email you when the organiser has decided.", Success(page), StringComparison.Ordinal);
        Assert.Contains("You asked for a place", page.QuerySelector(".app-my-sign-up")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"form[action='/activities/{id}/sign-up']"));
        var involvement = await person.Client.GetPageAsync("/my-involvement");
        Assert.NotNull(involvement.QuerySelector($"#activities-requested a[href='/activities/{id}']"));
    }

    [Fact]
    public async Task SignUp_Twice_IsRefusedWithAMessage()
    {
        using var person = await RegisterAsync();
        var id = await CreateOpenActivityAsync("Twice test");
        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync(person.Client, id, "First")).StatusCode);

        var again = await PostAnywayAsync(person.Client, $"/activities/{id}", $"/activities/{id}/sign-up", [new("WhatWouldHelp", "Second")]);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("You have already signed up for this activity.", ErrorSummary(await again.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal("First", (await SignUpOfAsync(id, person.ProfileId))!.WhatWouldHelp);
    }

    [Fact]
    public async Task Withdraw_AfterSigningUp_WithdrawsAndLetsThemSignUpAgain()
    {
        using var person = await RegisterAsync();
        var id = await CreateOpenActivityAsync("Withdraw test");
        await SignUpAsync(person.Client, id, string.Empty);

        var response = await person.Client.SubmitFormAsync($"/activities/{id}", $"/activities/{id}/withdraw", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SignUpStatus.Withdrawn, (await SignUpOfAsync(id, person.ProfileId))!.Status);
        var page = await person.Client.GetPageAsync($"/activities/{id}");
        Assert.Contains("You have withdrawn from this activity.", Success(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[action='/activities/{id}/sign-up']"));
        Assert.Null(page.QuerySelector($"form[action='/activities/{id}/withdraw']"));
    }

    [Fact]
    public async Task AcceptOffer_FromWaitingList_ConfirmsPlaceAndEmailsInvite()
    {
        using var person = await RegisterAsync();
        var id = await CreateOpenActivityAsync("Offer test", places: 1);
        await SignUpAsync(person.Client, id, string.Empty);
        await OrganiserAsync(id, person.ProfileId, (service, signUpId) => service.WaitListAsync(id, signUpId, "organiser", default));
        await OrganiserAsync(id, person.ProfileId, (service, signUpId) => service.OfferAsync(id, signUpId, "organiser", default));

        var involvement = await person.Client.GetPageAsync("/my-involvement");
        var offered = await person.Client.GetPageAsync($"/activities/{id}");
        var response = await person.Client.SubmitFormAsync($"/activities/{id}", $"/activities/{id}/accept-offer", []);

        Assert.NotNull(involvement.QuerySelector($"#activities-offered a[href='/activities/{id}#accept']"));
        Assert.Contains("Place offered to you", offered.QuerySelector(".app-my-sign-up")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signUp = await SignUpOfAsync(id, person.ProfileId);
        Assert.Equal(SignUpStatus.Confirmed, signUp!.Status);
        var page = await person.Client.GetPageAsync($"/activities/{id}");
        Assert.Contains("Your place is confirmed.", Success(page), StringComparison.Ordinal);
        Assert.Contains(Joining, page.QuerySelector(".app-joining-instructions")!.TextContent, StringComparison.Ordinal);
        await portal.SendQueuedEmailsAsync();
        var email = Directory.GetFiles(portal.MailFolder, "*.eml").Select(path => MimeMessage.Load(path))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == person.Email) && m.Subject?.StartsWith("Your place", StringComparison.Ordinal) == true);
        Assert.Equal("Your place is confirmed: Offer test", email.Subject);
        Assert.Contains(email.Attachments, a => a.ContentType.MimeType == "text/calendar");
        var afterwards = await person.Client.GetPageAsync("/my-involvement");
        Assert.NotNull(afterwards.QuerySelector($"#activities-confirmed a[href='/activities/{id}']"));
    }

    [Fact]
    public async Task AcceptOffer_WithNoOffer_IsRefusedWithAMessage()
    {
        using var person = await RegisterAsync();
        var id = await CreateOpenActivityAsync("No offer test");
        await SignUpAsync(person.Client, id, string.Empty);

        var response = await PostAnywayAsync(person.Client, $"/activities/{id}", $"/activities/{id}/accept-offer", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is no place offered to you on this activity.", ErrorSummary(await response.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Requested, (await SignUpOfAsync(id, person.ProfileId))!.Status);
    }

    [Fact]
    public async Task JoiningInstructions_AreShownOnlyOnceThePlaceIsConfirmed()
    {
        using var person = await RegisterAsync();
        using var other = await RegisterAsync();
        var id = await CreateOpenActivityAsync("Joining test", mode: ActivityMode.Hybrid);
        await SignUpAsync(person.Client, id, string.Empty);

        var requested = await person.Client.GetAsync(new Uri($"/activities/{id}", UriKind.Relative));
        var requestedHtml = await requested.Content.ReadAsStringAsync();
        await OrganiserAsync(id, person.ProfileId, (service, signUpId) => service.ConfirmAsync(id, signUpId, "organiser", default));
        var confirmed = await person.Client.GetPageAsync($"/activities/{id}");
        var someoneElse = await other.Client.GetAsync(new Uri($"/activities/{id}", UriKind.Relative));

        Assert.DoesNotContain("meet.example.org", requestedHtml, StringComparison.Ordinal);
        Assert.Contains("Town Hall, Room 1", requestedHtml, StringComparison.Ordinal); // the venue and access are for everyone
        Assert.Contains("Step-free entrance.", requestedHtml, StringComparison.Ordinal);
        Assert.Contains(Joining, confirmed.QuerySelector(".app-joining-instructions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Place confirmed", confirmed.QuerySelector(".app-my-sign-up")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.org", await someoneElse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_WithoutConsent_IsRefusedAndAsksForConsent()
    {
        using var person = await RegisterAsync(consent: false);
        var id = await CreateOpenActivityAsync("Consent test");

        var list = await person.Client.GetPageAsync("/activities");
        var page = await person.Client.GetPageAsync($"/activities/{id}");
        var response = await PostAnywayAsync(person.Client, $"/activities/{id}", $"/activities/{id}/sign-up", [new("WhatWouldHelp", "Nothing")]);

        Assert.Contains("Consent test", Titles(list));
        Assert.Null(page.QuerySelector($"form[action='/activities/{id}/sign-up']"));
        Assert.NotNull(page.QuerySelector(".app-consent-needed a[href='/profile/consent']"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("You need to give your consent before you can sign up", ErrorSummary(await response.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Null(await SignUpOfAsync(id, person.ProfileId));
    }

    [Fact]
    public async Task WithdrawAndAccept_ForSomeoneElsesSignUp_ChangeNothing()
    {
        using var owner = await RegisterAsync();
        using var intruder = await RegisterAsync();
        var id = await CreateOpenActivityAsync("Someone else's place", places: 2);
        await SignUpAsync(owner.Client, id, "Mine");
        await OrganiserAsync(id, owner.ProfileId, (service, signUpId) => service.WaitListAsync(id, signUpId, "organiser", default));
        await OrganiserAsync(id, owner.ProfileId, (service, signUpId) => service.OfferAsync(id, signUpId, "organiser", default));
        var ownersSignUp = (await SignUpOfAsync(id, owner.ProfileId))!;
        List<KeyValuePair<string, string>> forged =
        [
            new("SignUpId", ownersSignUp.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ExpertProfileId", owner.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];

        var accept = await PostAnywayAsync(intruder.Client, $"/activities/{id}", $"/activities/{id}/accept-offer", forged);
        var withdraw = await PostAnywayAsync(intruder.Client, $"/activities/{id}", $"/activities/{id}/withdraw", forged);
        var signUp = await PostAnywayAsync(intruder.Client, $"/activities/{id}", $"/activities/{id}/sign-up", [.. forged, new("WhatWouldHelp", "Theirs")]);

        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        var owners = (await SignUpOfAsync(id, owner.ProfileId))!;
        Assert.Equal(SignUpStatus.Offered, owners.Status);
        Assert.Equal("Mine", owners.WhatWouldHelp);
        var intruders = (await SignUpOfAsync(id, intruder.ProfileId))!;
        Assert.Equal(SignUpStatus.Requested, intruders.Status); // the forged ids made their own sign-up, nobody else's
        Assert.Equal("Theirs", intruders.WhatWouldHelp);
    }

    [Fact]
    public async Task Withdraw_AsJoOnMayasActivity_LeavesMayasSignUpAlone()
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        var (activityId, maya) = await WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.Join(db.Users.Where(u => u.Email == "maya.khan@example.org"), p => p.UserId, u => u.Id, (p, u) => p).SingleAsync();
            var workshop = await db.Activities.Where(a => a.Title == "What makes a good break for carers?").Select(a => a.Id).SingleAsync();
            return (workshop, profile.Id);
        });
        var before = (await SignUpOfAsync(activityId, maya))!;

        var response = await PostAnywayAsync(jo, $"/activities/{activityId}", $"/activities/{activityId}/withdraw",
            [new("SignUpId", before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("You have not signed up for this activity.", ErrorSummary(await response.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(before.Status, (await SignUpOfAsync(activityId, maya))!.Status);
    }

    [Theory]
    [InlineData(Roles.Commissioner)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task Index_AsStaff_IsDenied(string role)
    {
        var client = await portal.ClientForAsync(role);

        var response = await client.GetAsync(new Uri("/activities", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Location(), StringComparison.Ordinal);
    }
}
