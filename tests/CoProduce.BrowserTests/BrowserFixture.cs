using System.Net;
using System.Security.Cryptography.X509Certificates;
using CoProduce.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// The real app on Kestrel (a real port), driven by the machine's Chromium through Playwright.
/// Playwright cannot download its own browser here, so it is pointed at /usr/bin/chromium
/// (the test command installs Debian's chromium when it is missing).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Actions that need longer than this are broken, not slow: fail rather than hang. Generous,
    /// because CI shares two cores between the app, Chromium and the test runner.
    /// </summary>
    private const float ActionTimeoutMs = 30_000;

    private IPlaywright? _playwright;

    private X509Certificate2? _certificate;

    public CoProduceAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        // HTTPS with a throwaway certificate, because the portal's cookies are Secure outside Development.
        _certificate = TestCertificate.Create();
        // The port is chosen before start, because emailed links are built from the public address.
        var port = FreeLoopbackPort();
        BaseUrl = $"https://localhost:{port}";
        App.PublicBaseUrl = BaseUrl;
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen =>
            listen.UseHttps(_certificate)));
        App.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            IgnoreHTTPSErrors = true,
        });
        context.SetDefaultTimeout(ActionTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task SignInAsync(IPage page, string role)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoUsers.EmailFor(role));
        await page.GetByLabel("Password").FillAsync(DemoUsers.Password(App));
        await page.EvaluateAsync("() => { window.__oldPage = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__oldPage === undefined && document.readyState === 'complete'");
        Assert.True(page.Url == BaseUrl + "/",
            $"Signing in as {role} ended on {page.Url}: {await page.Locator("h1").First.InnerTextAsync()}");
    }

    /// <summary>Signs in with the keyboard alone: Tab to each field, type, Enter.</summary>
    public async Task SignInWithKeyboardAsync(IPage page, string role)
    {
        await page.GotoAsync("/sign-in");
        await Keyboard.TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync(DemoUsers.EmailFor(role));
        await Keyboard.TabToAsync(page, "#Password");
        await page.Keyboard.TypeAsync(DemoUsers.Password(App));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(BaseUrl + "/");
    }

    /// <summary>Saves a full-page screenshot in artifacts/screenshots (a name may contain one folder).</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestArtifacts.Folder("screenshots"), name + ".png"), FullPage = true });

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
        _certificate?.Dispose();
    }
}
