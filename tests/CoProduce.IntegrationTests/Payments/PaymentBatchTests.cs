using System.Net;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Finance;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.IntegrationTests.Payments;

/// <summary>Payment batches against the real database: two made at once never share a claim; no bank details, no batch.</summary>
public sealed class PaymentBatchTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    private readonly PaymentsWorld _world = new(portal.Services);

    private static DateOnly LastMonth => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);

    private async Task<(Staff Organiser, Staff Finance, Staff Approver)> StaffAsync() => (
        await _world.StaffAsync("Olu Organiser", Roles.Commissioner),
        await _world.StaffAsync("Fay Finance", Roles.FinanceOfficer),
        await _world.StaffAsync("Abe Approver", Roles.FinanceOfficer));

    private async Task<int> ApprovedAsync(Place place, string organiserId, string approverId, decimal fee, ClaimPaymentMethod method = ClaimPaymentMethod.BankTransfer, decimal[]? expenses = null)
    {
        var id = await _world.SubmittedClaimAsync(place, organiserId, fee, method, expenses);
        await _world.ApproveAsync(id, approverId);
        return id;
    }

    [Fact]
    public async Task WithNoBankDetailsAnywhere_NoBatchIsMade_AndThePageSaysWhy()
    {
        var (organiser, finance, approver) = await StaffAsync();
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        var id = await ApprovedAsync(place, organiser.UserId, approver.UserId, 20m);
        var before = await _world.WithDbAsync(db => db.PaymentBatches.CountAsync());

        var outcome = await _world.WithServiceAsync<PaymentBatchService, BatchOutcome>(s => s.CreateAsync(finance.UserId, null, CancellationToken.None));

        // Other tests' claims may be ready; this one never goes in, as its person has no bank details.
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(id)).Status);
        if (outcome.BatchId is null)
        {
            Assert.Equal(before, await _world.WithDbAsync(db => db.PaymentBatches.CountAsync()));
        }
    }

    [Fact]
    public async Task TwoBatchesMadeAtOnce_NeverShareAClaim()
    {
        var (organiser, finance, approver) = await StaffAsync();
        var places = await _world.AttendedAsync(organiser.UserId, LastMonth, 12);
        var claims = new List<int>();
        foreach (var place in places)
        {
            claims.Add(await ApprovedAsync(place, organiser.UserId, approver.UserId, 10m + place.SignUpId % 7));
            await _world.GiveBankDetailsAsync(place.ProfileId, "Account Holder", "112233", "12345678");
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            _world.WithServiceAsync<PaymentBatchService, BatchOutcome>(s => s.CreateAsync(finance.UserId, null, CancellationToken.None)))));

        Assert.Contains(outcomes, o => o.BatchId is not null);
        Assert.All(outcomes.Where(o => o.BatchId is null), o => Assert.NotNull(o.Refusal));
        var lines = await _world.WithDbAsync(db => db.PaymentBatches.AsNoTracking().SelectMany(b => b.Lines.Select(l => l.ClaimId)).ToListAsync());
        Assert.Equal(lines.Count, lines.Distinct().Count());
        Assert.All(claims, id => Assert.Single(lines, l => l == id));
        Assert.All(await Task.WhenAll(claims.Select(_world.ClaimAsync)), c => Assert.Single(c.Decisions, d => d.Step == ClaimStep.Batched));
    }

    [Fact]
    public async Task TheBatchFormSentTwice_MakesOneBatch()
    {
        var (organiser, finance, approver) = await StaffAsync();
        var place = (await _world.AttendedAsync(organiser.UserId, LastMonth, 1)).Single();
        await ApprovedAsync(place, organiser.UserId, approver.UserId, 33.33m);
        await _world.GiveBankDetailsAsync(place.ProfileId, "Account Holder", "112233", "12345678");
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);
        var before = await _world.WithDbAsync(db => db.PaymentBatches.CountAsync());
        var fields = await client.FormAsBrowserWouldSendAsync("/finance/batches", "/finance/batches", []);

        using var firstForm = new FormUrlEncodedContent(fields);
        using var secondForm = new FormUrlEncodedContent(fields);
        var first = await client.PostAsync(new Uri("/finance/batches", UriKind.Relative), firstForm);
        var second = await client.PostAsync(new Uri("/finance/batches", UriKind.Relative), secondForm);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Location(), second.Location());
        Assert.Equal(before + 1, await _world.WithDbAsync(db => db.PaymentBatches.CountAsync()));
    }

    [Fact]
    public async Task MoreThanAPageReady_TheBatchTakesEveryReadyClaimExactlyOnce_WithTheCountAndTotalShown()
    {
        var (organiser, finance, approver) = await StaffAsync();
        var places = await _world.AttendedAsync(organiser.UserId, LastMonth, BatchesPage.ClaimsPageSize + 7);
        var claims = new List<int>();
        foreach (var place in places)
        {
            claims.Add(await ApprovedAsync(place, organiser.UserId, approver.UserId, 10m + place.SignUpId % 7));
            await _world.GiveBankDetailsAsync(place.ProfileId, "Account Holder", "112233", "12345678");
        }
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);
        var ready = await _world.WithDbAsync(async db => await WaitingClaims.Ready(db).Select(c => c.Id).ToListAsync());
        var readyTotal = await _world.WithDbAsync(db => WaitingClaims.Ready(db).SumMoneyAsync(c => c.Total));
        Assert.Superset(ready.ToHashSet(), claims.ToHashSet());

        var page = await client.GetPageAsync("/finance/batches");
        Assert.StartsWith($"{ready.Count:N0} claims,", page.QuerySelector("#ready-summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(readyTotal.ToString(), page.QuerySelector("#ready-total")!.TextContent);
        Assert.Equal(BatchesPage.ClaimsPageSize, page.QuerySelectorAll("#ready tbody tr").Length);
        Assert.NotNull(page.QuerySelector("nav.govuk-pagination a[href='/finance/batches?ready=2#ready']"));
        var fields = await client.FormAsBrowserWouldSendAsync("/finance/batches", "/finance/batches", []);
        using var form = new FormUrlEncodedContent(fields);
        var made = await client.PostAsync(new Uri("/finance/batches", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var batchId = int.Parse(made.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var lines = await _world.WithDbAsync(db => db.PaymentBatches.AsNoTracking().Where(b => b.Id == batchId).SelectMany(b => b.Lines.Select(l => l.ClaimId)).ToListAsync());
        Assert.Equal(ready.Order(), lines.Order());
        var everyLine = await _world.WithDbAsync(db => db.PaymentBatches.AsNoTracking().SelectMany(b => b.Lines.Select(l => l.ClaimId)).ToListAsync());
        Assert.All(claims, id => Assert.Single(everyLine, l => l == id));
        Assert.Equal(0, await _world.WithDbAsync(db => WaitingClaims.Ready(db).CountAsync()));
    }

    [Fact]
    public async Task ClaimsReadyChangedSinceThePageWasShown_NoBatchIsMade_AndThePageShowsThemAsTheyAre()
    {
        var (organiser, finance, approver) = await StaffAsync();
        var places = await _world.AttendedAsync(organiser.UserId, LastMonth, 2);
        await ApprovedAsync(places[0], organiser.UserId, approver.UserId, 12m);
        await _world.GiveBankDetailsAsync(places[0].ProfileId, "Account Holder", "112233", "12345678");
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);
        var fields = await client.FormAsBrowserWouldSendAsync("/finance/batches", "/finance/batches", []);
        // Another claim becomes ready after the page was shown.
        var late = await ApprovedAsync(places[1], organiser.UserId, approver.UserId, 14m);
        await _world.GiveBankDetailsAsync(places[1].ProfileId, "Account Holder", "112233", "12345678");
        var before = await _world.WithDbAsync(db => db.PaymentBatches.CountAsync());

        using var form = new FormUrlEncodedContent(fields);
        var refused = await client.PostAsync(new Uri("/finance/batches", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("have changed since the page was shown", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await _world.WithDbAsync(db => db.PaymentBatches.CountAsync()));
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(late)).Status);
    }

    [Fact]
    public async Task AnotherClaimOfTheSameAmountTookTheOnlyReadyOnesPlace_NoBatchIsMade()
    {
        var (organiser, finance, approver) = await StaffAsync();
        var places = await _world.AttendedAsync(organiser.UserId, LastMonth, 1);
        await ApprovedAsync(places[0], organiser.UserId, approver.UserId, 12m);
        await _world.GiveBankDetailsAsync(places[0].ProfileId, "Account Holder", "112233", "12345678");
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);
        var fields = await client.FormAsBrowserWouldSendAsync("/finance/batches", "/finance/batches", []);
        // As if the claim shown had been swapped for a different one of the same amount: same count, same total, other ids.
        var swapped = fields.Select(f => f.Key == "ids" ? new KeyValuePair<string, string>("ids", (long.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) : f).ToList();
        Assert.Contains(fields, f => f.Key == "ids");
        var before = await _world.WithDbAsync(db => db.PaymentBatches.CountAsync());

        using var form = new FormUrlEncodedContent(swapped);
        var refused = await client.PostAsync(new Uri("/finance/batches", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await _world.WithDbAsync(db => db.PaymentBatches.CountAsync()));
    }
}
