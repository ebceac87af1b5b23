using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.Profile;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoProduce.BrowserTests;

/// <summary>
/// An involvement payment from attendance to the payment file, keyboard only: the organiser
/// records attendance, the claim appears for the expert, who adds a bus fare with a photo of the
/// ticket and is warned about Carer's Allowance before sending; finance approves it, puts it in a
/// payment batch and downloads the file for the council's payment system.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PaymentJourneyTests(BrowserFixture browser)
{
    // The first bytes of a JPEG photo: receipts are checked by their content, not their name.
    private static readonly byte[] TicketPhoto = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    [Fact]
    public async Task AttendanceToClaimToApprovalToBatch_KeyboardOnly()
    {
        var (activityId, signUpId, joId, title) = await ConfirmedPlaceOnTheDayAsync();

        // The organiser records that Jo took part for two hours.
        var organiser = await browser.NewPageAsync();
        await browser.SignInAsync(organiser, Roles.Commissioner);
        await organiser.GotoAsync($"/manage/activities/{activityId}/sign-ups/{signUpId}/attendance");
        await Keyboard.TabToAsync(organiser, "#Attendance");
        await organiser.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(organiser, "#Hours");
        await organiser.Keyboard.TypeAsync("2");
        await Keyboard.TabToAsync(organiser, "form[action$='/attendance'] button");
        await Keyboard.PressForNewPageAsync(organiser, "Enter");
        Assert.Contains("Attendance", await organiser.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        var claimId = await WithDbAsync(db => db.Claims.Where(c => c.SignUpId == signUpId).Select(c => c.Id).SingleAsync());

        // Jo finds the claim on her payments page.
        var expert = await browser.NewPageAsync();
        await browser.SignInAsync(expert, Roles.ExpertByExperience);
        await expert.GotoAsync("/my-payments");
        await Keyboard.ActivateAsync(expert, $"main a[href='/my-payments/claims/{claimId}']");
        Assert.Contains(title, await expert.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("£210", await expert.Locator("#fee").InnerTextAsync(), StringComparison.Ordinal);

        // She adds her bus fare with a photo of the ticket.
        await Keyboard.ActivateAsync(expert, $"main a[href='/my-payments/claims/{claimId}/expenses/new']");
        await Keyboard.TabToAsync(expert, "#Category");
        await expert.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(expert, "#Amount");
        await expert.Keyboard.TypeAsync("4.60");
        await Keyboard.TabToAsync(expert, "#Description");
        await expert.Keyboard.TypeAsync("Bus to the town hall and back");
        await Keyboard.TabToAsync(expert, "#Receipt");
        var chooser = await expert.RunAndWaitForFileChooserAsync(() => expert.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "bus-ticket.jpg", MimeType = "image/jpeg", Buffer = TicketPhoto });
        await Keyboard.TabToAsync(expert, "form[action$='/expenses/new'] button");
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        Assert.Contains("Expense added: £4.60", await expert.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        var expenses = await expert.Locator("#expenses").InnerTextAsync();
        Assert.Contains("Public transport", expenses, StringComparison.Ordinal);
        Assert.Contains("bus-ticket.jpg", expenses, StringComparison.Ordinal);

        // Before sending, she is told the fee would take her past the Carer's Allowance limit, with her choices and the advice link.
        await Keyboard.ActivateAsync(expert, $"main a[href='/my-payments/claims/{claimId}/check']");
        var warnings = await expert.Locator("#warning-messages").InnerTextAsync();
        Assert.Contains("Carer's Allowance", warnings, StringComparison.Ordinal);
        Assert.Contains("£204", warnings, StringComparison.Ordinal);
        Assert.Equal(1, await expert.Locator("#advice a").CountAsync());
        await BrowserFixture.ScreenshotAsync(expert, "payment-1-benefit-warning");
        // Warned, not stopped: she takes the whole fee and sends the claim.
        await Keyboard.TabToAsync(expert, "form[action$='/submit'] button");
        await Keyboard.PressForNewPageAsync(expert, "Enter");
        Assert.Contains("£214.60", await expert.Locator("#total").InnerTextAsync(), StringComparison.Ordinal);

        // Finance approves it from the queue.
        var finance = await browser.NewPageAsync();
        await browser.SignInAsync(finance, Roles.FinanceOfficer);
        await finance.GotoAsync("/finance");
        await Keyboard.ActivateAsync(finance, $"main a[href='/finance/claims/{claimId}']");
        Assert.Contains("Carer's Allowance", await finance.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Keyboard.TabToAsync(finance, "#Decision");
        await finance.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(finance, $"form[action='/finance/claims/{claimId}'] button");
        await Keyboard.PressForNewPageAsync(finance, "Enter");
        await BrowserFixture.ScreenshotAsync(finance, "payment-2-approved");
        Assert.Equal(ClaimStatus.Approved, await WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));

        // Finance makes a payment batch and downloads the file for the payment system.
        await finance.GotoAsync("/finance/batches");
        await Keyboard.TabToAsync(finance, "form[action='/finance/batches'] button");
        await Keyboard.PressForNewPageAsync(finance, "Enter");
        await BrowserFixture.ScreenshotAsync(finance, "payment-3-batch");
        await Keyboard.TabToAsync(finance, "main a[href$='/export']");
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.Keyboard.PressAsync("Enter"));
        var file = await File.ReadAllLinesAsync((await download.PathAsync())!);

        Assert.Equal("Payee reference,Name on account,Sort code,Account number,Amount,Claim references", file[0]);
        var jo = Assert.Single(file, line => line.StartsWith(ExpertProfile.PayeeReferenceOf(joId) + ",", StringComparison.Ordinal));
        Assert.Equal($"{ExpertProfile.PayeeReferenceOf(joId)},J Example,309457,00733445,214.60,C{claimId:D6}", jo);
        Assert.Equal(ClaimStatus.Batched, await WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));
    }

    /// <summary>
    /// A session paid £210 (more than a Carer's Allowance week's earnings), Jo paid by bank transfer,
    /// her place confirmed, and the activity's day arrived so its attendance can be recorded.
    /// </summary>
    private async Task<(int ActivityId, int SignUpId, int JoId, string Title)> ConfirmedPlaceOnTheDayAsync()
    {
        var title = $"Paid panel {Guid.NewGuid():N}"[..22];
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var now = DateTime.UtcNow;
        var today = UkTime.Today(TimeProvider.System);
        var organiserId = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var leadId = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.CoProductionLead)).Select(u => u.Id).SingleAsync();
        var jo = await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == DemoUsers.EmailFor(Roles.ExpertByExperience));

        var card = new RateCard(await db.RateItems.Include(r => r.Versions).ToListAsync());
        var rate = card.NewItem(title + " session", ActivityType.InterviewPanel, RateKind.PerSession, new RateTerms(Money.FromPounds(210m)), today, leadId, now);
        db.RateItems.Add(rate);
        await db.SaveChangesAsync();

        var details = scope.ServiceProvider.GetRequiredService<PaymentDetailsService>();
        await details.SetPaymentPreferenceAsync(jo, PaymentPreference.BankTransfer, jo.UserId, default);
        await details.SetBankDetailsAsync(jo, BankDetails.Create("J Example", "30-94-57", "00733445"), jo.UserId, default);
        await details.SetBenefitsAsync(jo, BenefitsSituation.Gets(carersAllowance: true), jo.UserId, default);

        var activities = scope.ServiceProvider.GetRequiredService<ActivityService>();
        var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var date = today.AddDays(7);
        var id = await activities.CreateAsync(projectId, new ActivityDetails(title, ActivityType.InterviewPanel, "Help choose the new provider.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-2)),
            new ActivityPlace(ActivityMode.InPerson, "Brackenfield Town Hall", "Step-free", null), 3,
            new HashSet<LivedExperienceArea> { LivedExperienceArea.Carer }, LadderRung.CoProduction, rate.Id), null, organiserId, default);
        await activities.MoveAsync(id, ActivityStatus.Open, organiserId, default);
        await activities.RequestPlaceAsync(id, jo.UserId, string.Empty, default);
        var signUpId = await db.SignUps.Where(s => s.ActivityId == id && s.ExpertProfileId == jo.Id).Select(s => s.Id).SingleAsync();
        await activities.ConfirmAsync(id, signUpId, organiserId, default);
        // The day arrives: attendance is recorded on or after it.
        await db.Activities.Where(a => a.Id == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Date, today).SetProperty(x => x.SignUpClosesOn, today));
        return (id, signUpId, jo.Id, title);
    }

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }
}
