using System.Net;
using System.Text;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Finance;
using CoProduce.Web.Infrastructure.Security;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.IntegrationTests.Payments;

/// <summary>
/// Paying approved claims against the real database, on a database of its own so that every claim
/// waiting is this test's: a batch of the bank transfers that can be paid (people without bank
/// details wait, vouchers apart), its CSV export (the only place bank details appear in full, the
/// same bytes every time), marking it paid. Bank details appear in no page, audit entry or log line.
/// </summary>
public sealed class PaymentBatchExportTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
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
    public async Task ABatch_TakesTheBankTransfersThatCanBePaid_ExportsThemTheSameEveryTime_AndIsMarkedPaid()
    {
        var (organiser, finance, approver) = await StaffAsync();
        var places = await _world.AttendedAsync(organiser.UserId, LastMonth, 4);
        var secondActivity = await _world.AttendedAsync(organiser.UserId, LastMonth.AddDays(1), 0, [(places[0].ProfileId, places[0].PersonUserId)]);
        var annFirst = await ApprovedAsync(places[0], organiser.UserId, approver.UserId, 40m, expenses: [3.20m]);
        var annSecond = await ApprovedAsync(secondActivity[0], organiser.UserId, approver.UserId, 25.55m);
        var ben = await ApprovedAsync(places[1], organiser.UserId, approver.UserId, 60m);
        var noBankDetails = await ApprovedAsync(places[2], organiser.UserId, approver.UserId, 30m);
        var voucher = await ApprovedAsync(places[3], organiser.UserId, approver.UserId, 15m, ClaimPaymentMethod.Voucher);
        await _world.GiveBankDetailsAsync(places[0].ProfileId, "=Ann Example", "30-94-57", "00733445");
        await _world.GiveBankDetailsAsync(places[1].ProfileId, "Ben Example", "401276", "41557812");
        using var client = await PaymentsWorld.SignedInAsync(portal, finance);

        var waiting = await client.GetPageAsync("/finance/batches");
        Assert.Equal(new[] { annFirst, annSecond, ben }.Select(FinanceText.ClaimReference), waiting.QuerySelectorAll("#ready tbody th a").Select(a => a.TextContent));
        Assert.Equal([FinanceText.ClaimReference(noBankDetails)], waiting.QuerySelectorAll("#needs-bank-details tbody th a").Select(a => a.TextContent));
        Assert.Equal([FinanceText.ClaimReference(voucher)], waiting.QuerySelectorAll("#vouchers tbody th a").Select(a => a.TextContent));
        Assert.Equal("£128.75", waiting.QuerySelector("#ready-total")!.TextContent);

        var made = await client.SubmitFormAsync("/finance/batches", "/finance/batches", []);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var batchUrl = made.Location()!;
        var batchId = int.Parse(batchUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var batchHtml = await client.GetStringAsync(new Uri(batchUrl, UriKind.Relative));
        var batchPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(batchHtml);
        Assert.Equal("£128.75", batchPage.QuerySelector("#batch-total")!.TextContent);
        Assert.Equal(["****3445", "****3445", "****7812"], batchPage.QuerySelectorAll("tbody tr td:nth-child(5)").Select(td => td.TextContent));
        AssertNoBankDetails(batchHtml, "the batch page");
        AssertNoBankDetails(await client.GetStringAsync(new Uri($"/finance/claims/{annFirst}", UriKind.Relative)), "the claim page");
        Assert.Equal(ClaimStatus.Approved, (await _world.ClaimAsync(noBankDetails)).Status);

        // Not marked paid before its file is made: the page says so, and a hand-made post is refused.
        Assert.NotNull(batchPage.QuerySelector("#export-first"));
        Assert.Null(batchPage.QuerySelector($"form[action='/finance/batches/{batchId}/paid']"));
        using (var tooSoon = new FormUrlEncodedContent(await client.FormAsBrowserWouldSendAsync(batchUrl, "/sign-out", [])))
        {
            await client.PostAsync(new Uri($"/finance/batches/{batchId}/paid", UriKind.Relative), tooSoon);
        }
        Assert.Equal(ClaimStatus.Batched, (await _world.ClaimAsync(annFirst)).Status);

        var export = await client.GetAsync(new Uri($"/finance/batches/{batchId}/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", export.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        // Exported again after Ben has changed his bank details: the same file, byte for byte.
        await _world.GiveBankDetailsAsync(places[1].ProfileId, "Ben New Bank", "112233", "99887766");
        var again = await client.GetByteArrayAsync(new Uri($"/finance/batches/{batchId}/export", UriKind.Relative));
        Assert.Equal(bytes, again);

        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(bytes));
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }
        Assert.Equal(["Payee reference", "Name on account", "Sort code", "Account number", "Amount", "Claim references"], csv.Headers.ToArray());
        var ann = FinanceText.PayeeReference(places[0].ProfileId);
        var benRef = FinanceText.PayeeReference(places[1].ProfileId);
        Assert.Equal(
        [
            // A name that starts like a spreadsheet formula is escaped so that it never runs.
            [ann, "'=Ann Example", "309457", "00733445", "68.75", $"{FinanceText.ClaimReference(annFirst)} {FinanceText.ClaimReference(annSecond)}"],
            [benRef, "Ben Example", "401276", "41557812", "60.00", FinanceText.ClaimReference(ben)],
        ], rows);

        var paid = await client.SubmitFormAsync(batchUrl, $"/finance/batches/{batchId}/paid", []);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.All(await Task.WhenAll(new[] { annFirst, annSecond, ben }.Select(_world.ClaimAsync)), c => Assert.Equal(ClaimStatus.Paid, c.Status));
        var issued = await client.SubmitFormAsync("/finance/batches", $"/finance/batches/claims/{voucher}/paid", []);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal((ClaimStatus.Paid, "Voucher issued"), ((await _world.ClaimAsync(voucher)).Status, (await _world.ClaimAsync(voucher)).LatestDecision.Note));

        var audit = await _world.WithDbAsync(db => db.AuditEntries.ToListAsync());
        var batchSubject = batchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(audit, e => e.SubjectType == AuditSubjectType.PaymentBatch && e.SubjectId == batchSubject && e.Action == AuditActions.BatchCreated);
        Assert.Equal(2, audit.Count(e => e.SubjectId == batchSubject && e.Action == AuditActions.BatchExported));
        var batchPaid = Assert.Single(audit, e => e.SubjectId == batchSubject && e.Action == AuditActions.BatchPaid);
        Assert.Equal(("AwaitingPayment; total £128.75", "Paid; total £128.75"), (batchPaid.Before, batchPaid.After));
        Assert.Equal(3, audit.Count(e => e.SubjectType == AuditSubjectType.Claim && e.Action == AuditActions.ClaimBatched));
        Assert.Equal(4, audit.Count(e => e.SubjectType == AuditSubjectType.Claim && e.Action == AuditActions.ClaimPaid));
        foreach (var entry in audit)
        {
            AssertNoBankDetails($"{entry.Summary} {entry.Before} {entry.After}", $"audit entry {entry.Action}");
        }
        foreach (var line in portal.Log.Lines)
        {
            AssertNoBankDetails(line.Message, $"log line from {line.Category}");
        }
    }

    internal static void AssertNoBankDetails(string text, string where)
    {
        foreach (var secret in new[] { "00733445", "41557812", "12345678", "309457", "30-94-57", "401276", "40-12-76", "112233" })
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows bank details ({secret})");
        }
    }
}
