using System.Net;
using System.Text.Json;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Profile;
using CoProduce.Web.Features.Public;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

public sealed class ProfileTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Passphrase = "a long enough password";
    private const string Workshop = "What makes a good break for carers?";

    /// <summary>A newly registered expert by experience, signed in on their own client.</summary>
    private sealed class Person(HttpClient client, string userId, string email) : IDisposable
    {
        public HttpClient Client { get; } = client;
        public string UserId { get; } = userId;
        public string Email { get; } = email;

        public void Dispose() => Client.Dispose();
    }

    private async Task<Person> RegisterAsync(string name)
    {
        var client = portal.CreatePortalClient();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var response = await client.RegisterAsync(portal, name, email, Passphrase);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Location());
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new Person(client, userId, email);
    }

    private async Task<ExpertProfile> ProfileOfAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.UserId == userId);
    }

    private async Task<CoProduceUser> UserAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
    }

    private async Task SignUpForWorkshopAsync(string userId, string whatWouldHelp)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var profileId = await db.ExpertProfiles.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
        var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Title == Workshop);
        activity.RequestPlace(profileId, true, whatWouldHelp, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    private static async Task GiveConsentAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync("/profile/consent", "/profile/consent", [new("Agree", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Location());
    }

    private static Task<HttpResponseMessage> SaveLivedExperienceAsync(HttpClient client, params string[] areas) =>
        client.SubmitFormAsync("/profile/lived-experience", "/profile/lived-experience",
            areas.Select(a => new KeyValuePair<string, string>("Areas", a)).Append(new("Other", "Leaving care")));

    private static Task<HttpResponseMessage> SaveAccessNeedsAsync(HttpClient client, string language, params string[] needs) =>
        client.SubmitFormAsync("/profile/access-needs", "/profile/access-needs",
            needs.Select(n => new KeyValuePair<string, string>("Needs", n)).Append(new("Language", language)).Append(new("Other", string.Empty)));

    [Fact]
    public async Task Index_NewPerson_ShowsConsentAsTheFirstStepAndNamedChangeLinks()
    {
        using var person = await RegisterAsync("Ash Kerr");

        var page = await person.Client.GetPageAsync("/profile");

        Assert.Equal("Your profile", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Your account is ready", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var firstStep = page.QuerySelector("#consent-first-step")!;
        Assert.Contains("Before you tell us about yourself", firstStep.TextContent, StringComparison.Ordinal);
        Assert.Equal("/profile/consent", firstStep.QuerySelector("a")!.GetAttribute("href"));
        var changeLinks = page.QuerySelectorAll(".govuk-summary-list__actions a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Change name you like to be called", changeLinks);
        Assert.Contains("Change how you would like to be paid", changeLinks);
        Assert.All(changeLinks, text => Assert.NotEqual("Change", text));
        Assert.Contains("Ash Kerr", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You have not agreed yet", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_DemoExpert_ShowsTheirOwnProfile()
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);

        var page = await client.GetPageAsync("/profile");

        var text = page.Body!.TextContent;
        Assert.Contains("Jo", text, StringComparison.Ordinal);
        Assert.Contains("Caring for someone (carer), Mental health", text, StringComparison.Ordinal);
        Assert.Contains("Easy read documents, A quiet space", text, StringComparison.Ordinal);
        Assert.Contains("You agreed on", text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#consent-first-step"));
    }

    [Fact]
    public async Task Involvement_LinksToProfile()
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);

        var page = await client.GetPageAsync("/my-involvement");

        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/profile" && a.TextContent.Trim() == "Your profile");
    }

    [Fact]
    public async Task Consent_NotTicked_AsksAgainWithGovUkError()
    {
        using var person = await RegisterAsync("Bea Lund");

        var response = await person.Client.SubmitFormAsync("/profile/consent", "/profile/consent", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#Agree " + ConsentFormValidator.NotTickedMessage], page.ErrorSummaryLinks());
        Assert.Empty((await ProfileOfAsync(person.UserId)).ConsentHistory);
    }

    [Fact]
    public async Task Consent_Ticked_RecordsPrivacyNoticeVersionAndTime()
    {
        using var person = await RegisterAsync("Cal Moss");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var page = await person.Client.GetPageAsync("/profile/consent");
        Assert.Contains("Finance staff who pay you never see them", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(PrivacyNotice.Version, page.Body.TextContent, StringComparison.Ordinal);
        await GiveConsentAsync(person.Client);

        var profile = await ProfileOfAsync(person.UserId);
        Assert.True(profile.HasConsent);
        var given = Assert.Single(profile.ConsentHistory);
        Assert.Equal((ConsentChange.Given, PrivacyNotice.Version), (given.Change, given.PrivacyNoticeVersion));
        Assert.InRange(given.AtUtc, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(DateTimeKind.Utc, given.AtUtc.Kind);
        var after = await person.Client.GetPageAsync("/profile/consent");
        Assert.Contains("Withdraw consent", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_GivenAgainAfterWithdrawing_KeepsEveryEventAndShowsThemInTheDownload()
    {
        using var person = await RegisterAsync("Rae Tull");
        await GiveConsentAsync(person.Client);
        await person.Client.SubmitFormAsync("/profile/consent/withdraw", "/profile/consent/withdraw", []);
        await GiveConsentAsync(person.Client);

        var profile = await ProfileOfAsync(person.UserId);
        Assert.True(profile.HasConsent);
        Assert.Equal(
            [(1, ConsentChange.Given, PrivacyNotice.Version), (2, ConsentChange.Withdrawn, null), (3, ConsentChange.Given, PrivacyNotice.Version)],
            profile.ConsentHistory.Select(e => (e.Number, e.Change, e.PrivacyNoticeVersion)));
        Assert.True(profile.ConsentHistory[0].AtUtc <= profile.ConsentHistory[1].AtUtc && profile.ConsentHistory[1].AtUtc <= profile.ConsentHistory[2].AtUtc);

        using var json = JsonDocument.Parse(await person.Client.GetStringAsync(new Uri("/profile/your-data.json", UriKind.Relative)));
        var history = json.RootElement.GetProperty("profile").GetProperty("consent").GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["You agreed", "You withdrew your agreement", "You agreed"], history.Select(e => e.GetProperty("change").GetString()));
        Assert.Equal(profile.ConsentHistory.Select(e => e.AtUtc), history.Select(e => e.GetProperty("atUtc").GetDateTime().ToUniversalTime()));
        var page = await person.Client.GetPageAsync("/profile/your-data");
        var rows = page.QuerySelectorAll("#consent-history .govuk-summary-list__value").Select(v => v.TextContent.Trim()).ToList();
        Assert.Equal(
            [$"You agreed, to privacy notice version {PrivacyNotice.Version}", "You withdrew your agreement", $"You agreed, to privacy notice version {PrivacyNotice.Version}"],
            rows);
    }

    [Fact]
    public async Task Privacy_ShowsNoticeVersion()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);

        var page = await client.GetPageAsync("/privacy");

        Assert.Contains("Version " + PrivacyNotice.Version, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/profile/lived-experience")]
    [InlineData("/profile/access-needs")]
    public async Task SpecialCategoryPages_WithoutConsent_SendPersonToConsentFirst(string url)
    {
        using var person = await RegisterAsync("Dee Rao");

        var get = await person.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal("/profile/consent", get.Location());
        var consent = await person.Client.GetPageAsync("/profile/consent");
        Assert.Contains("we need you to agree", consent.QuerySelector(".govuk-notification-banner:not(.govuk-notification-banner--success)")!.TextContent, StringComparison.Ordinal);

        // A form posted without consent (an old tab, say) is not saved either.
        using var form = new FormUrlEncodedContent([new("Areas", "Carer"), new("Needs", "EasyRead"), new("__RequestVerificationToken", await TokenAsync(person.Client))]);
        var post = await person.Client.PostAsync(new Uri(url, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/profile/consent", post.Location());
        var profile = await ProfileOfAsync(person.UserId);
        Assert.Empty(profile.LivedExperience);
        Assert.Empty(profile.AccessNeeds);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/profile/contact");
        return page.QuerySelector("form[action='/profile/contact'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    [Fact]
    public async Task LivedExperience_WithConsent_IsSavedAndShown()
    {
        using var person = await RegisterAsync("Eli Shaw");
        await GiveConsentAsync(person.Client);

        var response = await SaveLivedExperienceAsync(person.Client, "Autism", "MentalHealth", "Other");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await ProfileOfAsync(person.UserId);
        Assert.Equal([LivedExperienceArea.Autism, LivedExperienceArea.MentalHealth, LivedExperienceArea.Other], profile.LivedExperience.Order());
        Assert.Equal("Leaving care", profile.LivedExperienceOther);
        var page = await person.Client.GetPageAsync("/profile");
        Assert.Contains("Your lived experience has been saved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Autism, Mental health, Other", page.Body!.TextContent, StringComparison.Ordinal);
        var form = await person.Client.GetPageAsync("/profile/lived-experience");
        Assert.Equal(["Autism", "MentalHealth", "Other"], form.QuerySelectorAll("input[name=Areas][checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task LivedExperience_UnknownChoice_IsRefused()
    {
        using var person = await RegisterAsync("Fen Ode");
        await GiveConsentAsync(person.Client);

        var response = await SaveLivedExperienceAsync(person.Client, "Carer", "Carer,Autism");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Areas Select from the list"], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task AccessNeeds_LanguageAndOtherMissing_AsksForThem()
    {
        using var person = await RegisterAsync("Gil Park");
        await GiveConsentAsync(person.Client);

        var response = await SaveAccessNeedsAsync(person.Client, string.Empty, "AnotherLanguage", "Other");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["#Language Enter which language", "#Other Enter the other support you need"], page.ErrorSummaryLinks());
        Assert.Equal(["AnotherLanguage", "Other"], page.QuerySelectorAll("input[name=Needs][checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task AccessNeeds_WithConsent_AreSaved()
    {
        using var person = await RegisterAsync("Hal Ivy");
        await GiveConsentAsync(person.Client);

        var response = await SaveAccessNeedsAsync(person.Client, "Polish", "AnotherLanguage", "StepFreeAccess", "BslInterpreter");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await ProfileOfAsync(person.UserId);
        Assert.Equal([AccessNeed.BslInterpreter, AccessNeed.AnotherLanguage, AccessNeed.StepFreeAccess], profile.AccessNeeds.Order());
        Assert.Equal("Polish", profile.Language);
        Assert.Null(profile.AccessNeedsOther);
    }

    [Fact]
    public async Task WithdrawConsent_ClearsLivedExperienceAndAccessNeedsAndLeavesTheRoster()
    {
        using var person = await RegisterAsync("Ira Nye");
        await GiveConsentAsync(person.Client);
        await SaveLivedExperienceAsync(person.Client, "Carer");
        await SaveAccessNeedsAsync(person.Client, "Welsh", "AnotherLanguage");

        var confirm = await person.Client.GetPageAsync("/profile/consent/withdraw");
        Assert.Contains("organisers will no longer see you", confirm.Body!.TextContent, StringComparison.Ordinal);
        var response = await person.Client.SubmitFormAsync("/profile/consent/withdraw", "/profile/consent/withdraw", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Location());
        var profile = await ProfileOfAsync(person.UserId);
        Assert.False(profile.IsOnRoster);
        Assert.Equal([ConsentChange.Given, ConsentChange.Withdrawn], profile.ConsentHistory.Select(e => e.Change));
        Assert.Empty(profile.LivedExperience);
        Assert.Null(profile.LivedExperienceOther);
        Assert.Empty(profile.AccessNeeds);
        Assert.Null(profile.Language);
        var page = await person.Client.GetPageAsync("/profile");
        Assert.Contains("You have withdrawn your consent", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#consent-first-step"));
        var again = await person.Client.GetAsync(new Uri("/profile/lived-experience", UriKind.Relative));
        Assert.Equal("/profile/consent", again.Location());
    }

    [Fact]
    public async Task WithdrawConsent_WithoutConsent_GoesBackToProfile()
    {
        using var person = await RegisterAsync("Jay Orr");

        var response = await person.Client.GetAsync(new Uri("/profile/consent/withdraw", UriKind.Relative));

        Assert.Equal("/profile", response.Location());
    }

    public static TheoryData<string, string, string, string, string[]> ContactErrors => new()
    {
        { "Kim", "", "", "Email", ["#Email " + ContactFormValidator.NoContactMessage] },
        { "", "kim@example.org", "", "Email", ["#PreferredName Enter the name you like to be called"] },
        { "Kim", "kim.example.org", "12345", "Email", ["#Email Enter an email address in the correct format, like name@example.com", "#Phone Enter a phone number, like 01632 960 001 or 07700 900 982"] },
        { "Kim", "kim@.", "", "Email", ["#Email Enter an email address in the correct format, like name@example.com"] },
        { "Kim", "Kim <kim@example.org>", "", "Email", ["#Email Enter an email address in the correct format, like name@example.com"] },
        { "Kim", "kim@example.org", "", "TextMessage", ["#PreferredContact You chose phone call or text message. Enter a phone number, or choose email"] },
        { "Kim", "", "07700 900 982", "Email", ["#PreferredContact You chose email. Enter an email address, or choose phone call or text message"] },
        { "Kim", "kim@example.org", "", "", ["#PreferredContact Select how you would like us to contact you"] },
    };

    [Theory]
    [MemberData(nameof(ContactErrors))]
    public async Task Contact_InvalidAnswers_ExplainWhatToDo(string name, string email, string phone, string preferred, string[] expected)
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);

        var response = await client.SubmitFormAsync("/profile/contact", "/profile/contact",
            [new("PreferredName", name), new("Email", email), new("Phone", phone), new("PreferredContact", preferred)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(expected, page.ErrorSummaryLinks());
        Assert.Equal(email, page.QuerySelector("#Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Contact_PhoneOnly_IsSaved()
    {
        using var person = await RegisterAsync("Lee Fox");

        var response = await person.Client.SubmitFormAsync("/profile/contact", "/profile/contact",
            [new("PreferredName", " Lee "), new("Email", ""), new("Phone", "+44 7700 900 982"), new("PreferredContact", "TextMessage")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Location());
        var profile = await ProfileOfAsync(person.UserId);
        Assert.Equal("Lee", profile.PreferredName);
        Assert.Null(profile.ContactEmail);
        Assert.Equal("+44 7700 900 982", profile.ContactPhone);
        Assert.Equal(ContactMethod.TextMessage, profile.PreferredContact);
        // The sign-in email is not the contact email: it stays as it was.
        Assert.Equal(person.Email, (await UserAsync(person.UserId)).Email);
    }

    [Fact]
    public async Task Availability_Answers_AreSaved()
    {
        using var person = await RegisterAsync("Mo Tait");

        var response = await person.Client.SubmitFormAsync("/profile/availability", "/profile/availability",
            [new("Days", "Monday"), new("Days", "Saturday"), new("Times", "Evening"), new("Mode", "Online"), new("TravelMiles", " 12 ")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await ProfileOfAsync(person.UserId);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday], profile.AvailableDays.Order());
        Assert.Equal([TimeOfDay.Evening], profile.TimesOfDay);
        Assert.Equal(TakingPart.Online, profile.Mode);
        Assert.Equal(12, profile.TravelMiles);
        var page = await person.Client.GetPageAsync("/profile");
        Assert.Contains("12 miles", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Either", "ten", "#TravelMiles Enter how far you can travel as a whole number of miles, like 5, up to 500")]
    [InlineData("Either", "2.5", "#TravelMiles Enter how far you can travel as a whole number of miles, like 5, up to 500")]
    [InlineData("Either", "-3", "#TravelMiles Enter how far you can travel as a whole number of miles, like 5, up to 500")]
    [InlineData("", "", "#Mode Select how you would like to take part")]
    public async Task Availability_InvalidAnswers_ExplainWhatToDo(string mode, string miles, string expected)
    {
        var client = await portal.ClientForAsync(Roles.ExpertByExperience);

        var response = await client.SubmitFormAsync("/profile/availability", "/profile/availability",
            [new("Days", "Tuesday"), new("Mode", mode), new("TravelMiles", miles)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task Payment_NoChoice_AsksForOne_ThenSaves()
    {
        using var person = await RegisterAsync("Ned Roy");

        var empty = await person.Client.SubmitFormAsync("/profile/payment", "/profile/payment", []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = await empty.ReadPageAsync();
        Assert.Equal(["#Preference Select how you would like to be paid"], page.ErrorSummaryLinks());
        Assert.Contains("Vouchers count as earnings for benefits", page.Body!.TextContent, StringComparison.Ordinal);

        var response = await person.Client.SubmitFormAsync("/profile/payment", "/profile/payment", [new("Preference", "NoPayment")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PaymentPreference.NoPayment, (await ProfileOfAsync(person.UserId)).PaymentPreference);
    }

    [Fact]
    public async Task YourData_PageAndJson_HoldEverythingAboutThePerson()
    {
        using var person = await RegisterAsync("Opal Reid");
        await GiveConsentAsync(person.Client);
        await person.Client.SubmitFormAsync("/profile/contact", "/profile/contact",
            [new("PreferredName", "Opal"), new("Email", "opal.contact@example.org"), new("Phone", "01632 960 001"), new("PreferredContact", "Phone")]);
        await SaveLivedExperienceAsync(person.Client, "YoungCarer");
        await SaveAccessNeedsAsync(person.Client, "Somali", "AnotherLanguage", "LargePrint");
        await SignUpForWorkshopAsync(person.UserId, "Large print handouts please");

        var page = await person.Client.GetPageAsync("/profile/your-data");
        var text = page.Body!.TextContent;
        Assert.Contains("opal.contact@example.org", text, StringComparison.Ordinal);
        Assert.Equal([Workshop], page.QuerySelectorAll("main h3[id^=sign-up-]").Select(h => h.TextContent.Trim()));
        Assert.Contains(PrivacyNotice.Version, text, StringComparison.Ordinal);

        var response = await person.Client.GetAsync(new Uri("/profile/your-data.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("coproduce-your-data.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("Opal Reid", root.GetProperty("account").GetProperty("name").GetString());
        Assert.Equal(person.Email, root.GetProperty("account").GetProperty("signInEmail").GetString());
        var profile = root.GetProperty("profile");
        Assert.Equal("Opal", profile.GetProperty("preferredName").GetString());
        Assert.Equal("opal.contact@example.org", profile.GetProperty("contactEmail").GetString());
        Assert.Equal("01632 960 001", profile.GetProperty("contactPhone").GetString());
        Assert.Equal("Phone call", profile.GetProperty("preferredContact").GetString());
        Assert.Equal(["Young carer"], profile.GetProperty("livedExperience").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Large print", "An interpreter for another spoken language"], profile.GetProperty("accessNeeds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Somali", profile.GetProperty("language").GetString());
        Assert.Equal(PrivacyNotice.Version, profile.GetProperty("consent").GetProperty("privacyNoticeVersion").GetString());
        var signUp = Assert.Single(root.GetProperty("signUps").EnumerateArray());
        Assert.Equal(Workshop, signUp.GetProperty("activity").GetString());
        Assert.Equal("You asked for a place", signUp.GetProperty("status").GetString());
        Assert.Equal("Large print handouts please", signUp.GetProperty("whatWouldHelp").GetString());
        // Nothing about anyone else: Jo is on the roster and signed up for nothing here.
        Assert.DoesNotContain("expert@example.org", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AnonymisesKeepsTheRecordOfTakingPartAndEndsTheAccount()
    {
        using var person = await RegisterAsync("Pia Quinn");
        await GiveConsentAsync(person.Client);
        await SaveLivedExperienceAsync(person.Client, "DomesticAbuse");
        await person.Client.SubmitFormAsync("/profile/payment", "/profile/payment", [new("Preference", "Voucher")]);
        await SignUpForWorkshopAsync(person.UserId, "A quiet room");

        var explain = await person.Client.GetPageAsync("/profile/delete");
        Assert.Contains("records finance must keep", explain.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You have signed up for 1 activity", explain.Body.TextContent, StringComparison.Ordinal);
        var response = await person.Client.SubmitFormAsync("/profile/delete", "/profile/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile/deleted", response.Location());
        var confirmation = await person.Client.GetAsync(new Uri("/profile/deleted", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Your information has been deleted", (await confirmation.ReadPageAsync()).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var profile = await ProfileOfAsync(person.UserId);
        Assert.NotNull(profile.AnonymisedUtc);
        Assert.Equal(ExpertProfile.DeletedName, profile.PreferredName);
        Assert.Null(profile.ContactEmail);
        Assert.Empty(profile.LivedExperience);
        Assert.Null(profile.PaymentPreference);
        Assert.False(profile.IsOnRoster);
        var user = await UserAsync(person.UserId);
        Assert.Equal(ExpertProfile.DeletedName, user.DisplayName);
        Assert.EndsWith("@deleted.invalid", user.Email, StringComparison.Ordinal);
        Assert.Equal(user.Email, user.UserName);
        Assert.DoesNotContain("pia", user.Email!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(user.PasswordHash);
        Assert.True(user.LockoutEnabled && user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            Assert.Equal(1, await db.SignUps.CountAsync(s => s.ExpertProfileId == profile.Id));
        }

        // Signed out, and cannot sign in again.
        var afterwards = await person.Client.GetAsync(new Uri("/profile", UriKind.Relative));
        Assert.StartsWith("https://localhost/sign-in", afterwards.Location(), StringComparison.Ordinal);
        using var fresh = portal.CreatePortalClient();
        var signIn = await fresh.SignInAsync(person.Email, Passphrase);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task Delete_ClearsOrganisersMessagesAndNotesAndWhatWouldHelp_KeepsAttendanceAndHours()
    {
        using var person = await RegisterAsync("Sol Ware");
        await GiveConsentAsync(person.Client);
        var (declinedId, attendedId) = await WithDbAsync(async db =>
        {
            var profileId = await db.ExpertProfiles.Where(p => p.UserId == person.UserId).Select(p => p.Id).SingleAsync();
            var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
            var today = UkTime.Today(TimeProvider.System);
            Activity NewActivity(string title) => new(projectId, title, ActivityType.Workshop, "About short breaks",
                new ActivitySchedule(today.AddDays(3), new TimeOnly(10, 0), new TimeOnly(12, 0), today),
                new ActivityPlace(ActivityMode.Online, null, null, null), 2, [], LadderRung.CoProduction, true, "organiser", DateTime.UtcNow);
            var declined = NewActivity($"Declined {Guid.NewGuid():N}");
            var attended = NewActivity($"Attended {Guid.NewGuid():N}");
            foreach (var activity in new[] { declined, attended })
            {
                activity.MoveTo(ActivityStatus.Open, DateTime.UtcNow);
                activity.RequestPlace(profileId, true, "I have panic attacks in crowds", DateTime.UtcNow);
            }
            db.Activities.AddRange(declined, attended);
            await db.SaveChangesAsync();
            declined.Decline(declined.SignUps.Single().Id, "Sorry, this room is too busy for your panic attacks.", DateTime.UtcNow);
            attended.Confirm(attended.SignUps.Single().Id, true, null, DateTime.UtcNow);
            var onTheDay = UkTime.ToUtc(attended.Date, attended.EndTime);
            attended.MoveTo(ActivityStatus.Completed, onTheDay);
            attended.RecordAttendance(attended.SignUps.Single().Id, Attendance.Attended, new TimeGiven(105),
                new SessionNotes("Sent the agenda early", "Left the room twice", "Said it went well"), "organiser", onTheDay);
            await db.SaveChangesAsync();
            return (declined.SignUps.Single().Id, attended.SignUps.Single().Id);
        });

        var response = await person.Client.SubmitFormAsync("/profile/delete", "/profile/delete", []);

        Assert.Equal("/profile/deleted", response.Location());
        var signUps = await WithDbAsync(db => db.SignUps.AsNoTracking().Where(s => s.Id == declinedId || s.Id == attendedId).OrderBy(s => s.Id).ToListAsync());
        Assert.All(signUps, s =>
        {
            Assert.Equal(string.Empty, s.WhatWouldHelp);
            Assert.Null(s.DeclineMessage);
            Assert.Null(s.PreparationNotes);
            Assert.Null(s.CheckInNotes);
            Assert.Null(s.DebriefNotes);
        });
        Assert.Equal(
            [(SignUpStatus.Declined, Attendance.NotRecorded, (int?)null), (SignUpStatus.Confirmed, Attendance.Attended, 105)],
            signUps.Select(s => (s.Status, s.Attendance, s.ActivityMinutes)));
    }

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    [Fact]
    public async Task ForgedIdentifiers_CannotTargetAnotherPersonsProfile()
    {
        using var person = await RegisterAsync("Quin Ash");
        await GiveConsentAsync(person.Client);
        var joUserId = await UserIdAsync(DemoUsers.EmailFor(Roles.ExpertByExperience));
        var jo = await ProfileOfAsync(joUserId);
        var joId = jo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var contact = await person.Client.SubmitFormAsync("/profile/contact", "/profile/contact",
        [
            new("Id", joId), new("UserId", joUserId), new("ExpertProfileId", joId),
            new("PreferredName", "Forged"), new("Email", "forged@example.org"), new("Phone", ""), new("PreferredContact", "Email"),
        ]);
        var lived = await person.Client.SubmitFormAsync("/profile/lived-experience", "/profile/lived-experience",
            [new("Id", joId), new("UserId", joUserId), new("Areas", "Homelessness")]);
        var consent = await person.Client.SubmitFormAsync("/profile/consent/withdraw", "/profile/consent/withdraw",
            [new("Id", joId), new("UserId", joUserId)]);

        Assert.All([contact, lived, consent], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var joAfter = await ProfileOfAsync(joUserId);
        Assert.Equal("Jo", joAfter.PreferredName);
        Assert.Equal("expert@example.org", joAfter.ContactEmail);
        Assert.Equal(jo.LivedExperience.Order(), joAfter.LivedExperience.Order());
        Assert.True(joAfter.HasConsent);
        var mine = await ProfileOfAsync(person.UserId);
        Assert.Equal("Forged", mine.PreferredName);
        Assert.False(mine.HasConsent);

        // Query strings are ignored too, and the data page shows only the signed-in person.
        var data = await person.Client.GetPageAsync($"/profile/your-data?id={joId}&userId={joUserId}");
        Assert.DoesNotContain("expert@example.org", data.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("forged@example.org", data.Body.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Words only this person typed: none may reach the audit log.</summary>
    private static readonly string[] TheirOwnWords =
        ["Kinship care of my niece after her stroke", "A hearing dog called Biscuit", "Tigrinya", "Wheelchair space by the door, please", "Ottoline", "07700 900 314"];

    /// <summary>A person with consent who has told us about themselves in their own words, in every part of the profile.</summary>
    private async Task<Person> PersonWhoToldUsEverythingAsync(string name)
    {
        var person = await RegisterAsync(name);
        await GiveConsentAsync(person.Client);
        var responses = new[]
        {
            await person.Client.SubmitFormAsync("/profile/contact", "/profile/contact",
                [new("PreferredName", "Ottoline"), new("Email", ""), new("Phone", "07700 900 314"), new("PreferredContact", "Phone")]),
            await person.Client.SubmitFormAsync("/profile/lived-experience", "/profile/lived-experience",
                [new("Areas", "Carer"), new("Areas", "Other"), new("Other", "Kinship care of my niece after her stroke")]),
            await person.Client.SubmitFormAsync("/profile/access-needs", "/profile/access-needs",
                [new("Needs", "AnotherLanguage"), new("Needs", "Other"), new("Language", "Tigrinya"), new("Other", "A hearing dog called Biscuit")]),
            await person.Client.SubmitFormAsync("/profile/availability", "/profile/availability",
                [new("Days", "Friday"), new("Mode", "InPerson"), new("TravelMiles", "7")]),
        };
        Assert.All(responses, r => Assert.Equal("/profile", r.Location()));
        // Choosing bank transfer goes on to ask for bank details.
        var payment = await person.Client.SubmitFormAsync("/profile/payment", "/profile/payment", [new("Preference", "BankTransfer")]);
        Assert.Equal("/profile/payment/bank-details", payment.Location());
        await SignUpForWorkshopAsync(person.UserId, "Wheelchair space by the door, please");
        return person;
    }

    private Task<List<AuditEntry>> AuditOfProfileAsync(int profileId) =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == AuditSubjectType.Profile && a.SubjectId == profileId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).ToListAsync());

    /// <summary>Every column of every audit entry, searched for the person's own words, name and addresses.</summary>
    private async Task AssertAuditLogHoldsNoneOfAsync(IEnumerable<string> words)
    {
        var columns = await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Select(a => new { a.Id, a.SubjectId, a.Action, a.Summary, a.Before, a.After }).ToListAsync());
        foreach (var word in words)
        {
            Assert.DoesNotContain(columns, a => $"{a.SubjectId}|{a.Action}|{a.Summary}|{a.Before}|{a.After}".Contains(word, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Consent_Given_IsAuditedOnceWithTheChange_NamingTheNoticeAndNothingPersonal()
    {
        using var person = await RegisterAsync("Wren Hollis");
        var profileId = (await ProfileOfAsync(person.UserId)).Id;

        await GiveConsentAsync(person.Client);
        // Agreeing again to the notice that already stands changes nothing, so it is not audited either.
        using var again = new FormUrlEncodedContent([new("Agree", "true"), new("__RequestVerificationToken", await TokenAsync(person.Client))]);
        Assert.Equal("/profile", (await person.Client.PostAsync(new Uri("/profile/consent", UriKind.Relative), again)).Location());

        var profile = await ProfileOfAsync(person.UserId);
        var given = Assert.Single(profile.ConsentHistory);
        var entry = Assert.Single(await AuditOfProfileAsync(profileId));
        Assert.Equal((AuditSubjectType.Profile, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int?)null),
            (entry.SubjectType, entry.SubjectId, entry.ProjectId));
        Assert.Equal(AuditActions.ConsentGiven, entry.Action);
        Assert.Equal($"Consent given under privacy notice version {PrivacyNotice.Version}.", entry.Summary);
        Assert.Equal(("Consent not given", $"Consent given under privacy notice version {PrivacyNotice.Version}"), (entry.Before, entry.After));
        Assert.Equal(person.UserId, entry.ByUserId);
        Assert.Equal(given.AtUtc, entry.AtUtc);
        await AssertAuditLogHoldsNoneOfAsync(["Wren", "Hollis", person.Email]);
    }

    [Fact]
    public async Task ProfileParts_AreAuditedByName_WithoutWhatThePersonToldUs()
    {
        using var person = await PersonWhoToldUsEverythingAsync("Yusra Penhale");
        var profileId = (await ProfileOfAsync(person.UserId)).Id;

        var entries = await AuditOfProfileAsync(profileId);

        Assert.Equal(
            [
                (AuditActions.ConsentGiven, $"Consent given under privacy notice version {PrivacyNotice.Version}."),
                (AuditActions.ProfileChanged, "Contact details changed."),
                (AuditActions.ProfileChanged, "Lived experience changed."),
                (AuditActions.ProfileChanged, "Access needs changed."),
                (AuditActions.ProfileChanged, "Availability changed."),
            ],
            entries.Select(e => (e.Action, e.Summary)));
        Assert.All(entries.Where(e => e.Action == AuditActions.ProfileChanged), e => Assert.Equal((null, null, person.UserId), (e.Before, e.After, e.ByUserId)));
        await AssertAuditLogHoldsNoneOfAsync([.. TheirOwnWords, "Yusra", "Penhale", person.Email]);
        // Nor the choices they ticked: the entries name the part that changed, not what it now says.
        Assert.All(entries, e => Assert.DoesNotContain(["Carer", "Friday", "In person", "InPerson", "Bank", "miles"],
            word => $"{e.Summary}|{e.Before}|{e.After}".Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task WithdrawConsent_IsAuditedOnceWithTheChange_WithoutTheirLivedExperienceNeedsOrWords()
    {
        using var person = await PersonWhoToldUsEverythingAsync("Zeb Marchetti");
        var profileId = (await ProfileOfAsync(person.UserId)).Id;
        var before = await AuditOfProfileAsync(profileId);

        var response = await person.Client.SubmitFormAsync("/profile/consent/withdraw", "/profile/consent/withdraw", []);

        Assert.Equal("/profile", response.Location());
        var profile = await ProfileOfAsync(person.UserId);
        var entry = Assert.Single((await AuditOfProfileAsync(profileId)).Skip(before.Count));
        Assert.Equal((AuditSubjectType.Profile, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditActions.ConsentWithdrawn),
            (entry.SubjectType, entry.SubjectId, entry.Action));
        Assert.Equal("Consent withdrawn. Lived experience and access needs deleted, and the personal text on 1 sign-up.", entry.Summary);
        Assert.Equal(($"Consent given under privacy notice version {PrivacyNotice.Version}", "Consent withdrawn"), (entry.Before, entry.After));
        Assert.Equal(person.UserId, entry.ByUserId);
        Assert.Equal(profile.ConsentHistory[^1].AtUtc, entry.AtUtc);
        Assert.Equal(profile.UpdatedUtc, entry.AtUtc);
        await AssertAuditLogHoldsNoneOfAsync([.. TheirOwnWords, "Zeb", "Marchetti", person.Email]);

        // Withdrawing again, from an old tab, changes nothing and is not audited.
        using var again = new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(person.Client))]);
        Assert.Equal("/profile", (await person.Client.PostAsync(new Uri("/profile/consent/withdraw", UriKind.Relative), again)).Location());
        Assert.Equal(before.Count + 1, (await AuditOfProfileAsync(profileId)).Count);
    }

    [Fact]
    public async Task Delete_IsAuditedOnceWithTheChange_WithoutAnythingAboutThePerson()
    {
        using var person = await PersonWhoToldUsEverythingAsync("Aurelio Fenwick");
        var profileId = (await ProfileOfAsync(person.UserId)).Id;
        var before = await AuditOfProfileAsync(profileId);

        var response = await person.Client.SubmitFormAsync("/profile/delete", "/profile/delete", []);

        Assert.Equal("/profile/deleted", response.Location());
        var profile = await ProfileOfAsync(person.UserId);
        // One entry for the deletion: the consent it ends is part of it, not an entry of its own.
        var entry = Assert.Single((await AuditOfProfileAsync(profileId)).Skip(before.Count));
        Assert.Equal((AuditSubjectType.Profile, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditActions.ProfileDeleted),
            (entry.SubjectType, entry.SubjectId, entry.Action));
        Assert.Equal(
            "Profile deleted: name, contact details and everything the person told us removed, and the account locked; consent withdrawn. " +
            $"Kept without a name: the consent history, attendance and hours on 1 sign-up, and any payment claims, under payee reference P{profileId:D6}.",
            entry.Summary);
        Assert.Equal((null, null, (int?)null), (entry.Before, entry.After, entry.ProjectId));
        Assert.Equal(person.UserId, entry.ByUserId);
        Assert.Equal(profile.AnonymisedUtc, entry.AtUtc);
        Assert.Equal(profile.ConsentHistory[^1].AtUtc, entry.AtUtc);
        await AssertAuditLogHoldsNoneOfAsync([.. TheirOwnWords, "Aurelio", "Fenwick", person.Email]);
    }

    [Fact]
    public async Task Consent_GivenFromAStaleCopy_IsRefusedAndLeavesNoAuditEntry()
    {
        using var person = await RegisterAsync("Bram Oyelaran");
        var profileId = (await ProfileOfAsync(person.UserId)).Id;

        // One copy of the profile is loaded; another saves a change first, so the first is out of date.
        await using var staleScope = portal.Services.CreateAsyncScope();
        var staleService = staleScope.ServiceProvider.GetRequiredService<ProfileService>();
        var stale = (await staleService.MineAsync(person.UserId, CancellationToken.None))!;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ProfileService>();
            var fresh = (await service.MineAsync(person.UserId, CancellationToken.None))!;
            await service.SetContactAsync(fresh, new ContactDetails("Bram", person.Email, null, ContactMethod.Email), person.UserId, CancellationToken.None);
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => staleService.GiveConsentAsync(stale, person.UserId, CancellationToken.None));

        // The consent and its audit entry were one save: neither is kept.
        Assert.Equal([(AuditActions.ProfileChanged, "Contact details changed.")], (await AuditOfProfileAsync(profileId)).Select(e => (e.Action, e.Summary)));
        Assert.Empty((await ProfileOfAsync(person.UserId)).ConsentHistory);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
