using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>An expert's own payments for a tax year in easy read, and how we pay you, as pages and tagged PDFs.</summary>
public sealed class PaymentsDocumentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string MayaEmail = "maya.khan@example.org";

    private static int ThisTaxYear => PaymentsDocument.YearFor(null, UkTime.Today(TimeProvider.System));

    private sealed record ClaimFact(string Title, ClaimStatus Status, Money Total);

    /// <summary>The claims in this tax year of the person with this email address, from the database.</summary>
    private async Task<List<ClaimFact>> ClaimsOfAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var period = EarningsPeriods.TaxYear(new DateOnly(ThisTaxYear, 4, 6));
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var claims = await db.Claims
            .Join(db.ExpertProfiles, c => c.ExpertProfileId, p => p.Id, (c, p) => new { Claim = c, p.UserId })
            .Where(x => x.UserId == userId)
            .Join(db.Activities, x => x.Claim.ActivityId, a => a.Id, (x, a) => new { x.Claim.Status, x.Claim.Total, a.Title, a.Date })
            .ToListAsync();
        return claims.Where(c => c.Date >= period.First && c.Date <= period.Last).Select(c => new ClaimFact(c.Title, c.Status, c.Total)).ToList();
    }

    private async Task<HttpClient> MayaAsync()
    {
        var client = portal.CreatePortalClient();
        var signedIn = await client.SignInAsync(MayaEmail, DemoUsers.Password(portal));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [Fact]
    public async Task MyPayments_ShowsOnlyTheSignedInPersonsOwnClaimsAndTotals()
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        using var maya = await MayaAsync();
        var joClaims = await ClaimsOfAsync(DemoUsers.EmailFor(Roles.ExpertByExperience));
        var mayaClaims = await ClaimsOfAsync(MayaEmail);
        Assert.NotEmpty(joClaims);
        // Activities Maya took part in and Jo did not: the demo's interview panel.
        var onlyMaya = mayaClaims.Select(c => c.Title).Except(joClaims.Select(c => c.Title)).ToList();
        Assert.NotEmpty(onlyMaya);

        var response = await jo.GetAsync(new Uri($"/my-payments/easy-read?year={ThisTaxYear}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var text = string.Join('\n', PdfChecks.PageSentences(page));

        Assert.All(joClaims, c => Assert.Contains(c.Title, text, StringComparison.Ordinal));
        Assert.All(onlyMaya, title => Assert.DoesNotContain(title, text, StringComparison.Ordinal));
        var paid = Money.FromPence(joClaims.Where(c => c.Status == ClaimStatus.Paid).Sum(c => c.Total.Pence));
        Assert.Contains($"We have paid you {paid.Format()}.", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a.app-easy-read__pdf-link[href='/my-payments/easy-read.pdf?year={ThisTaxYear}']"));

        // Maya's own document has her own claims and total.
        var mayaText = string.Join('\n', PdfChecks.PageSentences(await maya.GetPageAsync("/my-payments/easy-read")));
        Assert.All(onlyMaya, title => Assert.Contains(title, mayaText, StringComparison.Ordinal));
        var mayaPaid = Money.FromPence(mayaClaims.Where(c => c.Status == ClaimStatus.Paid).Sum(c => c.Total.Pence));
        Assert.Contains($"We have paid you {mayaPaid.Format()}.", mayaText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyPayments_AnotherYear_HasNoneOfThisYearsClaims()
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        var joClaims = await ClaimsOfAsync(DemoUsers.EmailFor(Roles.ExpertByExperience));

        var text = string.Join('\n', PdfChecks.PageSentences(await jo.GetPageAsync("/my-payments/easy-read?year=2015")));

        Assert.Contains("You have no claims in this tax year.", text, StringComparison.Ordinal);
        Assert.Contains("from 6 April 2015 to 5 April 2016", text, StringComparison.Ordinal);
        Assert.All(joClaims, c => Assert.DoesNotContain(c.Title, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-a-year")]
    [InlineData("2999")]
    [InlineData("-1")]
    public async Task MyPayments_AYearThatIsNoTaxYear_ShowsThisOne(string year)
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);

        var response = await jo.GetAsync(new Uri($"/my-payments/easy-read?year={year}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var title = (await response.ReadPageAsync()).QuerySelector(".app-easy-read__title")!.TextContent;
        Assert.Equal($"Your payments for {ThisTaxYear} to {ThisTaxYear + 1}", title.Trim());
    }

    [Fact]
    public async Task MyPaymentsPdf_IsATaggedEasyReadPdfOfThePage()
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        var page = await jo.GetPageAsync($"/my-payments/easy-read?year={ThisTaxYear}");
        var response = await jo.GetAsync(new Uri($"/my-payments/easy-read.pdf?year={ThisTaxYear}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"my-payments-{ThisTaxYear}-{ThisTaxYear + 1}.pdf",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, "my-payments");
    }

    [Fact]
    public async Task MyPayments_LinksToItsEasyReadVersion()
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);

        var statement = await jo.GetPageAsync("/my-payments");

        Assert.NotNull(statement.QuerySelector($"a.app-easy-read-link[href='/my-payments/easy-read?year={ThisTaxYear}']"));
    }

    [Fact]
    public async Task MyPayments_SendsAsManyCommandsForEveryone()
    {
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        using var maya = await MayaAsync();

        var forJo = await jo.CountCommandsAsync("/my-payments/easy-read");
        var forMaya = await maya.CountCommandsAsync("/my-payments/easy-read");
        var forAnEmptyYear = await jo.CountCommandsAsync("/my-payments/easy-read?year=2015");

        Assert.Equal(forJo, forMaya);
        Assert.Equal(forJo, forAnEmptyYear);
    }

    /// <summary>A new expert by experience, signed in, with no claims yet.</summary>
    private async Task<(HttpClient Client, string UserId, int ProfileId)> NewExpertAsync(string name)
    {
        var client = portal.CreatePortalClient();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        Assert.Equal("/profile", (await client.RegisterAsync(portal, name, email, "a long enough password")).Location());
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (client, userId, await db.ExpertProfiles.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync());
    }

    /// <summary>Claims of £10 for the person, each for its own activity on the day given: every other one sent to finance, the rest drafts.</summary>
    private async Task ClaimsAsync(string userId, int profileId, int count, DateOnly on)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var now = DateTime.UtcNow;
        var today = UkTime.Today(TimeProvider.System);
        var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
        var activities = Enumerable.Range(0, count).Select(i =>
        {
            var activity = new Activity(projectId, $"Made-up activity {Guid.NewGuid():N}", ActivityType.Workshop, "About short breaks",
                new ActivitySchedule(today.AddDays(3), new TimeOnly(10, 0), new TimeOnly(12, 0), today),
                new ActivityPlace(ActivityMode.Online, null, null, null), 2, [], LadderRung.CoProduction, true, "organiser", now);
            activity.MoveTo(ActivityStatus.Open, now);
            activity.RequestPlace(profileId, true, "Nothing, thank you", now);
            return activity;
        }).ToList();
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync();
        foreach (var (activity, i) in activities.Select((a, i) => (a, i)))
        {
            var signUp = activity.SignUps.Single();
            activity.Confirm(signUp.Id, true, null, now);
            var claim = Claim.FromAttendance(new ClaimAttendance(profileId, activity.Id, signUp.Id, "organiser"), Money.FromPounds(10m),
                ClaimPaymentMethod.BankTransfer, "organiser", now);
            if (i % 2 == 0)
            {
                claim.Submit(userId, now);
            }
            db.Claims.Add(claim);
        }
        await db.SaveChangesAsync();
        var ids = activities.Select(a => a.Id).ToList();
        await db.Activities.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(a => a.SetProperty(x => x.Date, on).SetProperty(x => x.SignUpClosesOn, on));
    }

    [Fact]
    public async Task MyPayments_ListsTheMostRecent30Claims_AddsUpAll_AndSendsTheSameCommandsHoweverMany()
    {
        var (client, userId, profileId) = await NewExpertAsync("Odile Farthingale");
        using var _ = client;
        var day = EarningsPeriods.TaxYear(UkTime.Today(TimeProvider.System)).First;
        var url = $"/my-payments/easy-read?year={ThisTaxYear}";
        await ClaimsAsync(userId, profileId, 2, day);
        await client.CountCommandsAsync(url); // the first request warms the key ring and caches
        var few = await client.RecordCommandsAsync(url);

        await ClaimsAsync(userId, profileId, 38, day.AddDays(1));
        var many = await client.RecordCommandsAsync(url);

        Assert.Equal(few.Count, many.Count);
        var page = await client.GetPageAsync(url);
        var claims = page.QuerySelectorAll(".app-easy-read__section")
            .Single(s => s.QuerySelector(".app-easy-read__heading")?.TextContent == "Your claims")
            .QuerySelectorAll(".app-easy-read__row");
        // 30 claims, then the row that says how many more there are.
        Assert.Equal(PaymentsDocument.MostClaims + 1, claims.Length);
        var text = string.Join('\n', PdfChecks.PageSentences(page));
        Assert.Contains("You have 10 more claims.", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".app-easy-read__section a[href$='/my-payments?year={ThisTaxYear}']"));
        // All 40 are added up: 20 sent (£200 with finance) and 20 drafts.
        Assert.Contains("We still need to pay you £200.", text, StringComparison.Ordinal);
        Assert.Contains("You have 20 claims to check and send to us.", text, StringComparison.Ordinal);
        Assert.Contains("There is no money waiting", string.Join('\n', PdfChecks.PageSentences(await client.GetPageAsync("/my-payments/easy-read?year=2015"))),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task HowWePay_Anonymous_GivesTheRatesInForceAndAdvice()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        await using var scope = portal.Services.CreateAsyncScope();
        var content = await scope.ServiceProvider.GetRequiredService<HowWePayDocument>().ReadAsync(CancellationToken.None);
        Assert.NotEmpty(content.Rates);
        Assert.NotNull(content.AdviceLink);

        var response = await client.GetAsync(new Uri("/how-we-pay/easy-read", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var text = string.Join('\n', PdfChecks.PageSentences(page));
        Assert.All(content.Rates, r => Assert.Contains(r.Terms, text, StringComparison.Ordinal));
        Assert.Contains("You can choose not to be paid for your time.", text, StringComparison.Ordinal);
        Assert.Contains("Vouchers count as money for benefits too.", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".app-easy-read__section a[href='{content.AdviceLink}']"));
        Assert.NotNull((await client.GetPageAsync("/how-we-pay")).QuerySelector("a.app-easy-read-link[href='/how-we-pay/easy-read']"));
    }

    [Fact]
    public async Task HowWePayPdf_Anonymous_IsATaggedEasyReadPdfOfThePage()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var page = await client.GetPageAsync("/how-we-pay/easy-read");
        var response = await client.GetAsync(new Uri("/how-we-pay/easy-read.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("how-we-pay.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, "how-we-pay");
    }
}
