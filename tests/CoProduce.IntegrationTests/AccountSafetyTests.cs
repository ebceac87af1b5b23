using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoProduce.IntegrationTests;

/// <summary>What a hostile visitor tries against accounts: forged hosts, finding out who is registered.</summary>
public sealed class AccountSafetyTests
{
    private const string PublicAddress = "https://coproduce.brackenfield.example";

    [Fact]
    public async Task ForgedHost_IsRefusedBeforeTheApp_AndNoEmailIsSent()
    {
        var email = new Mock<IEmailSender>();
        using var app = new CoProduceAppFactory { PublicBaseUrl = PublicAddress, TestServices = s => s.AddSingleton(email.Object) };
        // A real form, with its antiforgery token and cookie, taken from the real host...
        using var real = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var page = await real.GetAsync(new Uri("/forgot-password", UriKind.Relative));
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentitySetup.AntiforgeryCookieName, StringComparison.Ordinal)).Split(';')[0];
        var token = (await page.ReadPageAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // ...sent to the portal with a forged Host header.
        using var forged = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://evil.example") });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/forgot-password")
        {
            Content = new FormUrlEncodedContent([new("Email", "maya.khan@example.org"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", cookie);

        var post = await forged.SendAsync(request);
        await app.SendQueuedEmailsAsync();

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HealthCheck_AnswersWhateverTheHost_OtherPagesDoNot()
    {
        using var app = new CoProduceAppFactory { PublicBaseUrl = PublicAddress };
        // A load balancer often asks for an instance by its own address.
        using var probe = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://10.0.4.17") });

        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await probe.GetAsync(new Uri("/sign-in", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ForgedHost_WhereEveryHostIsAllowed_StillGetsLinksToThePublicAddress()
    {
        // A deployment that left AllowedHosts at "*": the link must still not follow the Host header.
        var sent = new List<EmailMessage>();
        using var app = new CoProduceAppFactory { PublicBaseUrl = PublicAddress, TestServices = s => s.AddSingleton(CapturingSender(sent)) };
        using var allowAll = app.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "*"));
        using var forged = allowAll.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://evil.example") });

        var asked = await forged.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "maya.khan@example.org")]);
        using var lead = allowAll.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://evil.example") });
        await lead.SignInAsync(DemoUsers.EmailFor(Roles.CoProductionLead), DemoUsers.Password(app));
        var invited = await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
            [new("DisplayName", "Nia Patel"), new("Email", "nia.patel@example.org"), new("Roles", Roles.Commissioner)]);
        await allowAll.SendQueuedEmailsAsync();

        Assert.Equal("/forgot-password/sent", asked.Location());
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, message =>
        {
            Assert.DoesNotContain("evil.example", message.TextBody, StringComparison.Ordinal);
            Assert.Contains(PublicAddress + "/reset-password?userId=", message.TextBody, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Register_ExistingAndNewAddress_GetTheSamePage_AndTheOwnerIsTold()
    {
        var sent = new List<EmailMessage>();
        using var app = new CoProduceAppFactory { PublicBaseUrl = PublicAddress, TestServices = s => s.AddSingleton(CapturingSender(sent)) };
        using var client = app.CreatePortalClient();
        var existing = DemoUsers.EmailFor(Roles.ExpertByExperience);

        var forExisting = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Someone"), new("Email", existing)]);
        var forNew = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Someone"), new("Email", "brand.new@example.org")]);
        await app.SendQueuedEmailsAsync();

        Assert.Equal(forNew.StatusCode, forExisting.StatusCode);
        Assert.Equal("/register/check-your-email", forExisting.Location());
        Assert.Equal(forNew.Location(), forExisting.Location());
        Assert.Equal(await forNew.Content.ReadAsStringAsync(), await forExisting.Content.ReadAsStringAsync());
        var toOwner = Assert.Single(sent, m => m.To == existing);
        Assert.Equal("Someone tried to make a CoProduce account with your email address", toOwner.Subject);
        Assert.Contains(PublicAddress + "/forgot-password", toOwner.TextBody, StringComparison.Ordinal);
        var toNew = Assert.Single(sent, m => m.To == "brand.new@example.org");
        Assert.Contains(PublicAddress + "/register/confirm?token=", toNew.TextBody, StringComparison.Ordinal);
        // Whoever filled in the form may not own the address: the email does not repeat their words.
        Assert.DoesNotContain("Someone", toNew.TextBody.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(0, await CountUsersAsync(app, "brand.new@example.org"));
        Assert.Equal(1, await CountUsersAsync(app, existing));
    }

    private static async Task<int> CountUsersAsync(CoProduceAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().Users.CountAsync(u => u.Email == email);
    }

    [Fact]
    public async Task Register_TwiceBeforeConfirming_EitherLinkMakesTheOneAccount()
    {
        using var app = new CoProduceAppFactory();
        using var client = app.CreatePortalClient();
        await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Dee"), new("Email", "dee.twice@example.org")]);
        await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Dee"), new("Email", "dee.twice@example.org")]);
        await app.SendQueuedEmailsAsync();
        var links = Mailbox.LinksTo(app.MailFolder, "dee.twice@example.org", "/register/confirm");
        Assert.Equal(2, links.Distinct().Count());
        var (first, second) = (links[0], links[1]);

        var made = await client.SubmitFormAsync(second, "/register/confirm", [new("DisplayName", "Dee"), new("Password", "a long enough password"), new("ConfirmPassword", "a long enough password")]);
        using var other = app.CreatePortalClient();
        var firstAfterwards = await other.GetPageAsync(first);

        Assert.Equal("/profile", made.Location());
        Assert.Equal("You already have an account", firstAfterwards.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(1, await CountUsersAsync(app, "dee.twice@example.org"));
    }

    public static TheoryData<string, string> SignInOutcomes => new()
    {
        { "unknown address", "nobody.here@example.org" },
        { "wrong password", "maya.khan@example.org" },
        { "registered, link not used yet", "waiting@example.org" },
        { "the attempt that locks the account", "grace.adeyemi@example.org" },
        { "locked account", "tom.evans@example.org" },
    };

    /// <summary>
    /// The password hash check is what takes the time: every failed sign-in does exactly one, so
    /// timing does not tell whether an account exists (measured in docs/benchmarks.md).
    /// </summary>
    [Theory]
    [MemberData(nameof(SignInOutcomes))]
    public async Task SignIn_EveryFailure_ChecksOnePasswordHash(string outcome, string email)
    {
        var hasher = new CountingPasswordHasher();
        using var app = new CoProduceAppFactory { TestServices = s => s.AddSingleton<IPasswordHasher<CoProduceUser>>(hasher) };
        using var client = app.CreatePortalClient();
        if (outcome == "registered, link not used yet")
        {
            await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Wai"), new("Email", email)]);
        }
        if (outcome is "locked account" or "the attempt that locks the account")
        {
            for (var attempt = 0; attempt < (outcome == "locked account" ? 5 : 4); attempt++)
            {
                await client.SignInAsync(email, "wrong password " + attempt);
            }
        }

        var before = hasher.Verifications;
        var response = await client.SignInAsync(email, "not the password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, hasher.Verifications - before);
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownAddress_ShowTheSamePage()
    {
        using var app = new CoProduceAppFactory();
        using var client = app.CreatePortalClient();

        var unknown = await (await client.SignInAsync("nobody.here@example.org", "not the password")).ReadPageAsync();
        var known = await (await client.SignInAsync("maya.khan@example.org", "not the password")).ReadPageAsync();

        Assert.Equal(known.QuerySelector("main")!.TextContent.Replace("maya.khan@example.org", "X", StringComparison.Ordinal),
            unknown.QuerySelector("main")!.TextContent.Replace("nobody.here@example.org", "X", StringComparison.Ordinal));
    }

    private static IEmailSender CapturingSender(List<EmailMessage> sent)
    {
        var email = new Mock<IEmailSender>();
        email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((message, _) => { lock (sent) { sent.Add(message); } })
            .Returns(Task.CompletedTask);
        return email.Object;
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<CoProduceUser>
    {
        private readonly PasswordHasher<CoProduceUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(CoProduceUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(CoProduceUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
