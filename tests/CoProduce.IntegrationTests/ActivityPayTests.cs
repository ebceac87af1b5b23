using System.Globalization;
using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Each activity names the rate it pays by; the fee shows before anyone signs up, is fixed for a
/// person when their place is confirmed, is in the confirmation email, and stays when the rate changes.
/// </summary>
public sealed class ActivityPayTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private async Task<List<KeyValuePair<string, string>>> ActivityAsync(string title, string payBy, string type = "Workshop")
    {
        var projectId = await WithDbAsync(db => db.CommissioningProjects.Where(p => p.Title == "Carers' support service").Select(p => p.Id).SingleAsync());
        return OrganisingTests.ActivityFields(projectId.ToString(Invariant), title)
            .Select(f => f.Key switch
            {
                "PayBy" => new KeyValuePair<string, string>("PayBy", payBy),
                "Type" => new KeyValuePair<string, string>("Type", type),
                _ => f,
            })
            .ToList();
    }

    /// <summary>Plans and opens an activity as the lead (who also organises), returning its id.</summary>
    private static async Task<int> OpenAsync(HttpClient organiser, List<KeyValuePair<string, string>> fields)
    {
        var created = await organiser.SubmitFormAsync("/manage/activities/new", "/manage/activities/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Location()!.Split('/').Last(), Invariant);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/status", [new("to", "Open")])).StatusCode);
        return id;
    }

    private async Task<int> RequestPlaceAsync(int activityId, string email)
    {
        return await WithDbAsync(async db =>
        {
            var person = await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == email);
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var signUp = activity.RequestPlace(person.Id, true, string.Empty, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return signUp.Id;
        });
    }

    [Fact]
    public async Task ActivityForm_OffersRatesOfItsType_AndRefusesARateForAnotherTypeOrWithNoRateOnItsDate()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var workshop = await PaymentSettingsTests.AddRateAsync(lead, PaymentSettingsTests.RateFields("Form workshop, per hour"));
        var panel = await PaymentSettingsTests.AddRateAsync(lead, PaymentSettingsTests.RateFields("Form panel, per session", type: "InterviewPanel", kind: "PerSession", amount: "60"));
        var tooLate = await PaymentSettingsTests.AddRateAsync(lead, PaymentSettingsTests.RateFields("Form workshop, from next year", from: Today.AddYears(1)));

        var wrongType = await lead.SubmitFormAsync("/manage/activities/new", "/manage/activities/new", await ActivityAsync("Paid by a panel rate", panel.ToString(Invariant)));
        var notYet = await lead.SubmitFormAsync("/manage/activities/new", "/manage/activities/new", await ActivityAsync("Paid before its rate starts", tooLate.ToString(Invariant)));
        var choices = (await notYet.ReadPageAsync()).QuerySelectorAll("input[name=PayBy]").Select(i => i.GetAttribute("value")).ToList();
        var id = await OpenAsync(lead, await ActivityAsync("Paid workshop", workshop.ToString(Invariant)));

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(["#PayBy Form panel, per session is a rate for interview panel. Select a rate for this type of activity, or not paid for time"],
            (await wrongType.ReadPageAsync()).ErrorSummaryLinks());
        Assert.StartsWith("#PayBy Form workshop, from next year has no rate on", Assert.Single((await notYet.ReadPageAsync()).ErrorSummaryLinks()), StringComparison.Ordinal);
        Assert.Contains(workshop.ToString(Invariant), choices);
        Assert.DoesNotContain(panel.ToString(Invariant), choices);
        Assert.DoesNotContain(tooLate.ToString(Invariant), choices);
        Assert.Equal("none", choices[^1]);
        var saved = await WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(((int?)workshop, true), (saved.RateItemId, saved.IsPaid));
        var organiserPage = (await lead.GetPageAsync($"/manage/activities/{id}")).QuerySelector("main")!.TextContent;
        Assert.Contains("£25 an hour (Form workshop, per hour)", organiserPage, StringComparison.Ordinal);

        // Changed to unpaid: the activity is no longer paid, and says so.
        var fields = await ActivityAsync("Paid workshop", "none");
        var edited = await lead.SubmitFormAsync($"/manage/activities/{id}/edit", $"/manage/activities/{id}/edit", fields.Where(f => f.Key != "ProjectId"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var unpaid = await WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(((int?)null, false), (unpaid.RateItemId, unpaid.IsPaid));
    }

    [Fact]
    public async Task Fee_ShownBeforeSignUp_FixedAtConfirmation_InTheEmail_AndKeptWhenTheRateChanges()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var expert = await portal.ClientForAsync(Roles.ExpertByExperience);
        var rateId = await PaymentSettingsTests.AddRateAsync(lead, PaymentSettingsTests.RateFields("Fee workshop, per hour", includes: ["Travel"]));
        var id = await OpenAsync(lead, await ActivityAsync("Fee workshop", rateId.ToString(Invariant)));

        var before = (await expert.GetPageAsync($"/activities/{id}")).QuerySelector(".app-pay")!.TextContent.Trim();
        var howWePayLink = (await expert.GetPageAsync($"/activities/{id}")).QuerySelector("a[href='/how-we-pay']");
        var joId = await RequestPlaceAsync(id, "expert@example.org");
        var confirmed = await lead.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/sign-ups/{joId}/confirm", []);

        // A new, higher rate from before the activity's date: later confirmations get it, Jo keeps hers.
        var version = await lead.SubmitFormAsync($"/payments/rates/{rateId}", $"/payments/rates/{rateId}/versions",
            [new("Amount", "30"), .. PaymentSettingsTests.DateFields("EffectiveFrom", Today.AddDays(1))]);
        var mayaId = await RequestPlaceAsync(id, "maya.khan@example.org");
        var confirmedLater = await lead.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/sign-ups/{mayaId}/confirm", []);

        Assert.Equal("You will be paid £25 an hour, including travel time. We also pay your expenses.", before);
        Assert.NotNull(howWePayLink);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], new[] { confirmed.StatusCode, version.StatusCode, confirmedLater.StatusCode });
        var fees = await WithDbAsync(db => db.SignUps.AsNoTracking().Where(s => s.ActivityId == id).ToDictionaryAsync(s => s.Id, s => s.FixedFee));
        Assert.Equal((Money.FromPounds(25m), 1, true), (fees[joId]!.Amount, fees[joId]!.RateVersion, fees[joId]!.PaysTravel));
        Assert.Equal((Money.FromPounds(30m), 2, false), (fees[mayaId]!.Amount, fees[mayaId]!.RateVersion, fees[mayaId]!.PaysTravel));
        var after = (await expert.GetPageAsync($"/activities/{id}")).QuerySelector(".app-pay")!.TextContent.Trim();
        var organiserPage = await lead.GetPageAsync($"/manage/activities/{id}");
        Assert.Equal("Fee fixed when confirmed: £25 an hour, including travel time", organiserPage.QuerySelector($"#sign-up-{joId} .app-fee")!.TextContent.Trim());
        Assert.Equal("Fee fixed when confirmed: £30 an hour", organiserPage.QuerySelector($"#sign-up-{mayaId} .app-fee")!.TextContent.Trim());
        Assert.Equal("You will be paid £25 an hour, including travel time. We also pay your expenses.", after);

        var email = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ActivityId == id && m.To == "expert@example.org"));
        Assert.Equal("Your place is confirmed: Fee workshop", email.Subject);
        Assert.Contains("You will be paid £25 an hour, including travel time.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/how-we-pay", email.TextBody, StringComparison.Ordinal);
        var mayaEmail = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ActivityId == id && m.To == "maya.khan@example.org"));
        Assert.Contains("You will be paid £30 an hour.", mayaEmail.TextBody, StringComparison.Ordinal);
        var audit = await WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == joId.ToString(Invariant) && e.Summary.StartsWith("Place confirmed.")).SingleAsync());
        Assert.Contains($"Fee fixed from rate item {rateId} version 1", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpaidActivity_SaysExpensesArePaid_BeforeSignUpAndInTheEmail()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var expert = await portal.ClientForAsync(Roles.ExpertByExperience);
        var id = await OpenAsync(lead, await ActivityAsync("Unpaid chat", "none"));

        var pay = (await expert.GetPageAsync($"/activities/{id}")).QuerySelector(".app-pay")!.TextContent.Trim();
        var joId = await RequestPlaceAsync(id, "expert@example.org");
        await lead.SubmitFormAsync($"/manage/activities/{id}", $"/manage/activities/{id}/sign-ups/{joId}/confirm", []);

        Assert.Equal("This activity is not paid, but we pay your expenses.", pay);
        Assert.Null(await WithDbAsync(db => db.SignUps.AsNoTracking().Where(s => s.Id == joId).Select(s => s.FeeRateItemId).SingleAsync()));
        var email = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ActivityId == id && m.To == "expert@example.org"));
        // Jo asked for easy read: the same facts, a sentence a line.
        Assert.Contains("We do not pay for your time at this meeting.\nWe pay your costs, like bus fares.", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Pending, email.Status);
    }

    [Fact]
    public async Task Invitation_SaysWhatThePlacePays()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var rateId = await PaymentSettingsTests.AddRateAsync(lead, PaymentSettingsTests.RateFields("Invited workshop, per hour"));
        var id = await OpenAsync(lead, await ActivityAsync("Invited paid workshop", rateId.ToString(Invariant)));
        var graceId = await WithDbAsync(db => db.ExpertProfiles.Where(p => p.ContactEmail == "grace.adeyemi@example.org").Select(p => p.Id).SingleAsync());

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var organiserId = await WithDbAsync(db => db.Users.Where(u => u.Email == "lead@example.org").Select(u => u.Id).SingleAsync());
            await scope.ServiceProvider.GetRequiredService<CoProduce.Web.Features.Activities.ActivityService>().InviteAsync(id, graceId, organiserId, default);
        }

        var email = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ActivityId == id && m.ExpertProfileId == graceId));
        Assert.Equal("You are invited: Invited paid workshop", email.Subject);
        Assert.Contains("You will be paid £25 an hour. We also pay your expenses.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/how-we-pay", email.TextBody, StringComparison.Ordinal);
    }
}
