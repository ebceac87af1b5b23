using System.Text;
using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.Extensions.Logging;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Forms the server cannot read (a NUL byte, too many fields, a value or a body too large) get the
/// friendly "problem with the form" page with status 400 and a log line, on the real Kestrel
/// server: never a broken status line or an empty answer.
/// </summary>
public sealed class UnreadableFormTests(UnreadableFormTests.Server server) : IClassFixture<UnreadableFormTests.Server>
{
    public sealed class Server : IDisposable
    {
        public KestrelPortal Portal { get; } = new();

        public void Dispose() => Portal.Dispose();
    }

    private const string FormType = "application/x-www-form-urlencoded";

    /// <summary>Each kind of unreadable form, as a body after the antiforgery token.</summary>
    public static TheoryData<string> Kinds => ["nul", "too-many-fields", "value-over-4MB", "body-over-30MB"];

    public static byte[] UnreadableBody(string kind, string token)
    {
        var start = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&";
        return kind switch
        {
            "nul" => Encoding.ASCII.GetBytes(start + "Email=a%00b%40example.org&Title=x%00y"),
            "too-many-fields" => Encoding.ASCII.GetBytes(start + string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x"))),
            "value-over-4MB" => Encoding.ASCII.GetBytes(start + "Email=" + new string('a', (4 * 1024 * 1024) + 10)),
            "body-over-30MB" => Encoding.ASCII.GetBytes(start + "Email=" + new string('a', 31 * 1024 * 1024)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task UnreadableForm_Anonymous_FriendlyBadRequestWithALogLine(string kind)
    {
        using var browser = server.Portal.CreateBrowser();
        var token = await TokenAsync(browser, "/forgot-password");

        var response = await browser.SendRawAsync("POST", "/forgot-password", FormType, UnreadableBody(kind, token));

        AssertFriendlyBadRequest(response, kind);
        Assert.Contains(server.Portal.Log.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("/forgot-password", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task UnreadableForm_SignedIn_FriendlyBadRequestAndStillSignedIn(string kind)
    {
        using var browser = server.Portal.CreateBrowser();
        var signInToken = await TokenAsync(browser, "/sign-in");
        using var signIn = new FormUrlEncodedContent(
        [
            new("Email", DemoUsers.EmailFor(Roles.Commissioner)), new("Password", DemoUsers.Password(server.Portal.App)), new("__RequestVerificationToken", signInToken),
        ]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.Client.PostAsync(new Uri("/sign-in", UriKind.Relative), signIn)).StatusCode);
        var token = await TokenAsync(browser, "/projects/new");

        var response = await browser.SendRawAsync("POST", "/projects/new", FormType, UnreadableBody(kind, token));

        AssertFriendlyBadRequest(response, kind);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/projects/new", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task EvidenceUpload_LargerThanTheServerDefaultButWithinItsOwnLimit_IsExplainedByTheField()
    {
        // Add evidence allows bodies up to 30 MiB, above the server's default of 30,000,000 bytes:
        // the form is read under the action's own limit, so a file too large gets the field's message.
        using var browser = server.Portal.CreateBrowser();
        var signInToken = await TokenAsync(browser, "/sign-in");
        using var signIn = new FormUrlEncodedContent(
        [
            new("Email", DemoUsers.EmailFor(Roles.Commissioner)), new("Password", DemoUsers.Password(server.Portal.App)), new("__RequestVerificationToken", signInToken),
        ]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await browser.Client.PostAsync(new Uri("/sign-in", UriKind.Relative), signIn)).StatusCode);
        const string url = "/projects/1/requirements/R1/evidence";
        var token = await TokenAsync(browser, url);
        var file = new byte[30_200_000];
        "%PDF-1.7\n"u8.CopyTo(file);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Workshop"), "WhatWasDone" },
            { new StringContent("3"), "DoneOn.Day" },
            { new StringContent("11"), "DoneOn.Month" },
            { new StringContent("2026"), "DoneOn.Year" },
            { new StringContent("8"), "LivedExperienceCount" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Attachment", "big.pdf" },
        };

        var response = await browser.Client.PostAsync(new Uri(url, UriKind.Relative), form);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Attachment The selected file must be smaller than 10MB"], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Theory]
    [InlineData("/error/0")]
    [InlineData("/error/99")]
    [InlineData("/error/1000")]
    public async Task ErrorPage_ForAStatusThatIsNotAnError_IsPageNotFound(string path)
    {
        using var browser = server.Portal.CreateBrowser();

        var response = await browser.SendRawAsync("GET", path, FormType, []);

        Assert.Equal(404, response.StatusCode);
        Assert.Contains("Page not found", response.Body, StringComparison.Ordinal);
    }

    internal static void AssertFriendlyBadRequest(RawResponse response, string what)
    {
        Assert.True(response.StatusCode == 400, $"{what}: expected status 400, got the status line \"{response.StatusLine}\"");
        Assert.Contains("Sorry, there is a problem with the form", response.Body, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(KestrelBrowser browser, string url)
    {
        var page = await (await browser.Client.GetAsync(new Uri(url, UriKind.Relative))).ReadPageAsync();
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
