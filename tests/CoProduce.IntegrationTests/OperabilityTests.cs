using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoProduce.IntegrationTests;

public sealed class OperabilityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Health_DatabaseReachable_ReportsHealthy()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_DatabaseUnreachable_ReportsUnhealthy()
    {
        // Read-only access to a database file that does not exist: SQLite cannot open it.
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db");
        using var app = new CoProduceAppFactory().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:CoProduce", $"Data Source={missing};Mode=ReadOnly")
            .UseSetting("Database:MigrateOnStartup", "false")
            .UseSetting("Database:SeedDemoData", "false"));
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Commissioner)]
    public async Task UnknownAddress_ShowsFriendlyNotFoundPage(string? role)
    {
        var client = await portal.ClientForAsync(role ?? AccessExpectations.Anonymous);

        var response = await client.GetAsync(new Uri("/projects/no-such-thing/at-all", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task ServerError_OutsideDevelopment_ShowsReferenceAndNoStackTrace()
    {
        // A database that refuses to be written to: the forgotten-password email cannot be stored.
        using var app = new CoProduceAppFactory();
        using (var first = app.CreatePortalClient())
        {
            // The first instance makes the database, its demo data and the keys that protect forms.
            await first.GetAsync(new Uri("/forgot-password", UriKind.Relative));
        }
        using var readOnly = app.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:CoProduce", $"Data Source={app.DatabasePath};Mode=ReadOnly")
            .UseSetting("Database:MigrateOnStartup", "false")
            .UseSetting("Database:SeedDemoData", "false"));
        using var client = readOnly.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "maya.khan@example.org")]);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadPageAsync();
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Matches("^[0-9a-f]{32}$", page.QuerySelector("#correlation-id")?.TextContent.Trim() ?? string.Empty);
        Assert.DoesNotContain("readonly", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at CoProduce.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("a[")]
    [InlineData("a]b[")]
    public async Task OddFieldNames_InAFormOrAQuery_AreIgnored(string name)
    {
        using var client = portal.CreatePortalClient();

        var posted = await client.SubmitFormAsync("/forgot-password", "/forgot-password", [new("Email", "nobody@example.org"), new(name, "x")]);
        var asked = await client.GetAsync(new Uri($"/co-production-rules?value=5000&keyDecision=no&{Uri.EscapeDataString(name)}=x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        // HSTS is never sent to localhost, so this asks for the portal by its public name.
        using var app = new CoProduceAppFactory { PublicBaseUrl = "https://coproduce.example" };
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://coproduce.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_AreSecureHttpOnlyAndSameSite()
    {
        using var client = portal.CreatePortalClient();

        var signInPage = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        var antiforgery = signInPage.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentitySetup.AntiforgeryCookieName, StringComparison.Ordinal));
        var signedIn = await client.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), DemoUsers.Password(portal));
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentitySetup.AuthCookieName, StringComparison.Ordinal));

        foreach (var cookie in new[] { antiforgery, auth })
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabase()
    {
        using var client = portal.CreatePortalClient();
        await client.GetAsync(new Uri("/sign-in", UriKind.Relative)); // issues an antiforgery token, which needs a key

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();

        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Pages_ShowMoneyInPoundsAndPenceEnGb()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var page = await client.GetPageAsync("/projects");

        Assert.Contains("£650,000", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
    }
}
