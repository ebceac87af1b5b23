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
        using var forged = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://evil.example") });

        var page = await forged.GetAsync(new Uri("/forgot-password", UriKind.Relative));
        using var form = new FormUrlEncodedContent([new("Email", "maya.khan@example.org")]);
        var post = await forged.PostAsync(new Uri("/forgot-password", UriKind.Relative), form);
        await app.SendQueuedEmailsAsync();

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Never);
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
        Assert.Contains(PublicAddress + "/register/confirm?userId=", toNew.TextBody, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == existing));
        Assert.Equal("Jo Pritchard", await db.Users.Where(u => u.Email == existing).Select(u => u.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task Register_TwiceBeforeConfirming_SendsAFreshLinkAndMakesOneAccount()
    {
        var sent = new List<EmailMessage>();
        using var app = new CoProduceAppFactory { TestServices = s => s.AddSingleton(CapturingSender(sent)) };
        using var client = app.CreatePortalClient();

        await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Dee"), new("Email", "dee.twice@example.org")]);
        var again = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Dee"), new("Email", "dee.twice@example.org")]);
        await app.SendQueuedEmailsAsync();

        Assert.Equal("/register/check-your-email", again.Location());
        Assert.Equal(2, sent.Count(m => m.To == "dee.twice@example.org" && m.TextBody.Contains("/register/confirm?", StringComparison.Ordinal)));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().Users.CountAsync(u => u.Email == "dee.twice@example.org"));
    }

    public static TheoryData<string, string> SignInOutcomes => new()
    {
        { "unknown address", "nobody.here@example.org" },
        { "wrong password", "maya.khan@example.org" },
        { "account waiting for its first password", "waiting@example.org" },
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
        if (outcome == "account waiting for its first password")
        {
            await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Wai"), new("Email", email)]);
        }
        if (outcome == "locked account")
        {
            for (var attempt = 0; attempt < 5; attempt++)
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
