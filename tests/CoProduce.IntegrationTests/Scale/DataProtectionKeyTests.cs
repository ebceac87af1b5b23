using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Scale;

/// <summary>
/// The keys that protect cookies and form tokens, encrypted in the database with a certificate
/// named in configuration: another instance with the same certificate reads what the first
/// issued, and one with another certificate does not start.
/// </summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    /// <summary>The throwaway certificate files' password, made for this run.</summary>
    private static readonly string PfxPassword = Guid.NewGuid().ToString("N");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coproduce-tests", "keys-" + Guid.NewGuid().ToString("N"));

    public DataProtectionKeyTests() => Directory.CreateDirectory(_folder);

    private string WritePfx(string name)
    {
        using var certificate = TestCertificate.Create();
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
        return path;
    }

    private static Dictionary<string, string> Certificate(string path) => new()
    {
        ["DataProtection:Certificate:Path"] = path,
        ["DataProtection:Certificate:Password"] = PfxPassword,
    };

    [Fact]
    public async Task KeysAreEncryptedWithTheCertificate_AndAnotherInstanceWithItReadsTheCookiesAndFormTokens()
    {
        var pfx = WritePfx("keys.pfx");
        using var first = new CoProduceAppFactory { Settings = Certificate(pfx) };
        _ = first.Services;
        using var second = new CoProduceAppFactory { SharedDatabasePath = first.DatabasePath, Settings = Certificate(pfx) };
        _ = second.Services;
        // One browser, sent by the load balancer to one instance and then the other.
        var cookies = new CookieContainer();
        using var toFirst = first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        using var toSecond = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        // The sign-in form comes from the first instance; the second accepts its token and signs the person in.
        var token = (await toFirst.GetPageAsync("/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var signIn = new FormUrlEncodedContent(
        [
            new("Email", DemoUsers.EmailFor(Roles.Commissioner)),
            new("Password", DemoUsers.Password(first)),
            new("ReturnUrl", string.Empty),
            new("__RequestVerificationToken", token),
        ]);
        var signedIn = await toSecond.PostAsync(new Uri("/sign-in", UriKind.Relative), signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The first reads the sign-in cookie the second issued.
        var projects = await toFirst.GetAsync(new Uri("/projects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);

        // In the database, each key's secret is encrypted: no plain master key.
        await using var scope = first.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        // An instance with another certificate cannot read the keys: it does not start, so the cookie is accepted nowhere but by instances with the certificate.
        using var stranger = new CoProduceAppFactory { SharedDatabasePath = first.DatabasePath, Settings = Certificate(WritePfx("other.pfx")) };
        var refused = Assert.Throws<InvalidOperationException>(() => stranger.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));
        Assert.Contains("does not match", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCertificate_TheInstanceDoesNotStart_AndWritesNoKeyOfItsOwn()
    {
        using var first = new CoProduceAppFactory { Settings = Certificate(WritePfx("keys.pfx")) };
        using var toFirst = first.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await toFirst.GetAsync(new Uri("/sign-in", UriKind.Relative))).StatusCode);
        var written = await KeyNamesAsync(first);
        Assert.NotEmpty(written);

        // Same database, a different certificate: start-up stops before anything asks for the current key.
        using var second = new CoProduceAppFactory { SharedDatabasePath = first.DatabasePath, Settings = Certificate(WritePfx("other.pfx")) };
        var refused = Assert.Throws<InvalidOperationException>(() => second.CreatePortalClient());

        Assert.Contains("DataProtection:Certificate:Path", refused.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the one the data-protection keys in the database were protected with", refused.Message, StringComparison.Ordinal);
        Assert.Contains("has written no new key", refused.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CryptographicException>(refused.InnerException);
        // The table holds exactly the keys the first instance wrote, and the first still serves with them.
        Assert.Equal(written, await KeyNamesAsync(first));
        Assert.Equal(HttpStatusCode.OK, (await toFirst.GetAsync(new Uri("/sign-in", UriKind.Relative))).StatusCode);
    }

    private static async Task<List<string>> KeyNamesAsync(CoProduceAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().DataProtectionKeys.AsNoTracking()
            .OrderBy(k => k.Id).Select(k => k.FriendlyName!).ToListAsync();
    }

    [Fact]
    public async Task CertificateReplaced_KeysTheOldOneEncryptedAreStillRead_WhileItIsNamedAsPrevious()
    {
        var oldPfx = WritePfx("old.pfx");
        using var before = new CoProduceAppFactory { Settings = Certificate(oldPfx) };
        var cookies = new CookieContainer();
        using var toBefore = before.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var token = (await toBefore.GetPageAsync("/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var signIn = new FormUrlEncodedContent(
        [
            new("Email", DemoUsers.EmailFor(Roles.Commissioner)),
            new("Password", DemoUsers.Password(before)),
            new("ReturnUrl", string.Empty),
            new("__RequestVerificationToken", token),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await toBefore.PostAsync(new Uri("/sign-in", UriKind.Relative), signIn)).StatusCode);

        var settings = Certificate(WritePfx("new.pfx"));
        settings["DataProtection:Certificate:Previous:0:Path"] = oldPfx;
        settings["DataProtection:Certificate:Previous:0:Password"] = PfxPassword;
        using var after = new CoProduceAppFactory { SharedDatabasePath = before.DatabasePath, Settings = settings };
        using var toAfter = after.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        Assert.Equal(HttpStatusCode.OK, (await toAfter.GetAsync(new Uri("/projects", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void CertificateNamedButMissing_TheInstanceDoesNotStart()
    {
        using var app = new CoProduceAppFactory { Settings = Certificate(Path.Combine(_folder, "not-there.pfx")) };

        var refused = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("DataProtection:Certificate:Path", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }
}
