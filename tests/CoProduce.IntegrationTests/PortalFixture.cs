using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoProduce.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// One running app per test class, with a signed-in client per role kept for reuse. It can count
/// the SQL commands of a request (<see cref="SqlCommandCounting"/>) and keeps the log (<see cref="Log"/>).
/// </summary>
public class PortalFixture : CoProduceAppFactory
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSqlCommandCounting();
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log);
        });
    }

    /// <summary>Every log line the app writes, for tests that check what never goes into a log.</summary>
    public CapturedLog Log { get; } = new();

    public async Task<HttpClient> ClientForAsync(string audience)
    {
        if (_clients.TryGetValue(audience, out var client))
        {
            return client;
        }
        client = CreatePortalClient();
        if (audience != AccessExpectations.Anonymous)
        {
            var response = await client.SignInAsync(DemoUsers.EmailFor(audience), DemoUsers.Password(this));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        _clients[audience] = client;
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Talking to the portal as a browser would: read pages, fill forms with their antiforgery token.</summary>
/// <summary>Moving test data through time.</summary>
public static class PortalTimeExtensions
{
    /// <summary>
    /// The activity's day comes. Activities are planned for the future, and can be completed and
    /// attendance recorded only on or after their day (UK time), so the test moves the day to today.
    /// </summary>
    public static async Task ArriveAtTheDayAsync(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> portal, int activityId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduce.Web.Data.CoProduceDbContext>();
        var today = CoProduce.Web.Domain.Common.UkTime.Today(TimeProvider.System);
        await db.Activities.Where(a => a.Id == activityId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Date, today).SetProperty(x => x.SignUpClosesOn, today));
    }
}

public static class PortalClientExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.ReadPageAsync();
    }

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads the page with the form, then posts the given fields as a browser would: with the
    /// form's hidden fields (its antiforgery token among them) unless a test gives its own value.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var formElement = page.QuerySelector("form[action='" + actionUrl + "']");
        if (formElement?.QuerySelector("input[name=__RequestVerificationToken]") is null)
        {
            throw new InvalidOperationException($"No form posting to {actionUrl} with an antiforgery token on {pageUrl}");
        }
        var given = fields.ToList();
        var hidden = formElement.QuerySelectorAll("input[type=hidden]")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name") ?? string.Empty, input.GetAttribute("value") ?? string.Empty))
            .Where(field => field.Key.Length > 0 && given.All(g => g.Key != field.Key));
        var form = given.Concat(hidden);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    /// <summary>
    /// The fields a browser would send from the form: every named input, textarea and select with
    /// its value (checked boxes only), with the given fields in place of the page's own.
    /// </summary>
    public static async Task<List<KeyValuePair<string, string>>> FormAsBrowserWouldSendAsync(this HttpClient client, string pageUrl, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector("form[action='" + actionUrl + "']")
            ?? throw new InvalidOperationException($"No form posting to {actionUrl} on {pageUrl}");
        var given = fields.ToList();
        var own = new List<KeyValuePair<string, string>>();
        foreach (var control in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = control.GetAttribute("name")!;
            var type = control.GetAttribute("type") ?? "text";
            if (given.Any(g => g.Key == name) || type is "submit" or "button" or "file" ||
                (type is "checkbox" or "radio" && !control.HasAttribute("checked")))
            {
                continue;
            }
            var value = control.LocalName switch
            {
                "textarea" => control.TextContent,
                "select" => control.QuerySelector("option[selected]")?.GetAttribute("value") ?? control.QuerySelector("option")?.GetAttribute("value") ?? string.Empty,
                _ => control.GetAttribute("value") ?? (type is "checkbox" or "radio" ? "on" : string.Empty),
            };
            own.Add(new(name, value));
        }
        return [.. own, .. given];
    }

    /// <summary>
    /// Posts to an action whose button the page does not show (a second tab, a crafted request),
    /// with a valid antiforgery token taken from the page.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithoutButtonAsync(this HttpClient client, string pageUrl, string actionUrl)
    {
        var token = (await client.GetPageAsync(pageUrl)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), form);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? returnUrl = null) =>
        client.SubmitFormAsync(returnUrl is null ? "/sign-in" : "/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl), "/sign-in",
        [
            new("Email", email),
            new("Password", password),
            new("ReturnUrl", returnUrl ?? string.Empty),
        ]);

    /// <summary>
    /// Registers as an expert by experience the whole way: the form, the link in the email, the
    /// password. Returns the last response (a redirect to /profile, signed in).
    /// </summary>
    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, CoProduceAppFactory app, string name, string email, string password)
    {
        var asked = await client.SubmitFormAsync("/register", "/register", [new("DisplayName", name), new("Email", email)]);
        if (asked.Location() != "/register/check-your-email")
        {
            return asked;
        }
        await app.SendQueuedEmailsAsync();
        var link = Mailbox.LinkTo(app.MailFolder, email, "/register/confirm");
        return await client.SubmitFormAsync(link, "/register/confirm", [new("DisplayName", name), new("Password", password), new("ConfirmPassword", password)]);
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    public static IReadOnlyList<string> ErrorSummaryLinks(this IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href") + " " + a.TextContent.Trim()).ToList();
}
