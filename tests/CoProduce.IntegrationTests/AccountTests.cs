using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Features.Account;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoProduce.IntegrationTests;

public sealed class AccountTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    public static TheoryData<string, string[], string[]> NavigationByRole => new()
    {
        { Roles.Commissioner, ["Home", "Projects", "Activities", "Roster"], ["Your involvement", "Your payments", "Your profile", "Involvement payments", "Exceptions", "Tier rules", "Staff accounts"] },
        { Roles.ExpertByExperience, ["Home", "Your involvement", "Find activities", "Your payments", "Your profile"], ["Projects", "Roster", "Involvement payments", "Exceptions", "Tier rules", "Staff accounts"] },
        { Roles.FinanceOfficer, ["Home", "Involvement payments"], ["Projects", "Roster", "Your involvement", "Exceptions", "Tier rules", "Staff accounts"] },
        { Roles.CoProductionLead, ["Home", "Projects", "Roster", "Exceptions", "Tier rules", "Staff accounts"], ["Your involvement", "Your profile", "Involvement payments"] },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task SignIn_DemoAccount_SeesOwnRoleNavigation(string role, string[] shown, string[] hidden)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.SignInAsync(DemoUsers.EmailFor(role), DemoUsers.Password(portal));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());

        var home = await client.GetPageAsync("/");
        var links = home.QuerySelectorAll(".govuk-service-navigation__list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("Your home", home.QuerySelector("h1")?.TextContent.Trim());
        Assert.All(shown, item => Assert.Contains(item, links));
        Assert.All(hidden, item => Assert.DoesNotContain(item, links));
        Assert.NotNull(home.QuerySelector("form[action='/sign-out'] button"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsGovUkErrorSummary()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.SignInAsync(DemoUsers.EmailFor(Roles.FinanceOfficer), "not-the-password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#Email " + AccountController.SignInFailedMessage], page.ErrorSummaryLinks());
        var email = page.QuerySelector("#Email")!;
        Assert.Contains("Email-error", email.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("govuk-form-group--error", email.ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.Equal(string.Empty, page.QuerySelector("#Password")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SignIn_UnknownEmail_ShowsSameMessageAsWrongPassword()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.SignInAsync("nobody@example.org", "whatever-password");

        var page = await response.ReadPageAsync();
        Assert.Equal(["#Email " + AccountController.SignInFailedMessage], page.ErrorSummaryLinks());
    }

    [Fact]
    public async Task SignIn_EmptyForm_AsksForBothFields()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.SignInAsync(string.Empty, string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["#Email Enter your email address", "#Password Enter your password"], page.ErrorSummaryLinks());
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksAccountEvenForRightPassword()
    {
        using var client = portal.CreatePortalClient();
        const string email = "tom.evans@example.org";

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(email, "wrong-password-" + attempt);
        }
        var response = await client.SignInAsync(email, DemoUsers.Password(portal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/")]
    [InlineData("//evil.example/steal", "/")]
    [InlineData("/finance", "/finance")]
    public async Task SignIn_ReturnUrl_OnlyLocalAddressesAreFollowed(string returnUrl, string expectedLocation)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.SignInAsync(DemoUsers.EmailFor(Roles.FinanceOfficer), DemoUsers.Password(portal), returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Location());
    }

    [Theory]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/projects?q=café au lait", "/projects?q=caf%C3%A9%20au%20lait")]
    [InlineData("/finance\r\nSet-Cookie: x=y", "/")]
    [InlineData("/\t/evil.example", "/")]
    public async Task SignIn_ReturnUrlWithCharactersAHeaderCannotCarry_SignsInAndRedirectsEncoded(string returnUrl, string expectedLocation)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.SignInAsync(DemoUsers.EmailFor(Roles.FinanceOfficer), DemoUsers.Password(portal), returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Location());
        Assert.Equal("Your home", (await client.GetPageAsync("/")).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = portal.CreatePortalClient();
        using var form = new FormUrlEncodedContent([new("Email", DemoUsers.EmailFor(Roles.Commissioner)), new("Password", DemoUsers.Password(portal))]);

        var response = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(IdentitySetup.AuthCookieName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.EmailFor(Roles.FinanceOfficer), DemoUsers.Password(portal));

        var response = await client.SubmitFormAsync("/", "/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync(new Uri("/finance", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/sign-in", after.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NewPerson_ConfirmsByEmailBecomesExpertByExperienceAndIsSignedIn()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.RegisterAsync(portal, "Rowan Hale", "rowan.hale@example.org", "a long enough password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Location());
        var involvement = await client.GetPageAsync("/my-involvement");
        Assert.Contains("Rowan Hale", involvement.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        var commissioning = await client.GetAsync(new Uri("/projects", UriKind.Relative));
        Assert.Contains("/access-denied", commissioning.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ConfirmationLink_MakesOneAccount_AndThenSaysSo()
    {
        using var client = portal.CreatePortalClient();
        await client.RegisterAsync(portal, "Ash Reed", "ash.reed@example.org", "a long enough password");
        var link = Mailbox.LinkTo(portal.MailFolder, "ash.reed@example.org", "/register/confirm");

        using var other = portal.CreatePortalClient();
        var page = await other.GetPageAsync(link);

        Assert.Equal("You already have an account", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task Register_BeforeTheLinkIsUsed_ThereIsNoAccount()
    {
        using var client = portal.CreatePortalClient();
        var asked = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Bea"), new("Email", "bea.waiting@example.org")]);
        Assert.Equal("/register/check-your-email", asked.Location());

        var signIn = await client.SignInAsync("bea.waiting@example.org", "any long password");

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CoProduce.Web.Data.CoProduceDbContext>().Users.AnyAsync(u => u.Email == "bea.waiting@example.org"));
    }

    [Fact]
    public async Task Register_TamperedLink_DoesNotWork()
    {
        using var client = portal.CreatePortalClient();
        await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Tam"), new("Email", "tam.per@example.org")]);
        await portal.SendQueuedEmailsAsync();
        var link = Mailbox.LinkTo(portal.MailFolder, "tam.per@example.org", "/register/confirm");

        var page = await client.GetPageAsync(link[..^3] + "AAA");

        Assert.Equal("This link does not work", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("siobhan.o'brien@example.org")]
    [InlineData("josé.garcía@example.org")]
    public async Task Register_AnyAddressMailCanBeSentTo_MakesAnAccount(string email)
    {
        using var client = portal.CreatePortalClient();

        var response = await client.RegisterAsync(portal, "Named Person", email, "a long enough password");

        Assert.Equal("/profile", response.Location());
    }

    [Fact]
    public async Task Register_InvalidAnswers_KeepsWhatWasTypedAndExplains()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Kit"), new("Email", "kit.example.org")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["#Email Enter an email address in the correct format, like name@example.com"], page.ErrorSummaryLinks());
        Assert.Equal("Kit", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ConfirmRegistration_ShortPassword_ExplainsAndKeepsTheLinkWorking()
    {
        using var client = portal.CreatePortalClient();
        await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Cam"), new("Email", "cam.short@example.org")]);
        await portal.SendQueuedEmailsAsync();
        var link = Mailbox.LinkTo(portal.MailFolder, "cam.short@example.org", "/register/confirm");

        var tooShort = await client.SubmitFormAsync(link, "/register/confirm", [new("DisplayName", "Cam"), new("Password", "short"), new("ConfirmPassword", "short")]);
        var good = await client.SubmitFormAsync(link, "/register/confirm", [new("DisplayName", "Cam"), new("Password", "a long enough password"), new("ConfirmPassword", "a long enough password")]);

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(["#Password Password must be 12 characters or more"], (await tooShort.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal("/profile", good.Location());
    }

    [Fact]
    public async Task ForgotPassword_KnownEmail_EmailsLinkThatSetsNewPassword()
    {
        var email = new Mock<IEmailSender>();
        EmailMessage? sent = null;
        email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((message, _) => sent = message)
            .Returns(Task.CompletedTask);
        using var app = new CoProduceAppFactory { TestServices = s => s.AddSingleton(email.Object) };
        using var client = app.CreatePortalClient();

        var asked = await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "maya.khan@example.org")]);
        await app.SendQueuedEmailsAsync();

        Assert.Equal("/forgot-password/sent", asked.Location());
        Assert.NotNull(sent);
        Assert.Equal("maya.khan@example.org", sent.To);
        var link = sent.TextBody.Split('\n').Single(line => line.Contains("/reset-password?", StringComparison.Ordinal)).Trim();
        var resetPage = new Uri(link).PathAndQuery;

        var reset = await client.SubmitFormAsync(resetPage, "/reset-password", await HiddenFieldsAsync(client, resetPage,
            new("Password", "my brand new password"), new("ConfirmPassword", "my brand new password")));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var signIn = await client.SignInAsync("maya.khan@example.org", "my brand new password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Location());
    }

    /// <summary>Addresses a loose check lets through but the email library cannot send to (or would send somewhere else).</summary>
    public static TheoryData<string> UnsendableEmails => ["x@.", "x@.com", "Jo <jo@example.org>", "jo@example.org (work)", "jo@example.org, al@example.org"];

    [Theory]
    [MemberData(nameof(UnsendableEmails))]
    public async Task ForgotPasswordAndRegister_UnsendableEmail_AskForOneInTheRightFormat(string address)
    {
        using var client = portal.CreatePortalClient();

        var registered = await client.SubmitFormAsync("/register", "/register",
            [new("DisplayName", "Ex"), new("Email", address), new("Password", "a long enough password"), new("ConfirmPassword", "a long enough password")]);
        var asked = await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", address)]);

        foreach (var response in new[] { registered, asked })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["#Email Enter an email address in the correct format, like name@example.com"], (await response.ReadPageAsync()).ErrorSummaryLinks());
        }
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>().FindByEmailAsync(address));
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SameAnswerAndNoEmail()
    {
        var email = new Mock<IEmailSender>();
        using var app = new CoProduceAppFactory { TestServices = s => s.AddSingleton(email.Object) };
        using var client = app.CreatePortalClient();

        var asked = await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "nobody@example.org")]);
        await app.SendQueuedEmailsAsync();

        Assert.Equal("/forgot-password/sent", asked.Location());
        email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ResetPassword_TamperedLink_SaysSoBeforeAskingForAPassword()
    {
        using var client = portal.CreatePortalClient();
        var user = await client.GetPageAsync("/forgot-password"); // any page, for cookies
        Assert.NotNull(user);

        var page = await client.GetPageAsync("/reset-password?userId=nobody&token=bm90LWEtdG9rZW4");

        Assert.Equal("This link has expired", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task ResetPassword_TamperedTokenPostedDirectly_IsRefused()
    {
        using var client = portal.CreatePortalClient();
        var signInPage = await client.GetPageAsync("/sign-in");
        var token = signInPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(
        [
            new("UserId", "nobody"), new("Token", "bm90LWEtdG9rZW4"),
            new("Password", "another long password"), new("ConfirmPassword", "another long password"),
            new("__RequestVerificationToken", token),
        ]);

        var response = await client.PostAsync(new Uri("/reset-password", UriKind.Relative), form);

        var result = await response.ReadPageAsync();
        Assert.Equal("This link has expired", result.QuerySelector("h1")?.TextContent.Trim());
    }

    private static async Task<List<KeyValuePair<string, string>>> HiddenFieldsAsync(HttpClient client, string pageUrl, params KeyValuePair<string, string>[] fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var hidden = page.QuerySelectorAll("form[action='/reset-password'] input[type=hidden]")
            .Where(input => input.GetAttribute("name") != "__RequestVerificationToken")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? string.Empty));
        return [.. hidden, .. fields];
    }
}
