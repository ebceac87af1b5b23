using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Security;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// Every page each audience can reach, run through axe in Chromium against WCAG 2.0, 2.1 and 2.2
/// A and AA. Pages come from the app's own list of actions, so a new page is swept without
/// anyone remembering to add it. Forms are also checked showing their errors.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilitySweepTests(BrowserFixture browser)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
    };

    /// <summary>
    /// Forms to submit as they are (mostly empty), so that their error summaries, inline errors
    /// and other results are swept too. Project 1 and exception 1 are in the demo data.
    /// </summary>
    private static readonly Dictionary<string, string[]> FormsWithErrors = new()
    {
        [AccessExpectations.Anonymous] = ["/sign-in", "/register", "/forgot-password", "/co-production-rules"],
        [Roles.Commissioner] = ["/projects/new", "/projects/1/next-stage", "/projects/1/requirements/R1/evidence", "/projects/1/requirements/R1/exception",
            "/manage/activities/new", "/manage/activities/1/sign-ups/1/decline", "/manage/activities/4/feedback", "/projects/1/feedback",
            "/account/two-factor/set-up"],
        [Roles.CoProductionLead] = ["/admin/staff/new", "/exceptions/1", "/rules/new", "/payments/budget?year=2040",
            "/payments/rates/new", "/payments/benefit-limits/new", "/payments/settings", "/easy-read/templates/payments/check",
            "/retention"],
        [Roles.ExpertByExperience] = ["/profile/payment/bank-details", "/profile/payment/benefits"],
        // Claim 5 is the demo's approved claim (Grace's interview panel).
        [Roles.FinanceOfficer] = ["/finance/claims/5/correction"],
    };

    /// <summary>
    /// Pages that only a query string or a particular id brings out, which the list of actions cannot
    /// know: the roster inviting people to the demo's open panel (activity 2), requests sorted by least
    /// recent involvement, and Jo's easy-read invitation to that panel.
    /// </summary>
    private static readonly Dictionary<string, string[]> PagesWithQueries = new()
    {
        // The right-to-left sample of the easy-read documents, and the carers' project's published answers.
        // The "Too many attempts" page that a rate-limited request gets.
        [AccessExpectations.Anonymous] = ["/programme?lang=ar", "/you-said-we-did?page=1", "/you-said-we-did/2", "/you-said-we-did/2/easy-read", "/error/429"],
        // Activity 4 is the demo's past listening session, which Jo attended: its notes page has the form, and Jo can read them.
        // Project 2 (carers) has the demo's themes and published answers; note 1 is a themed note of activity 4,
        // note 9 an unthemed one of activity 6 (the co-writing session) that Jo said and can still correct.
        // The ladder sorted by hours; the page and statement of a project with attendance (project 2 again).
        [Roles.Commissioner] = ["/roster?inviteTo=2", "/manage/activities/1?sort=least-involved", "/manage/activities/1?show=requested", "/manage/activities/4/feedback",
            "/manage/activities/4/feedback/1/edit", "/projects/2/feedback", "/projects/2/feedback/themes/1",
            "/projects/ladder?sort=hours", "/projects/2", "/projects/2/statement"],
        [Roles.ExpertByExperience] = ["/my-involvement/activities/2/invitation", "/my-involvement/activities/4/feedback",
            "/my-involvement/activities/6/feedback/9", "/my-involvement/activities/4/feedback/1", "/my-involvement/you-said-we-did/2"],
        [Roles.FinanceOfficer] = ["/finance?status=all&from=not-a-date&min=lots", "/finance?status=Paid&sort=amount-desc"],
        // The easy-read previews of each template with made-up content.
        // The reports for another year, and the second page of exceptions (the list is short, so it shows the first).
        // The audit log of one project, and with dates it cannot read (errors by the fields).
        [Roles.CoProductionLead] = ["/easy-read/templates/how-we-pay/sample", "/easy-read/templates/you-said-we-did/sample",
            "/reports/payments?year=2025", "/reports/seven-keys?year=2025", "/reports/you-said-we-did?year=2025", "/reports/requirements?page=2",
            "/audit?subject=Project&id=1", "/audit?From.Day=31&From.Month=2&From.Year=2026&To.Day=1&To.Month=1&To.Year=2025"],
    };

    public static TheoryData<string> Audiences() => [.. AccessExpectations.Audiences];

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task EveryReachablePage_HasNoWcagAaViolations(string audience)
    {
        var page = await browser.NewPageAsync();
        if (audience != AccessExpectations.Anonymous)
        {
            await browser.SignInAsync(page, audience);
        }

        var urls = AccessExpectations.Discover(browser.App.Services)
            .Where(a => a.Method is "GET" or "ANY")
            .Where(a => AccessExpectations.IsAllowed(AccessExpectations.Expected[a.Key], audience))
            .Select(a => a.Url)
            // The idle-timeout warning's keep-alive answers 204 No Content: a ping, not a page.
            .Where(url => url != "/session/keep-alive")
            .Concat(PagesWithQueries.GetValueOrDefault(audience, []))
            .Distinct()
            .ToList();
        Assert.NotEmpty(urls);

        var problems = new List<string>();
        foreach (var url in urls)
        {
            IResponse? response;
            try
            {
                response = await page.GotoAsync(url);
            }
            catch (PlaywrightException download) when (download.Message.Contains("Download is starting", StringComparison.Ordinal))
            {
                continue; // a file to save (the "your data" JSON), not a page
            }
            if (response?.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) != true)
            {
                continue; // a file download or a health check, not a page
            }
            problems.AddRange(await ViolationsAsync(page, url));
            problems.AddRange(await ReflowProblemsAsync(page, url));
            await BrowserFixture.ScreenshotAsync(page, $"pages/{audience}{url.Replace('/', '_')}");
        }
        foreach (var url in FormsWithErrors.GetValueOrDefault(audience, []))
        {
            await page.GotoAsync(url);
            // Wait for the new page, not for "load" on whichever document is current: the form posts
            // to its own address, so the old page could be taken for the new one (as sign-in does).
            await page.EvaluateAsync("() => { window.__oldPage = true; }");
            await page.Locator("main form[novalidate] button[type=submit]").First.ClickAsync();
            await page.WaitForFunctionAsync("() => window.__oldPage === undefined && document.readyState === 'complete'");
            problems.AddRange(await ViolationsAsync(page, url + " (submitted)"));
        }

        Assert.True(problems.Count == 0, $"Accessibility problems for {audience}:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Sweep_PageWithUnlabelledField_IsCaught()
    {
        // The sweep must be able to fail: an input with no label breaks WCAG 2.0 A.
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Test</title></head><body><main><h1>Form</h1><input type=\"text\" id=\"name\"></main></body></html>");

        var problems = await ViolationsAsync(page, "test page");

        Assert.Contains(problems, p => p.Contains("label", StringComparison.Ordinal));
    }

    /// <summary>WCAG 1.4.10: at 320 px wide (400% zoom) the page must not scroll sideways.</summary>
    private static async Task<IEnumerable<string>> ReflowProblemsAsync(IPage page, string label)
    {
        var original = page.ViewportSize!;
        await page.SetViewportSizeAsync(320, 900);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.SetViewportSizeAsync(original.Width, original.Height);
        return width > 320 ? [$"{label}: {width} px wide at 320 px, so it scrolls sideways"] : [];
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string label)
    {
        var result = await page.RunAxe(WcagAa);
        return result.Violations.Select(v =>
            $"{label}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
    }
}
