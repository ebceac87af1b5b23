using System.Net;
using CoProduce.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// The real limits, set low here (the other tests raise them out of the way). Requests come
/// through a proxy on this machine whose X-Forwarded-For names the client, so the limiter counts
/// the address the app's forwarded-headers handling believes.
/// </summary>
public sealed class RateLimitingTests(RateLimitingTests.LimitedPortal portal) : IClassFixture<RateLimitingTests.LimitedPortal>
{
    public sealed class LimitedPortal : CoProduceAppFactory
    {
        public LimitedPortal()
        {
            Settings = new Dictionary<string, string>
            {
                // The defaults for sign-in from one address: 10 a minute.
                ["RateLimiting:SignIn:PerAddress:Permits"] = "10",
                ["RateLimiting:SignIn:PerAddress:WindowSeconds"] = "60",
                ["RateLimiting:SignIn:PerAccount:Permits"] = "3",
                ["RateLimiting:SignIn:PerAccount:WindowSeconds"] = "900",
                ["RateLimiting:Registration:PerAddress:Permits"] = "2",
                ["RateLimiting:PasswordReset:PerAccount:Permits"] = "2",
                ["RateLimiting:Pdf:PerAddress:Permits"] = "1",
                ["RateLimiting:Pdf:PerAddress:WindowSeconds"] = "60",
            };
            TestServices = services => services.AddTransient<IStartupFilter, ConnectionFromThisMachine>();
        }
    }

    [Fact]
    public async Task SignIn_EleventhAttemptInAMinuteFromOneAddress_Gets429WithAReadablePage()
    {
        using var client = ClientAt("203.0.113.11");
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            // A different account each time: only the address's limit is reached.
            var refused = await client.SignInAsync($"guess{attempt}@example.org", "wrong password here");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var eleventh = await client.SignInAsync("guess11@example.org", "wrong password here");

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        var retryAfter = Assert.Single(eleventh.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        var page = await eleventh.ReadPageAsync();
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith("Too many attempts", page.Title, StringComparison.Ordinal);
        Assert.Equal("Wait 1 minute and try again.", page.QuerySelector("#try-again")?.TextContent.Trim());
        Assert.Equal("/sign-in", page.QuerySelector("main a.govuk-link")?.GetAttribute("href"));

        // Someone else, at another address, can still sign in.
        using var other = ClientAt("203.0.113.12");
        var signedIn = await other.SignInAsync(DemoUsers.EmailFor(CoProduce.Web.Infrastructure.Security.Roles.Commissioner), DemoUsers.Password(portal));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task SignIn_OneAccountFromManyAddresses_IsLimitedPerAccount_HoweverTheEmailIsTyped()
    {
        string[] spellings = ["target.person@example.org", " Target.Person@example.org", "TARGET.PERSON@EXAMPLE.ORG "];
        for (var i = 0; i < spellings.Length; i++)
        {
            using var attacker = ClientAt($"198.51.100.{i + 1}");
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.SignInAsync(spellings[i], "wrong password here")).StatusCode);
        }

        using var fourth = ClientAt("198.51.100.4");
        var refused = await fourth.SignInAsync("target.person@example.org", "wrong password here");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("900", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("Wait 15 minutes and try again.", (await refused.ReadPageAsync()).QuerySelector("#try-again")?.TextContent.Trim());
        // The same address may still try another account.
        Assert.Equal(HttpStatusCode.BadRequest, (await fourth.SignInAsync("someone.else@example.org", "wrong password here")).StatusCode);
    }

    [Fact]
    public async Task Registration_ThirdFromOneAddress_IsRefused_AndSaysWhereToGoBack()
    {
        using var client = ClientAt("192.0.2.20");
        for (var i = 1; i <= 2; i++)
        {
            var asked = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Sam"), new("Email", $"sam{i}.limit@example.org")]);
            Assert.Equal("/register/check-your-email", asked.Location());
        }

        var third = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", "Sam"), new("Email", "sam3.limit@example.org")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        var page = await third.ReadPageAsync();
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/register", page.QuerySelector("main a.govuk-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ForgotPassword_OneAccount_IsNotSentLinkAfterLinkFromManyAddresses()
    {
        for (var i = 1; i <= 2; i++)
        {
            using var client = ClientAt($"192.0.2.{30 + i}");
            var asked = await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "maya.khan@example.org")]);
            Assert.Equal("/forgot-password/sent", asked.Location());
        }

        using var third = ClientAt("192.0.2.33");
        var refused = await third.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "Maya.Khan@example.org")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("/forgot-password", (await refused.ReadPageAsync()).QuerySelector("main a.govuk-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ForgotPassword_RepeatingTheFieldOrMovingItToTheAddress_StillCountsAgainstTheAccount()
    {
        // A second Email field would make a fresh counter if the limiter read them all; the page binds the first.
        using (var first = ClientAt("192.0.2.41"))
        {
            var asked = await first.SubmitFormAsync("/forgot-password", "/forgot-password",
                [new("Email", "tom.evans@example.org"), new("Email", $"{Guid.NewGuid():N}@example.org")]);
            Assert.Equal("/forgot-password/sent", asked.Location());
        }
        // With no Email in the form, the page binds the one in the address.
        using (var second = ClientAt("192.0.2.42"))
        {
            var page = await second.GetPageAsync("/forgot-password");
            var token = page.QuerySelector("form[action='/forgot-password'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var onlyToken = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            var asked = await second.PostAsync(new Uri("/forgot-password?Email=tom.evans%40example.org", UriKind.Relative), onlyToken);
            Assert.Equal("/forgot-password/sent", asked.Location());
        }

        using var third = ClientAt("192.0.2.43");
        var refused = await third.SubmitFormAsync("/forgot-password", "/forgot-password",
            [new("Email", "TOM.EVANS@example.org"), new("Email", "decoy@example.org")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Pdf_SecondInAMinuteFromOneAddress_OfAnyDocument_IsRefused_OthersStillGetTheirs()
    {
        using var client = ClientAt("192.0.2.40");
        var first = await client.GetAsync(new Uri("/how-we-pay/easy-read.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);

        var second = await client.GetAsync(new Uri("/how-we-pay/easy-read.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.Contains("Retry-After"));
        var page = await second.ReadPageAsync();
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/", page.QuerySelector("main a.govuk-link")?.GetAttribute("href"));
        // Every PDF counts, whichever document it is.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(new Uri("/programme.pdf", UriKind.Relative))).StatusCode);
        // The page is not limited, and neither is another address.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/how-we-pay/easy-read", UriKind.Relative))).StatusCode);
        using var other = ClientAt("192.0.2.41");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/how-we-pay/easy-read.pdf", UriKind.Relative))).StatusCode);
    }

    private HttpClient ClientAt(string address)
    {
        var client = portal.CreatePortalClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>Every request arrives from a proxy on this machine, whose forwarded headers the app believes.</summary>
    private sealed class ConnectionFromThisMachine : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }
}
