using System.Text.RegularExpressions;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// The commissioning journey from the issue, keyboard only: a £650,000 project is tier 4 with six
/// requirements; it cannot leave Analyse until R1 has evidence and R2 an exception approved by a
/// lead; then raising the value to £3.5m makes Appreciative Enquiry required, and overdue.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class CommissioningJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Commissioner_Tier4ProjectThroughAnalyse_KeyboardOnly()
    {
        var commissioner = await browser.NewPageAsync();
        await browser.SignInWithKeyboardAsync(commissioner, Roles.Commissioner);

        // Start a £650,000 project.
        await commissioner.GotoAsync("/projects");
        await Keyboard.ActivateAsync(commissioner, "a[href='/projects/new']");
        await Keyboard.TabToAsync(commissioner, "#Title");
        await commissioner.Keyboard.TypeAsync("Day opportunities for autistic adults");
        await Keyboard.TabToAsync(commissioner, "#ServiceArea");
        await commissioner.Keyboard.TypeAsync("Adult social care");
        await Keyboard.TabToAsync(commissioner, "#Summary");
        await commissioner.Keyboard.TypeAsync("Places to meet, learn and work, planned with autistic adults.");
        await Keyboard.TabToAsync(commissioner, "#Value");
        await commissioner.Keyboard.TypeAsync("650000");
        await Keyboard.TabToAsync(commissioner, "#KeyDecision");
        await commissioner.Keyboard.PressAsync("ArrowRight"); // moves to, and selects, "No"
        await Keyboard.TabToAsync(commissioner, "main button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");

        var projectUrl = commissioner.Url;
        Assert.Matches(ProjectUrl(), projectUrl);
        var tierText = await commissioner.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("Tier 4.", tierText, StringComparison.Ordinal);
        Assert.Contains("£650,000 is over £500,000 and up to £3,000,000, so this is tier 4", tierText, StringComparison.Ordinal);
        Assert.Equal(6, await commissioner.Locator(".app-requirement").CountAsync());
        await BrowserFixture.ScreenshotAsync(commissioner, "journey-1-tier-4-project");

        // Moving past Analyse is refused, listing exactly what is missing.
        await Keyboard.ActivateAsync(commissioner, "a[href$='/next-stage']");
        await Keyboard.TabToAsync(commissioner, "main button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        var missing = await commissioner.Locator(".govuk-error-summary__list a").AllInnerTextsAsync();
        Assert.Equal(2, missing.Count);
        Assert.StartsWith("R1 ", missing[0], StringComparison.Ordinal);
        Assert.StartsWith("R2 ", missing[1], StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(commissioner, "journey-2-move-refused");

        // Evidence for R1.
        await Keyboard.ActivateAsync(commissioner, "a[href$='/requirements/R1/evidence']");
        await Keyboard.TabToAsync(commissioner, "#WhatWasDone");
        await commissioner.Keyboard.TypeAsync("Reviewed the autism strategy engagement report with the autism voice group.");
        await Keyboard.TabToAsync(commissioner, "#DoneOn");
        await commissioner.Keyboard.TypeAsync("3");
        await Keyboard.TabToAsync(commissioner, "#DoneOn-month");
        await commissioner.Keyboard.TypeAsync("11");
        await Keyboard.TabToAsync(commissioner, "#DoneOn-year");
        await commissioner.Keyboard.TypeAsync("2026");
        await Keyboard.TabToAsync(commissioner, "#LivedExperienceCount");
        await commissioner.Keyboard.TypeAsync("7");
        await Keyboard.TabToAsync(commissioner, "main button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        Assert.Contains("Evidenced", await commissioner.Locator("#requirement-R1 .govuk-tag").InnerTextAsync(), StringComparison.Ordinal);

        // An exception for R2.
        await Keyboard.ActivateAsync(commissioner, "a[href$='/requirements/R2/exception']");
        await Keyboard.TabToAsync(commissioner, "#Reason");
        await commissioner.Keyboard.TypeAsync("The equality impact assessment was co-produced last year for the whole adult day services review.");
        await Keyboard.TabToAsync(commissioner, "main button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        Assert.Contains("Exception requested", await commissioner.Locator("#requirement-R2 .govuk-tag").InnerTextAsync(), StringComparison.Ordinal);

        // A co-production lead approves it.
        var lead = await browser.NewPageAsync();
        await browser.SignInWithKeyboardAsync(lead, Roles.CoProductionLead);
        await lead.GotoAsync("/exceptions");
        var request = await lead.Locator("main a[href^='/exceptions/']", new() { HasTextString = "Day opportunities for autistic adults" })
            .First.GetAttributeAsync("href");
        await Keyboard.ActivateAsync(lead, $"main a[href='{request}']");
        await Keyboard.TabToAsync(lead, "#Decision");
        await lead.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(lead, "#Reason");
        await lead.Keyboard.TypeAsync("Agreed: last year's assessment covers this service and was co-produced.");
        await Keyboard.TabToAsync(lead, "main button[type=submit]");
        await Keyboard.PressForNewPageAsync(lead, "Enter");
        Assert.Contains("Exception approved", await lead.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);

        // Now the commissioner can move to Plan.
        await commissioner.GotoAsync(projectUrl);
        await Keyboard.ActivateAsync(commissioner, "a[href$='/next-stage']");
        await Keyboard.TabToAsync(commissioner, "main button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        Assert.Contains("Moved from Analyse to Plan", await commissioner.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Plan:", await commissioner.Locator(".govuk-summary-list").InnerTextAsync(), StringComparison.Ordinal);

        // Raising the value to £3.5m makes Appreciative Enquiry required, and overdue.
        await Keyboard.ActivateAsync(commissioner, "a[href$='/edit']");
        await Keyboard.TabToAsync(commissioner, "#Value");
        await commissioner.Keyboard.PressAsync("ControlOrMeta+A");
        await commissioner.Keyboard.TypeAsync("3,500,000");
        await Keyboard.TabToAsync(commissioner, "main button[type=submit]");
        await Keyboard.PressForNewPageAsync(commissioner, "Enter");
        var banner = await commissioner.Locator(".govuk-notification-banner").InnerTextAsync();
        Assert.Contains("now tier 5", banner, StringComparison.Ordinal);
        Assert.Contains("Appreciative Enquiry interviews, by the end of Analyse. This is overdue", banner, StringComparison.Ordinal);
        Assert.Equal("Overdue", (await commissioner.Locator("#requirement-R7 .govuk-tag").InnerTextAsync()).Trim());
        await BrowserFixture.ScreenshotAsync(commissioner, "journey-3-tier-5-overdue");
    }

    [GeneratedRegex(@"/projects/\d+$")]
    private static partial Regex ProjectUrl();
}
