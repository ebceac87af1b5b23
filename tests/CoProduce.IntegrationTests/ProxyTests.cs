using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Production behind a TLS-terminating proxy: the browser speaks https to the proxy, the proxy
/// speaks plain http to the portal with X-Forwarded-Proto and X-Forwarded-For. Every page works,
/// forms included (antiforgery needs the https scheme), and the cookies stay Secure.
/// </summary>
public sealed class ProxyTests : IDisposable
{
    private const string PublicAddress = "https://coproduce.brackenfield.example";

    private readonly CoProduceAppFactory _app = new() { Environment = "Production", PublicBaseUrl = PublicAddress };

    public static TheoryData<string> Audiences => [.. AccessExpectations.Audiences];

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task BehindProxy_OverPlainHttp_EveryPageAndFormWorks(string audience)
    {
        using var browser = ThroughProxy();
        if (audience != AccessExpectations.Anonymous)
        {
            var signedIn = await browser.SignInAsync(DemoUsers.EmailFor(audience), DemoUsers.Password(_app));
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentitySetup.AuthCookieName, StringComparison.Ordinal));
            Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        }

        var pages = AccessExpectations.Discover(_app.Services)
            .Where(a => a.Method == "GET" && !a.Url.StartsWith("/error", StringComparison.Ordinal) &&
                        AccessExpectations.IsAllowed(AccessExpectations.Expected[a.Key], audience))
            .Select(a => a.Url).Distinct().ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            using var response = await browser.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True((int)response.StatusCode < 500, $"{page} as {audience}: {(int)response.StatusCode}");
            Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
            Assert.False(response.Headers.Contains("Server"), "The Server header tells an attacker what to try");
        }
    }

    [Fact]
    public async Task BehindProxy_AFormPostSavesAndRedirectsOnTheHttpsAddress()
    {
        using var browser = ThroughProxy();
        await browser.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), DemoUsers.Password(_app));

        var created = await browser.SubmitFormAsync("/projects/new", "/projects/new",
        [
            new("Title", "Behind the proxy"), new("ServiceArea", "Day opportunities"), new("Summary", "A test"),
            new("Value", "1000"), new("KeyDecision", "no"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/projects/", created.Location(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.50", false)]
    public async Task ForwardedHeaders_AreBelievedOnlyFromAKnownProxy(string connectingFrom, bool believed)
    {
        using var app = new CoProduceAppFactory
        {
            Environment = "Production",
            PublicBaseUrl = PublicAddress,
            TestServices = services => services.AddTransient<IStartupFilter>(_ => new ConnectionFrom(IPAddress.Parse(connectingFrom))),
        };
        using var client = app.CreateDefaultClient(new Uri(PublicAddress), new CookieContainerHandler(), new TlsTerminatingProxy());

        var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));

        // HSTS is only sent on https: it shows whether the forwarded scheme was believed.
        Assert.Equal(believed, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("2", 2)]
    [InlineData("0", 1)]
    public void ForwardLimit_ComesFromSettings_AndIsAtLeastOne(string? setting, int expected)
    {
        using var app = new CoProduceAppFactory
        {
            Environment = "Production",
            PublicBaseUrl = PublicAddress,
            Settings = setting is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ForwardedHeaders:ForwardLimit"] = setting },
        };
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Equal(expected, options.ForwardLimit);
    }

    /// <summary>Sets the address the request seems to come from, as the network would.</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }

    /// <summary>A client whose requests pass through a TLS-terminating proxy on this machine.</summary>
    private HttpClient ThroughProxy() =>
        _app.CreateDefaultClient(new Uri(PublicAddress), new CookieContainerHandler(), new TlsTerminatingProxy());

    public void Dispose() => _app.Dispose();

    private sealed class TlsTerminatingProxy : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var builder = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttp, Port = 80 };
            request.RequestUri = builder.Uri;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
