using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Finance;
using CoProduce.Web.Features.Statement;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.IntegrationTests.Payments;

/// <summary>
/// Over 200 random claims (amounts with pence, every state, dates across a financial year, a fixed
/// seed so a failure can be repeated), every total a page shows equals the sum of its claims, to
/// the penny, added up here from the amounts the claims were made with: the queue's period total,
/// each batch's total, and the budget's committed, approved and paid.
/// </summary>
public sealed class PaymentTotalsPropertyTests(PaymentsPortal portal) : IClassFixture<PaymentsPortal>
{
    private const int Seed = 20_261_130;
    private const int StartYear = 2019; // a financial year nothing else in the database touches

    private static readonly ClaimStatus[] Targets = Enum.GetValues<ClaimStatus>();

    private readonly PaymentsWorld _world = new(portal.Services);

    private sealed record Made(int Id, long ExpectedPence, ClaimStatus Status, DateOnly ActivityDate, ClaimPaymentMethod Method, int ProfileId);

    private static Money Read(AngleSharp.Html.Dom.IHtmlDocument page, string selector)
    {
        var text = page.QuerySelector(selector)?.TextContent.Trim();
        Assert.True(Money.TryParse(text, out var amount), $"{selector} shows '{text}', not an amount");
        return amount;
    }

    private static Money Sum(IEnumerable<Made> claims) => Money.FromPence(claims.Sum(c => c.ExpectedPence));

    [Fact]
    public async Task EveryTotalShown_IsTheSumOfItsClaims_ToThePenny()
    {
        var random = new Random(Seed);
        var organiser = await _world.StaffAsync("Olu Organiser", Roles.Commissioner);
        var first = await _world.StaffAsync("Fran First", Roles.FinanceOfficer);
        var second = await _world.StaffAsync("Sol Second", Roles.FinanceOfficer);
        var reader = await _world.StaffAsync("Rae Reader", Roles.FinanceOfficer);
        var lead = await _world.StaffAsync("Lee Lead", Roles.CoProductionLead);
        var yearStart = new DateOnly(StartYear, 4, 1);
        var places = new List<(Place Place, DateOnly Date)>();
        for (var a = 0; a < 20; a++)
        {
            var date = yearStart.AddDays(random.Next(0, 366));
            places.AddRange((await _world.AttendedAsync(organiser.UserId, date, 10)).Select(p => (p, date)));
        }

        var made = await ClaimsAsync(random, places, organiser.UserId, first.UserId, second.UserId);
        var unclaimedFees = await UnclaimedPlacesAsync(random, organiser.UserId, yearStart.AddDays(100));
        // Some people give bank details, so the portal's own batch takes their approved bank transfers.
        foreach (var claim in made.Where(c => c.Status == ClaimStatus.Approved && c.Method == ClaimPaymentMethod.BankTransfer).Where((_, i) => i % 2 == 0))
        {
            await _world.GiveBankDetailsAsync(claim.ProfileId, "Account Holder", "112233", $"{10_000_000 + claim.ProfileId}");
        }
        var withBank = await _world.WithDbAsync(db => db.PaymentDetails.Where(d => d.ProtectedBankDetails != null).Select(d => d.ExpertProfileId).ToListAsync());
        var portalBatch = await _world.WithServiceAsync<PaymentBatchService, BatchOutcome>(s => s.CreateAsync(first.UserId, null, CancellationToken.None));
        var inPortalBatch = made.Where(c => c.Status == ClaimStatus.Approved && c.Method == ClaimPaymentMethod.BankTransfer && withBank.Contains(c.ProfileId)).ToList();
        Assert.NotEmpty(inPortalBatch);
        made = made.Select(c => inPortalBatch.Contains(c) ? c with { Status = ClaimStatus.Batched } : c).ToList();
        Assert.All(Targets, status => Assert.Contains(made, c => c.Status == status));

        using var finance = await PaymentsWorld.SignedInAsync(portal, reader);
        var period = $"from=1/4/{StartYear}&to=31/3/{StartYear + 1}";
        Assert.Equal(Sum(made.Where(c => c.Status != ClaimStatus.Draft)), Read(await finance.GetPageAsync($"/finance?status=all&{period}"), "#queue-total"));
        Assert.Equal(Sum(made.Where(c => c.Status is ClaimStatus.Submitted or ClaimStatus.AwaitingSecondApproval)), Read(await finance.GetPageAsync($"/finance?{period}"), "#queue-total"));
        var autumn = made.Where(c => c.ActivityDate >= new DateOnly(StartYear, 9, 1) && c.ActivityDate <= new DateOnly(StartYear, 12, 31)
            && c.Status == ClaimStatus.Approved && c.ExpectedPence >= 10_000 && c.ExpectedPence <= 40_050).ToList();
        var autumnPage = await finance.GetPageAsync($"/finance?status=Approved&from=1/9/{StartYear}&to=31/12/{StartYear}&min=100&max=400.50");
        Assert.NotEmpty(autumn);
        Assert.Equal(Sum(autumn), Read(autumnPage, "#queue-total"));

        var batches = await _world.WithDbAsync(db => db.PaymentBatches.AsNoTracking().Include(b => b.Lines).ToListAsync());
        Assert.Equal(3, batches.Count);
        foreach (var batch in batches)
        {
            var ids = batch.Lines.Select(l => l.ClaimId).ToHashSet();
            Assert.Equal(Sum(made.Where(c => ids.Contains(c.Id))), Read(await finance.GetPageAsync($"/finance/batches/{batch.Id}"), "#batch-total"));
        }
        Assert.Equal(Sum(inPortalBatch), Read(await finance.GetPageAsync($"/finance/batches/{portalBatch.BatchId}"), "#batch-total"));

        using var leadClient = await PaymentsWorld.SignedInAsync(portal, lead);
        var set = await leadClient.SubmitFormAsync($"/payments/budget?year={StartYear}", "/payments/budget", [new("Amount", "25,000.01")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, set.StatusCode);
        var budget = await leadClient.GetPageAsync($"/payments/budget?year={StartYear}");
        var committed = Sum(made.Where(c => c.Status is ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.Queried or ClaimStatus.AwaitingSecondApproval)) + unclaimedFees;
        var approved = Sum(made.Where(c => c.Status is ClaimStatus.Approved or ClaimStatus.Batched));
        var paid = Sum(made.Where(c => c.Status == ClaimStatus.Paid));
        Assert.Equal(committed, Read(budget, "#budget-committed"));
        Assert.Equal(approved, Read(budget, "#budget-approved"));
        Assert.Equal(paid, Read(budget, "#budget-paid"));
        Assert.Equal(Money.FromPounds(25_000.01m), Read(budget, "#budget-amount"));
        Assert.Equal(Money.FromPounds(25_000.01m) - committed - approved - paid, Read(budget, "#budget-remaining"));
        var audit = await _world.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.BudgetSet));
        Assert.Equal((null, "£25,000.01", lead.UserId), (audit.Before, audit.After, audit.ByUserId));

        // Each person's own statement, per tax year: every group's total is the sum of their claims in it.
        var userOf = places.Select(p => p.Place).DistinctBy(p => p.ProfileId).ToDictionary(p => p.ProfileId, p => p.PersonUserId);
        foreach (var person in made.GroupBy(c => c.ProfileId))
        {
            foreach (var year in person.GroupBy(c => EarningsPeriods.TaxYear(c.ActivityDate).First.Year))
            {
                var statement = await _world.WithServiceAsync<StatementPages, StatementPage>(s => s.ReadAsync(userOf[person.Key], year.Key, 1, CancellationToken.None));
                Assert.Equal(year.Key, statement.StartYear);
                // Rejected claims are listed but pay nothing, so they are in no total.
                foreach (var group in StatementGroups.Totalled)
                {
                    var shown = statement.Totals.Single(t => t.Group == group).Amount;
                    Assert.Equal(Sum(year.Where(c => StatementGroups.Of(c.Status) == group)), shown);
                }
            }
        }
    }

    /// <summary>A claim for each place, taken at random to a state, with random amounts in pence.</summary>
    private async Task<List<Made>> ClaimsAsync(Random random, List<(Place Place, DateOnly Date)> places, string organiserId, string firstApprover, string secondApprover) =>
        await _world.WithDbAsync(async db =>
        {
            var now = PaymentsWorld.Now;
            var rules = (await db.PaymentSettings.SingleAsync()).ApprovalRules;
            var claims = new List<(Claim Claim, long Pence, ClaimStatus Target, DateOnly Date, Place Place)>();
            foreach (var (place, date) in places)
            {
                long? fee = random.Next(5) == 0 ? null : random.Next(0, 70_000);
                var expenses = Enumerable.Range(0, random.Next(0, 4)).Select(_ => (long)random.Next(1, 9_000)).ToList();
                if ((fee ?? 0) + expenses.Sum() == 0)
                {
                    expenses.Add(random.Next(1, 500));
                }
                var method = random.Next(4) == 0 ? ClaimPaymentMethod.Voucher : ClaimPaymentMethod.BankTransfer;
                var claim = Claim.FromAttendance(new ClaimAttendance(place.ProfileId, place.ActivityId, place.SignUpId, organiserId),
                    fee is { } f ? Money.FromPence(f) : null, method, organiserId, now);
                foreach (var pence in expenses)
                {
                    claim.AddExpense(ExpenseCategory.PublicTransport, Money.FromPence(pence), new Receipt("receipt", "ticket.jpg"), place.PersonUserId, now);
                }
                var target = Targets[random.Next(Targets.Length)];
                if (target != ClaimStatus.Draft)
                {
                    claim.Submit(place.PersonUserId, now);
                }
                switch (target)
                {
                    case ClaimStatus.Queried:
                        claim.Query("Which bus did you take?", firstApprover, now);
                        break;
                    case ClaimStatus.Rejected:
                        claim.Reject("Not an activity we pay for.", firstApprover, now);
                        break;
                    case ClaimStatus.AwaitingSecondApproval:
                        claim.Approve(new Approver(firstApprover, null), rules, now);
                        break;
                    case ClaimStatus.Approved or ClaimStatus.Batched or ClaimStatus.Paid:
                        claim.Approve(new Approver(firstApprover, null), rules, now);
                        if (claim.Status == ClaimStatus.AwaitingSecondApproval)
                        {
                            claim.Approve(new Approver(secondApprover, null), rules, now);
                        }
                        break;
                }
                db.Claims.Add(claim);
                claims.Add((claim, (fee ?? 0) + expenses.Sum(), target, date, place));
            }
            await db.SaveChangesAsync();

            // Batched and paid: bank transfers through batches of their own; a voucher is issued.
            var toBatch = claims.Where(c => c.Target == ClaimStatus.Batched && c.Claim.IsReadyForBatch).Select(c => c.Claim).ToList();
            var toPay = claims.Where(c => c.Target == ClaimStatus.Paid && c.Claim.IsReadyForBatch).Select(c => c.Claim).ToList();
            db.PaymentBatches.Add(new PaymentBatch(toBatch, firstApprover, now));
            var paidBatch = new PaymentBatch(toPay, firstApprover, now);
            db.PaymentBatches.Add(paidBatch);
            foreach (var voucher in claims.Where(c => c.Target == ClaimStatus.Paid && c.Claim.IsVoucherToIssue))
            {
                voucher.Claim.RecordPaidOutsideBatch(firstApprover, now);
            }
            await db.SaveChangesAsync();
            paidBatch.KeepExport("file", firstApprover, now);
            paidBatch.MarkPaid(toPay, firstApprover, now);
            await db.SaveChangesAsync();

            Assert.All(claims, c => Assert.Equal(c.Pence, c.Claim.Total.Pence));
            return claims.Select(c => new Made(c.Claim.Id, c.Pence, c.Claim.Status, c.Date, c.Claim.PaymentMethod, c.Place.ProfileId)).ToList();
        });

    /// <summary>
    /// Confirmed places with a fee fixed and no claim yet, for the budget's committed figure. The
    /// activity is 2 hours, so an hourly fee is twice its amount and a session's is its amount.
    /// </summary>
    private async Task<Money> UnclaimedPlacesAsync(Random random, string organiserId, DateOnly date)
    {
        var places = await _world.AttendedAsync(organiserId, date, 15);
        return await _world.WithDbAsync(async db =>
        {
            var expected = Money.Zero;
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == places[0].ActivityId);
            foreach (var (signUp, i) in activity.SignUps.OrderBy(s => s.Id).Select((s, i) => (s, i)))
            {
                var hourly = random.Next(2) == 0;
                var amount = Money.FromPence(random.Next(1, 10_000));
                signUp.FixFee(new FixedFee(1, 1, hourly ? RateKind.PerHour : RateKind.PerSession, amount, false, false), PaymentsWorld.Now);
                // Someone who chose not to be paid for their time commits nothing: the first, and about one in four.
                if (i == 0 || random.Next(4) == 0)
                {
                    var person = await db.ExpertProfiles.SingleAsync(p => p.Id == signUp.ExpertProfileId);
                    person.SetPaymentPreference(Web.Domain.Roster.PaymentPreference.NoPayment, PaymentsWorld.Now);
                    continue;
                }
                expected += hourly ? amount + amount : amount;
            }
            await db.SaveChangesAsync();
            return expected;
        });
    }
}
