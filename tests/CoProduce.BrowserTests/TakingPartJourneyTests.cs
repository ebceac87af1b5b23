using CoProduce.Tests.Shared;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.Playwright;
using MimeKit;

namespace CoProduce.BrowserTests;

/// <summary>
/// The roster journey from the issue: a new person registers (confirming their email address by
/// the emailed link), gives consent, records two access
/// needs and signs up for an open activity, all with the keyboard; the commissioner sees the
/// access-needs flags and confirms; the person sees the place confirmed with the venue; the
/// confirmation email with its calendar invite is in the pickup folder, once the outbox is sent.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TakingPartJourneyTests(BrowserFixture browser)
{
    private const string Workshop = "What makes a good break for carers?";

    [Fact]
    public async Task NewPerson_RegistersSignsUpAndIsConfirmed()
    {
        var email = $"sol.{Guid.NewGuid():N}@example.org";
        var expert = await browser.NewPageAsync();

        // Register, keyboard only.
        await expert.GotoAsync("/register");
        await Keyboard.TabToAsync(expert, "#DisplayName");
        await expert.Keyboard.TypeAsync("Sol");
        await Keyboard.TabToAsync(expert, "#Email");
        await expert.Keyboard.TypeAsync(email);
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        Assert.Equal("Check your email", (await expert.Locator("h1").InnerTextAsync()).Trim());

        // The link in the email confirms the address; then they choose a password.
        await browser.App.SendQueuedEmailsAsync();
        await expert.GotoAsync(Mailbox.LinkTo(browser.App.MailFolder, email, "/register/confirm"));
        await Keyboard.TabToAsync(expert, "#Password");
        await expert.Keyboard.TypeAsync("a long enough password");
        await Keyboard.TabToAsync(expert, "#ConfirmPassword");
        await expert.Keyboard.TypeAsync("a long enough password");
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        Assert.EndsWith("/profile", expert.Url, StringComparison.Ordinal);

        // Consent, then two access needs.
        await Keyboard.ActivateAsync(expert, "main a[href='/profile/consent']");
        await Keyboard.TabToAsync(expert, "#Agree");
        await expert.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(expert, "main form button[type=submit]");
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        await expert.GotoAsync("/profile/access-needs");
        await Keyboard.TabToAsync(expert, "input[name=Needs][value=EasyRead]");
        await expert.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(expert, "input[name=Needs][value=StepFreeAccess]");
        await expert.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(expert, "main form button[type=submit]");
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        await BrowserFixture.ScreenshotAsync(expert, "taking-part-1-profile");

        // Find the workshop and sign up.
        await expert.GotoAsync("/activities");
        var href = await expert.Locator("main a", new() { HasTextString = Workshop }).First.GetAttributeAsync("href");
        await Keyboard.ActivateAsync(expert, $"main a[href='{href}']");
        await Keyboard.TabToAsync(expert, "#WhatWouldHelp");
        await expert.Keyboard.TypeAsync("The agenda in easy read, please");
        await Keyboard.TabToAsync(expert, "main form[action$='/sign-up'] button[type=submit]");
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        Assert.Contains("You have signed up", await expert.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        var activityId = href!.Split('/').Last();

        // The commissioner sees the flags and confirms.
        var commissioner = await browser.NewPageAsync();
        await browser.SignInAsync(commissioner, Roles.Commissioner);
        await commissioner.GotoAsync($"/manage/activities/{activityId}");
        var card = commissioner.Locator(".app-requirement", new() { HasTextString = "Sol" });
        var flags = await card.Locator(".app-flag").AllInnerTextsAsync();
        Assert.Contains("Easy read", flags);
        Assert.Contains("Step-free access", flags);
        await BrowserFixture.ScreenshotAsync(commissioner, "taking-part-2-organiser");
        await card.GetByRole(AriaRole.Button, new() { NameString = "Confirm place for Sol" }).ClickAsync();
        await commissioner.WaitForSelectorAsync(".govuk-notification-banner");

        // The person sees it confirmed, with the venue.
        await expert.GotoAsync($"/activities/{activityId}");
        var details = await expert.Locator("main").InnerTextAsync();
        Assert.Contains("confirmed", details, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Brackenfield Central Library", details, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(expert, "taking-part-3-confirmed");

        // The confirmation email, with its calendar invite, is in the pickup folder once the outbox is sent.
        await browser.App.SendQueuedEmailsAsync();
        var message = Directory.GetFiles(browser.App.MailFolder, "*.eml").Select(path => MimeMessage.Load(path))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == $"Your place is confirmed: {Workshop}");
        Assert.Contains(message.Attachments, a => a.ContentDisposition?.FileName == "invite.ics" && a.ContentType.MimeType == "text/calendar");
    }
}
