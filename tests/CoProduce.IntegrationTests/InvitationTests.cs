using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// An organiser invites someone from the roster; the person answers on their involvement page.
/// Each test registers its own people and plans its own activity, so that none depends on another.
/// </summary>
public sealed class InvitationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string TheirWords = "A hearing loop, and my assistance dog Biscuit";

    private sealed record Person(HttpClient Client, int ProfileId, string Email, string Name) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>Registers a new person through the real pages, then records consent as their profile page would.</summary>
    private async Task<Person> RegisterAsync(bool withEmail = true)
    {
        var client = portal.CreatePortalClient();
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var name = $"Person {Guid.NewGuid():N}"[..15];
        var response = await client.RegisterAsync(portal, name, email, "a long enough password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profileId = await WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == email);
            var now = DateTime.UtcNow;
            profile.GiveConsent("2026-11", now);
            profile.SetLivedExperience([LivedExperienceArea.Carer], null, now);
            profile.SetAccessNeeds([AccessNeed.HearingLoop], null, null, now);
            if (!withEmail)
            {
                profile.SetContact(name, null, "07700 900123", ContactMethod.TextMessage, now);
            }
            await db.SaveChangesAsync();
            return profile.Id;
        });
        return new Person(client, profileId, email, name);
    }

    private Task<int> OpenActivityAsync(string title) =>
        WithDbAsync(async db =>
        {
            var project = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => new { p.Id, p.OwnerId }).FirstAsync();
            var now = DateTime.UtcNow;
            var today = UkTime.Today(TimeProvider.System);
            var activity = new Activity(project.Id, title, ActivityType.Workshop, "A test activity.",
                new ActivitySchedule(today.AddDays(30), new TimeOnly(10, 0), new TimeOnly(12, 30), today.AddDays(27)),
                new ActivityPlace(ActivityMode.InPerson, "Town Hall, Room 1", "Step-free entrance.", null),
                4, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, project.OwnerId, now);
            activity.MoveTo(ActivityStatus.Open, now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });

    private Task<string> OrganiserIdAsync() =>
        WithDbAsync(db => db.Users.Where(u => u.Email == "commissioner@example.org").Select(u => u.Id).SingleAsync());

    /// <summary>What an organiser does, through the same service as their page.</summary>
    private async Task<T> AsOrganiserAsync<T>(Func<ActivityService, string, Task<T>> change)
    {
        var organiser = await OrganiserIdAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<ActivityService>(), organiser);
    }

    private Task<PersonTold> InviteAsync(int activityId, Person person) =>
        AsOrganiserAsync((service, organiser) => service.InviteAsync(activityId, person.ProfileId, organiser, default));

    private Task<SignUp?> SignUpOfAsync(int activityId, int profileId) =>
        WithDbAsync(db => db.SignUps.AsNoTracking().SingleOrDefaultAsync(s => s.ActivityId == activityId && s.ExpertProfileId == profileId));

    private Task<List<AuditEntry>> AuditOfAsync(int signUpId, string action) =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == AuditSubjectType.SignUp && e.SubjectId == signUpId.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == action)
            .ToListAsync());

    private static Task<HttpResponseMessage> AcceptAsync(Person person, int activityId, string whatWouldHelp) =>
        person.Client.SubmitFormAsync("/my-involvement", $"/my-involvement/invitations/{activityId}/accept", [new("WhatWouldHelp", whatWouldHelp)]);

    private static Task<HttpResponseMessage> DeclineAsync(Person person, int activityId) =>
        person.Client.SubmitFormAsync("/my-involvement", $"/my-involvement/invitations/{activityId}/decline", []);

    /// <summary>Posts as a forged or stale request would: a valid token, but a form the page does not show.</summary>
    private static async Task<HttpResponseMessage> PostAnywayAsync(HttpClient client, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = (await client.GetPageAsync("/my-involvement")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? string.Empty;

    private static string Success(IHtmlDocument page) => page.QuerySelector(".govuk-notification-banner--success")?.TextContent ?? string.Empty;

    private static void AssertHoldsNoneOf(AuditEntry entry, params string[] words)
    {
        foreach (var text in new[] { entry.Summary, entry.Before ?? string.Empty, entry.After ?? string.Empty })
        {
            foreach (var word in words)
            {
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Invite_EmailsALinkToTheInvolvementPage_WhereTheInvitationIsListedFirst()
    {
        using var person = await RegisterAsync();
        var id = await OpenActivityAsync("Invitation shown test");
        // Something else of theirs, so that the invitation has to come first.
        var other = await OpenActivityAsync("Already asked for");
        Assert.Equal(HttpStatusCode.Redirect, (await person.Client.SubmitFormAsync($"/activities/{other}", $"/activities/{other}/sign-up", [new("WhatWouldHelp", "")])).StatusCode);

        await InviteAsync(id, person);
        await portal.SendQueuedEmailsAsync();

        var email = Assert.Single(Mailbox.To(portal.MailFolder, person.Email), m => m.Subject == "You are invited: Invitation shown test");
        Assert.Contains("Town Hall, Room 1", email.TextBody, StringComparison.Ordinal);
        var links = Regex.Matches(email.TextBody ?? string.Empty, @"https?://\S+").Select(m => new Uri(m.Value).AbsolutePath).ToList();
        // Where to answer, and how the council pays.
        Assert.Equal(["/how-we-pay", "/my-involvement"], links);

        var page = await person.Client.GetPageAsync("/my-involvement");
        var groups = page.QuerySelectorAll(".app-my-activities").Select(s => s.Id).ToList();
        Assert.Equal(["activities-invited", "activities-requested"], groups);
        Assert.Equal("You are invited", page.QuerySelector("#heading-invited")!.TextContent.Trim());
        var invitation = page.QuerySelector($"#activities-invited #invitation-{id}")!.TextContent;
        Assert.Contains("Invitation shown test", invitation, StringComparison.Ordinal);
        Assert.Matches(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}, 10am to 12:30pm", invitation);
        Assert.Contains("Town Hall, Room 1", invitation, StringComparison.Ordinal);
        Assert.Contains("Paid", invitation, StringComparison.Ordinal);
        Assert.Contains("Yes, I would like to take part", invitation, StringComparison.Ordinal);
        Assert.Contains("No, thank you", invitation, StringComparison.Ordinal);
        Assert.Contains("a hearing loop", page.QuerySelector($"#WhatWouldHelp-{id}-hint")!.TextContent, StringComparison.Ordinal);

        // No form says whose invitation it is: only the activity in the address and what would help.
        foreach (var answer in new[] { "accept", "decline" })
        {
            var form = page.QuerySelector($"form[action='/my-involvement/invitations/{id}/{answer}']")!;
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
            var names = form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")).ToHashSet();
            Assert.Subset(new HashSet<string?> { "__RequestVerificationToken", "__SubmissionToken", "WhatWouldHelp" }, names);
        }
    }

    [Fact]
    public async Task ActivityPage_ForAnInvitedPerson_SaysSoAndLinksToTheirInvolvementPage()
    {
        using var person = await RegisterAsync();
        var id = await OpenActivityAsync("Invited activity page test");
        await InviteAsync(id, person);

        var page = await person.Client.GetPageAsync($"/activities/{id}");
        var list = await person.Client.GetPageAsync("/activities");

        var mine = page.QuerySelector(".app-my-sign-up")!;
        Assert.Contains("You are invited", mine.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mine.QuerySelector($"a[href='/my-involvement#invitation-{id}']"));
        Assert.Null(page.QuerySelector($"form[action='/activities/{id}/sign-up']"));
        Assert.Null(page.QuerySelector($"form[action='/activities/{id}/withdraw']"));
        Assert.Contains("You are invited", list.QuerySelector($"#activity-{id}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_MakesTheirRequest_WithOneAuditEntryThatHoldsNoneOfTheirWords()
    {
        using var person = await RegisterAsync();
        var id = await OpenActivityAsync("Invitation accepted test");
        await InviteAsync(id, person);

        var response = await AcceptAsync(person, id, $"  {TheirWords}  ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my-involvement", response.Location());
        var signUp = (await SignUpOfAsync(id, person.ProfileId))!;
        Assert.Equal(SignUpStatus.Requested, signUp.Status);
        Assert.Equal(TheirWords, signUp.WhatWouldHelp);
        var entry = Assert.Single(await AuditOfAsync(signUp.Id, AuditActions.InvitationAnswered));
        Assert.Equal(nameof(SignUpStatus.Invited), entry.Before);
        Assert.Equal(nameof(SignUpStatus.Requested), entry.After);
        AssertHoldsNoneOf(entry, "hearing", "Biscuit", person.Name);
        var page = await person.Client.GetPageAsync("/my-involvement");
        Assert.Contains("Thank you. You have said yes. The organiser will confirm your place and we will email you.", Success(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#activities-invited"));
        Assert.NotNull(page.QuerySelector($"#activities-requested a[href='/activities/{id}']"));
    }

    [Fact]
    public async Task Decline_WithdrawsTheInvitation_WithOneAuditEntry()
    {
        using var person = await RegisterAsync();
        using var other = await RegisterAsync();
        var id = await OpenActivityAsync("Invitation declined test");
        await InviteAsync(id, person);
        await InviteAsync(id, other);

        var response = await DeclineAsync(person, id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my-involvement", response.Location());
        var signUp = (await SignUpOfAsync(id, person.ProfileId))!;
        Assert.Equal(SignUpStatus.Withdrawn, signUp.Status);
        Assert.Equal(SignUpStatus.Invited, (await SignUpOfAsync(id, other.ProfileId))!.Status);
        var entry = Assert.Single(await AuditOfAsync(signUp.Id, AuditActions.InvitationAnswered));
        Assert.Equal((nameof(SignUpStatus.Invited), nameof(SignUpStatus.Withdrawn)), (entry.Before, entry.After));
        AssertHoldsNoneOf(entry, person.Name);
        var page = await person.Client.GetPageAsync("/my-involvement");
        Assert.Contains("Thank you for letting us know.", Success(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#invitation-{id}"));
        Assert.Null(page.QuerySelector($"a[href='/activities/{id}']"));
    }

    [Fact]
    public async Task Invite_PersonWithNoEmailAddress_IsNotEmailedButIsOnTheOrganisersRingOrTextList()
    {
        using var person = await RegisterAsync(withEmail: false);
        var id = await OpenActivityAsync("Invitation by phone test");

        await InviteAsync(id, person);
        await portal.SendQueuedEmailsAsync();

        var messages = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ActivityId == id && m.ExpertProfileId == person.ProfileId).ToListAsync());
        var message = Assert.Single(messages);
        Assert.Equal((OutboxStatus.NoEmailAddress, (string?)null), (message.Status, message.To));
        Assert.DoesNotContain(Mailbox.To(portal.MailFolder, person.Email), m => m.Subject?.Contains("Invitation by phone test", StringComparison.Ordinal) == true);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var page = await organiser.GetPageAsync($"/manage/activities/{id}");
        var row = page.QuerySelector($"#ring-or-text-{message.Id}")!.TextContent;
        Assert.Contains(person.Name, row, StringComparison.Ordinal);
        Assert.Contains("07700 900123", row, StringComparison.Ordinal);
        Assert.Contains("You are invited: Invitation by phone test", row, StringComparison.Ordinal);
        // They can still answer when they sign in.
        Assert.NotNull((await person.Client.GetPageAsync("/my-involvement")).QuerySelector($"#invitation-{id}"));
    }

    [Fact]
    public async Task Answer_SomeoneElsesInvitation_ChangesNothing()
    {
        using var owner = await RegisterAsync();
        using var intruder = await RegisterAsync();
        var id = await OpenActivityAsync("Someone else's invitation test");
        await InviteAsync(id, owner);
        var ownersSignUp = (await SignUpOfAsync(id, owner.ProfileId))!;
        List<KeyValuePair<string, string>> forged =
        [
            new("SignUpId", ownersSignUp.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ExpertProfileId", owner.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("WhatWouldHelp", "Theirs"),
        ];

        var accept = await PostAnywayAsync(intruder.Client, $"/my-involvement/invitations/{id}/accept", forged);
        var decline = await PostAnywayAsync(intruder.Client, $"/my-involvement/invitations/{id}/decline", forged);

        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.Contains("There is no invitation to answer on this activity.", ErrorSummary(await accept.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, decline.StatusCode);
        Assert.Contains("There is no invitation to answer on this activity.", ErrorSummary(await decline.ReadPageAsync()), StringComparison.Ordinal);
        var owners = (await SignUpOfAsync(id, owner.ProfileId))!;
        Assert.Equal((SignUpStatus.Invited, string.Empty), (owners.Status, owners.WhatWouldHelp));
        Assert.Null(await SignUpOfAsync(id, intruder.ProfileId));
        Assert.Empty(await AuditOfAsync(ownersSignUp.Id, AuditActions.InvitationAnswered));
    }

    [Fact]
    public async Task Accept_OnceTheActivityIsCancelled_ShowsAnErrorSummary()
    {
        using var person = await RegisterAsync();
        var id = await OpenActivityAsync("Invitation to a cancelled activity test");
        await InviteAsync(id, person);
        await AsOrganiserAsync((service, organiser) => service.MoveAsync(id, ActivityStatus.Cancelled, organiser, default));

        var response = await PostAnywayAsync(person.Client, $"/my-involvement/invitations/{id}/accept", [new("WhatWouldHelp", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("An invitation cannot be accepted once the activity is over.", ErrorSummary(page), StringComparison.Ordinal);
        // An invitation that can no longer be answered is not shown as something to do.
        Assert.Null(page.QuerySelector($"#invitation-{id}"));
        Assert.Equal(SignUpStatus.Invited, (await SignUpOfAsync(id, person.ProfileId))!.Status);
    }

    [Fact]
    public async Task Accept_AfterWithdrawingConsent_AsksForConsentButDecliningStillWorks()
    {
        using var person = await RegisterAsync();
        var id = await OpenActivityAsync("Invitation without consent test");
        await InviteAsync(id, person);
        await WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == person.ProfileId);
            profile.WithdrawConsent(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var page = await person.Client.GetPageAsync("/my-involvement");
        var accept = await PostAnywayAsync(person.Client, $"/my-involvement/invitations/{id}/accept", [new("WhatWouldHelp", "")]);
        var decline = await DeclineAsync(person, id);

        Assert.Null(page.QuerySelector($"form[action='/my-involvement/invitations/{id}/accept']"));
        Assert.NotNull(page.QuerySelector($"#invitation-{id} .app-consent-needed a[href='/profile/consent']"));
        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.Contains("You need to give your consent before you can say yes", ErrorSummary(await accept.ReadPageAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, decline.StatusCode);
        Assert.Equal(SignUpStatus.Withdrawn, (await SignUpOfAsync(id, person.ProfileId))!.Status);
    }

    [Fact]
    public async Task Accept_WithTooMuchText_ShowsTheMessageNextToThatInvitationsBox()
    {
        using var person = await RegisterAsync();
        var id = await OpenActivityAsync("Invitation with too much text test");
        var other = await OpenActivityAsync("Another invitation test");
        await InviteAsync(id, person);
        await InviteAsync(other, person);

        var response = await AcceptAsync(person, id, new string('x', Activity.TextMaxLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal([$"#WhatWouldHelp-{id} What would help you take part must be 2,000 characters or fewer"], page.ErrorSummaryLinks());
        Assert.NotNull(page.QuerySelector($"#WhatWouldHelp-{id}-error"));
        Assert.Null(page.QuerySelector($"#WhatWouldHelp-{other}-error"));
        Assert.Equal(Activity.TextMaxLength + 1, page.QuerySelector($"#WhatWouldHelp-{id}")!.TextContent.Length);
        Assert.Equal(SignUpStatus.Invited, (await SignUpOfAsync(id, person.ProfileId))!.Status);
    }

    [Fact]
    public async Task RequestPlaceAndWithdraw_FromTheActivityPage_AreEachAuditedOnceOnTheSignUp()
    {
        using var person = await RegisterAsync();
        var id = await OpenActivityAsync("Audited sign-up test");

        var signedUp = await person.Client.SubmitFormAsync($"/activities/{id}", $"/activities/{id}/sign-up", [new("WhatWouldHelp", TheirWords)]);
        var withdrew = await person.Client.SubmitFormAsync($"/activities/{id}", $"/activities/{id}/withdraw", []);

        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrew.StatusCode);
        var signUp = (await SignUpOfAsync(id, person.ProfileId))!;
        var requested = Assert.Single(await AuditOfAsync(signUp.Id, AuditActions.PlaceRequested));
        var withdrawn = Assert.Single(await AuditOfAsync(signUp.Id, AuditActions.PlaceWithdrawn));
        Assert.Equal(((string?)null, nameof(SignUpStatus.Requested)), (requested.Before, requested.After));
        Assert.Equal((nameof(SignUpStatus.Requested), nameof(SignUpStatus.Withdrawn)), (withdrawn.Before, withdrawn.After));
        var me = await WithDbAsync(db => db.ExpertProfiles.Where(p => p.Id == person.ProfileId).Select(p => p.UserId).SingleAsync());
        Assert.All(new[] { requested, withdrawn }, entry =>
        {
            Assert.Equal(me, entry.ByUserId);
            AssertHoldsNoneOf(entry, "hearing", "Biscuit", person.Name);
        });
    }
}
