using System.Globalization;
using System.Net;
using System.Text.Json;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// "How you are paid" on the real app: bank details are stored encrypted, shown to the person only
/// masked, and appear in no page for staff, no audit entry and no log line; the benefits answer;
/// the payment statement's totals; and what deleting an account keeps.
/// </summary>
public sealed class PaymentDetailsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Passphrase = "a long enough password";
    private const string AccountName = "Quillon Vantreight";
    private const string SortCode = "40-18-62";
    private const string AccountNumber = "73194421";

    /// <summary>Every way the bank details could be written out, except the masked last digits.</summary>
    private static readonly string[] BankDetailsWritten = [AccountName, "Vantreight", "401862", "40-18-62", "40 18 62", AccountNumber, "7319 4421", "73194421"];

    private sealed record Person(HttpClient Client, string UserId, int ProfileId, string Name) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private async Task<Person> RegisterAsync(string name)
    {
        var client = portal.CreatePortalClient();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var response = await client.RegisterAsync(portal, name, email, Passphrase);
        Assert.Equal("/profile", response.Location());
        var (userId, profileId) = await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.Id, await db.ExpertProfiles.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
        });
        return new Person(client, userId, profileId, name);
    }

    private static async Task SaveBankDetailsAsync(Person person)
    {
        var chosen = await person.Client.SubmitFormAsync("/profile/payment", "/profile/payment", [new("Preference", "BankTransfer")]);
        Assert.Equal("/profile/payment/bank-details", chosen.Location());
        var saved = await person.Client.SubmitFormAsync("/profile/payment/bank-details", "/profile/payment/bank-details",
            [new("AccountName", AccountName), new("SortCode", SortCode), new("AccountNumber", AccountNumber)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/profile", saved.Location());
    }

    private static Task<HttpResponseMessage> SaveBenefitsAsync(Person person, params KeyValuePair<string, string>[] fields) =>
        person.Client.SubmitFormAsync("/profile/payment/benefits", "/profile/payment/benefits", fields);

    private Task<PaymentDetails?> DetailsOfAsync(Person person) =>
        WithDbAsync(db => db.PaymentDetails.AsNoTracking().SingleOrDefaultAsync(d => d.ExpertProfileId == person.ProfileId));

    /// <summary>
    /// Activities the person has a confirmed place on, dated on the given days: planned in the
    /// future as the rules need, then moved to their day.
    /// </summary>
    private async Task<List<(int ActivityId, int SignUpId)>> PlacesOnAsync(Person person, params DateOnly[] dates)
    {
        var places = await WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var projectId = await db.CommissioningProjects.Select(p => p.Id).FirstAsync();
            var today = UkTime.Today(TimeProvider.System);
            var activities = dates.Select(_ =>
            {
                var activity = new Activity(projectId, $"{person.Name} takes part {Guid.NewGuid():N}", ActivityType.Workshop, "About short breaks",
                    new ActivitySchedule(today.AddDays(3), new TimeOnly(10, 0), new TimeOnly(12, 0), today),
                    new ActivityPlace(ActivityMode.Online, null, null, null), 2, [], LadderRung.CoProduction, true, "organiser", now);
                activity.MoveTo(ActivityStatus.Open, now);
                activity.RequestPlace(person.ProfileId, true, "Nothing, thank you", now);
                return activity;
            }).ToList();
            db.Activities.AddRange(activities);
            await db.SaveChangesAsync();
            foreach (var activity in activities)
            {
                activity.Confirm(activity.SignUps.Single().Id, true, null, now);
            }
            await db.SaveChangesAsync();
            return activities.Select(a => (a.Id, a.SignUps.Single().Id)).ToList();
        });
        foreach (var ((activityId, _), date) in places.Zip(dates))
        {
            await WithDbAsync(db => db.Activities.Where(a => a.Id == activityId)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Date, date).SetProperty(x => x.SignUpClosesOn, date)));
        }
        return places;
    }

    /// <summary>A claim as finance would have left it, made and moved along by the domain.</summary>
    private sealed record ClaimToMake(ClaimStatus Status, decimal Fee, decimal Expenses = 0m, ClaimPaymentMethod Method = ClaimPaymentMethod.BankTransfer);

    private async Task<List<int>> ClaimsAsync(Person person, IReadOnlyList<(int ActivityId, int SignUpId)> places, IReadOnlyList<ClaimToMake> claims)
    {
        return await WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var rules = new ApprovalRules(Money.FromPounds(500));
            var made = places.Zip(claims).Select(pair =>
            {
                var ((activityId, signUpId), wanted) = pair;
                var claim = Claim.FromAttendance(new ClaimAttendance(person.ProfileId, activityId, signUpId, "organiser"), Money.FromPounds(wanted.Fee),
                    wanted.Method, "organiser", now);
                if (wanted.Expenses > 0)
                {
                    claim.AddExpense(ExpenseCategory.Mileage, Money.FromPounds(wanted.Expenses), null, person.UserId, now, miles: 10m);
                }
                if (wanted.Status != ClaimStatus.Draft)
                {
                    claim.Submit(person.UserId, now);
                }
                switch (wanted.Status)
                {
                    case ClaimStatus.Queried:
                        claim.Query("Which bus did you take?", "finance-officer", now);
                        break;
                    case ClaimStatus.Rejected:
                        claim.Reject("Not this person's activity.", "finance-officer", now);
                        break;
                    case ClaimStatus.Approved or ClaimStatus.Batched or ClaimStatus.Paid:
                        claim.Approve(new Approver("finance-officer", null), rules, now);
                        break;
                }
                if (wanted.Status == ClaimStatus.Paid && wanted.Method == ClaimPaymentMethod.Voucher)
                {
                    claim.RecordPaidOutsideBatch("finance-officer", now);
                }
                return (Claim: claim, wanted);
            }).ToList();
            db.Claims.AddRange(made.Select(m => m.Claim));
            await db.SaveChangesAsync();
            // A bank transfer is paid only through a batch: one left waiting, one marked paid.
            foreach (var status in new[] { ClaimStatus.Batched, ClaimStatus.Paid })
            {
                var toBatch = made.Where(m => m.wanted.Status == status && m.wanted.Method == ClaimPaymentMethod.BankTransfer).Select(m => m.Claim).ToList();
                if (toBatch.Count == 0)
                {
                    continue;
                }
                var batch = new PaymentBatch(toBatch, "finance-officer", now);
                db.PaymentBatches.Add(batch);
                if (status == ClaimStatus.Paid)
                {
                    batch.KeepExport("file", "finance-officer", now);
                    batch.MarkPaid(toBatch, "finance-officer", now);
                }
                await db.SaveChangesAsync();
            }
            return made.Select(m => m.Claim.Id).ToList();
        });
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task BankDetails_AreStoredEncrypted_AndShownToThePersonOnlyMasked()
    {
        using var person = await RegisterAsync("Ula Brightwater");

        await SaveBankDetailsAsync(person);

        var details = await DetailsOfAsync(person);
        Assert.NotNull(details?.ProtectedBankDetails);
        Assert.All(BankDetailsWritten.Append("94421").Append("4421"), written => Assert.DoesNotContain(written, details!.ProtectedBankDetails!, StringComparison.Ordinal));
        var stored = portal.Services.GetRequiredService<BankDetailsProtector>().Unprotect(details!.ProtectedBankDetails!);
        Assert.Equal((AccountName, "401862", AccountNumber), (stored.AccountName, stored.SortCode, stored.AccountNumber));

        var profile = await person.Client.GetPageAsync("/profile");
        var paid = profile.QuerySelector("#how-you-are-paid")!.TextContent;
        Assert.Contains("Bank transfer", paid, StringComparison.Ordinal);
        Assert.Contains("**-**-62", paid, StringComparison.Ordinal);
        Assert.Contains("****4421", paid, StringComparison.Ordinal);
        Assert.Contains(profile.QuerySelectorAll("#how-you-are-paid a"), a => a.GetAttribute("href") == "/profile/payment/bank-details/remove");
        var html = profile.DocumentElement.OuterHtml;
        Assert.All(BankDetailsWritten.Skip(2), written => Assert.DoesNotContain(written, html, StringComparison.Ordinal));

        // Changing them means typing new ones: the form is never filled in with the stored details.
        var form = await person.Client.GetPageAsync("/profile/payment/bank-details");
        Assert.All(form.QuerySelectorAll("form input:not([type=hidden])"), input => Assert.True(string.IsNullOrEmpty(input.GetAttribute("value"))));
        Assert.Contains("****4421", form.Body!.TextContent, StringComparison.Ordinal);
        Assert.All(BankDetailsWritten.Skip(2), written => Assert.DoesNotContain(written, form.DocumentElement.OuterHtml, StringComparison.Ordinal));

        // "Your data" shows them masked too, in the page and the download.
        var yourData = await HtmlAsync(person.Client, "/profile/your-data");
        var download = await HtmlAsync(person.Client, "/profile/your-data.json");
        Assert.Contains("****4421", yourData, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(download);
        Assert.Equal("****4421", json.RootElement.GetProperty("payment").GetProperty("bankAccount").GetProperty("accountNumber").GetString());
        Assert.All(BankDetailsWritten.Skip(2), written => Assert.DoesNotContain(written, yourData + download, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BankDetails_Removed_AreGoneAndAudited()
    {
        using var person = await RegisterAsync("Vic Ormsby");
        await SaveBankDetailsAsync(person);

        var confirm = await person.Client.GetPageAsync("/profile/payment/bank-details/remove");
        Assert.Contains("****4421", confirm.Body!.TextContent, StringComparison.Ordinal);
        var removed = await person.Client.SubmitFormAsync("/profile/payment/bank-details/remove", "/profile/payment/bank-details/remove", []);

        Assert.Equal("/profile", removed.Location());
        Assert.Null((await DetailsOfAsync(person))!.ProtectedBankDetails);
        var profile = await person.Client.GetPageAsync("/profile");
        Assert.DoesNotContain("****4421", profile.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not given yet", profile.QuerySelector("#how-you-are-paid")!.TextContent, StringComparison.Ordinal);
        var summaries = await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == AuditSubjectType.PaymentDetails && a.SubjectId == person.ProfileId.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Summary, a.ByUserId }).ToListAsync());
        Assert.Equal(["How to be paid changed.", "Bank details added.", "Bank details removed."], summaries.Select(s => s.Summary));
        Assert.All(summaries, s => Assert.Equal((AuditActions.PaymentDetailsChanged, person.UserId), (s.Action, s.ByUserId)));
    }

    [Fact]
    public async Task BankDetails_ThatAPaymentIsOnItsWayTo_CannotBeRemoved_TheRefusalIsShown()
    {
        using var person = await RegisterAsync("Wyn Pascoe");
        await SaveBankDetailsAsync(person);
        var places = await PlacesOnAsync(person, UkTime.Today(TimeProvider.System).AddDays(-3));
        await ClaimsAsync(person, places, [new ClaimToMake(ClaimStatus.Batched, 40m)]);

        var refused = await person.Client.SubmitFormAsync("/profile/payment/bank-details/remove", "/profile/payment/bank-details/remove", []);
        var page = await refused.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot remove it now", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await DetailsOfAsync(person))!.ProtectedBankDetails);
    }

    public static TheoryData<string, string, string, string[]> BadBankDetails => new()
    {
        { "", "", "", ["#AccountName Enter the name on the account", "#SortCode Enter a sort code", "#AccountNumber Enter an account number"] },
        { AccountName, "40-18-6", AccountNumber, ["#SortCode Enter a valid sort code like 30-94-57"] },
        { AccountName, SortCode, "7319442", [] },
        { AccountName, SortCode, "731944", [] },
        { AccountName, SortCode, "73194", ["#AccountNumber Account number must be between 6 and 8 digits"] },
        { AccountName, SortCode, "7319442x", ["#AccountNumber Enter a valid account number like 00733445"] },
    };

    [Theory]
    [MemberData(nameof(BadBankDetails))]
    public async Task BankDetails_FormatErrors_AreShownNextToTheirFields(string name, string sortCode, string number, string[] expected)
    {
        using var person = await RegisterAsync("Wren Castellane");

        var response = await person.Client.SubmitFormAsync("/profile/payment/bank-details", "/profile/payment/bank-details",
            [new("AccountName", name), new("SortCode", sortCode), new("AccountNumber", number)]);

        if (expected.Length == 0)
        {
            Assert.Equal("/profile", response.Location());
            Assert.NotNull((await DetailsOfAsync(person))!.ProtectedBankDetails);
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(expected, page.ErrorSummaryLinks());
        foreach (var link in expected)
        {
            var field = link.Split(' ')[0][1..];
            var message = link[(link.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var group = page.QuerySelector($"#{field}")!.Closest(".govuk-form-group")!;
            Assert.Contains("govuk-form-group--error", group.ClassName, StringComparison.Ordinal);
            Assert.Contains(message, group.QuerySelector(".govuk-error-message")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Null(await DetailsOfAsync(person));
    }

    [Fact]
    public async Task BankDetails_AppearInNoPageForStaff_NoAuditEntry_AndNoLogLine()
    {
        using var person = await RegisterAsync("Xander Pellow");
        var consent = await person.Client.SubmitFormAsync("/profile/consent", "/profile/consent", [new("Agree", "true")]);
        Assert.Equal("/profile", consent.Location());
        var lived = await person.Client.SubmitFormAsync("/profile/lived-experience", "/profile/lived-experience",
            [new("Areas", "RefugeeOrAsylum"), new("Other", string.Empty)]);
        Assert.Equal("/profile", lived.Location());
        await SaveBankDetailsAsync(person);
        var benefits = await SaveBenefitsAsync(person, new("Answer", "GetsBenefits"), new("Benefits", "UniversalCredit"),
            new("AssessmentDay", "23"), new("HousingCosts", "yes"), new("WorkAllowance", "no"));
        Assert.Equal("/profile", benefits.Location());
        var (activityId, signUpId) = (await PlacesOnAsync(person, UkTime.Today(TimeProvider.System)))[0];

        // Every page a commissioner, a lead or finance can open, and those about this person.
        var aboutThePerson = new[]
        {
            "/roster?Area=RefugeeOrAsylum", $"/manage/activities/{activityId}", $"/manage/activities/{activityId}/sign-ups/{signUpId}/attendance",
            $"/manage/activities/{activityId}/sign-ups/{signUpId}/decline", "/manage/activities",
        };
        foreach (var role in new[] { Roles.Commissioner, Roles.CoProductionLead, Roles.FinanceOfficer })
        {
            var client = await portal.ClientForAsync(role);
            var urls = AccessExpectations.Discover(portal.Services)
                .Where(a => a.Method == "GET" && AccessExpectations.IsAllowed(AccessExpectations.Expected[a.Key], role))
                .Select(a => a.Url)
                .Concat(role == Roles.FinanceOfficer ? [] : aboutThePerson)
                .Distinct();
            foreach (var url in urls)
            {
                var html = await HtmlAsync(client, url);
                Assert.All(BankDetailsWritten.Append("****4421").Append("**-**-62"), written => Assert.False(html.Contains(written, StringComparison.Ordinal),
                    $"{role} sees \"{written}\" on {url}"));
                Assert.DoesNotContain("assessment period", html, StringComparison.OrdinalIgnoreCase);
            }
        }
        // The pages about the person were real pages that named them.
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        Assert.Contains(person.Name, await HtmlAsync(organiser, "/roster?Area=RefugeeOrAsylum"), StringComparison.Ordinal);
        Assert.Contains(person.Name, await HtmlAsync(organiser, $"/manage/activities/{activityId}"), StringComparison.Ordinal);

        var audit = await WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Summary + "|" + a.Before + "|" + a.After).ToListAsync());
        Assert.All(audit, entry => Assert.DoesNotContain(BankDetailsWritten.Append("4421"), written => entry.Contains(written, StringComparison.Ordinal)));
        Assert.All(audit, entry => Assert.DoesNotContain("Universal Credit", entry, StringComparison.Ordinal));
        var lines = portal.Log.Lines;
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.DoesNotContain(BankDetailsWritten, written => line.Message.Contains(written, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Benefits_AreSavedAndShownToThePerson_AndAuditedWithoutTheAnswer()
    {
        using var person = await RegisterAsync("Yolande Treharne");

        var empty = await SaveBenefitsAsync(person, new("Answer", "GetsBenefits"), new("Benefits", "UniversalCredit"), new("AssessmentDay", "32"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(
            ["#AssessmentDay Enter the day your Universal Credit assessment period starts, a number from 1 to 31",
             "#HousingCosts Select yes if your Universal Credit includes money for housing costs",
             "#WorkAllowance Select yes if you have a work allowance"],
            (await empty.ReadPageAsync()).ErrorSummaryLinks());

        var saved = await SaveBenefitsAsync(person, new("Answer", "GetsBenefits"), new("Benefits", "UniversalCredit"), new("Benefits", "CarersAllowance"),
            new("AssessmentDay", "15"), new("HousingCosts", "yes"), new("WorkAllowance", "no"));

        Assert.Equal("/profile", saved.Location());
        var situation = (await DetailsOfAsync(person))!.Benefits!;
        Assert.Equal((BenefitsAnswer.GetsBenefits, 15, true, false, false, true),
            (situation.Answer, situation.UniversalCreditAssessmentDay, situation.UniversalCreditHousingCosts, situation.UniversalCreditWorkAllowance,
             situation.NewStyleEsa, situation.CarersAllowance));
        var shown = (await person.Client.GetPageAsync("/profile")).QuerySelector("#how-you-are-paid")!.TextContent;
        Assert.Contains("Universal Credit: your assessment period starts on day 15 of the month", shown, StringComparison.Ordinal);
        Assert.Contains("Carer's Allowance", shown, StringComparison.Ordinal);
        var again = await person.Client.GetPageAsync("/profile/payment/benefits");
        Assert.Equal("15", again.QuerySelector("#AssessmentDay")!.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector($"main a[href='{PaymentReferenceData.DefaultAdviceLink}']"));

        // Changed at any time: now they prefer not to say, and the earlier details go.
        Assert.Equal("/profile", (await SaveBenefitsAsync(person, new("Answer", "PreferNotToSay"), new("Benefits", "NewStyleEsa"))).Location());
        var now = (await DetailsOfAsync(person))!;
        Assert.Equal((BenefitsAnswer.PreferNotToSay, null, false, false), (now.BenefitsAnswer, now.UniversalCreditAssessmentDay, now.NewStyleEsa, now.CarersAllowance));

        var summaries = await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == AuditSubjectType.PaymentDetails && a.SubjectId == person.ProfileId.ToString(CultureInfo.InvariantCulture))
            .Select(a => a.Summary + "|" + a.Before + "|" + a.After).ToListAsync());
        Assert.Equal(["Benefits answer changed.||", "Benefits answer changed.||"], summaries);
    }

    [Fact]
    public async Task Statement_TotalsEqualTheSumOfTheClaims_PerTaxYear_AndPages()
    {
        using var person = await RegisterAsync("Zinnia Fairclough");
        var thisYear = EarningsPeriods.TaxYear(UkTime.Today(TimeProvider.System));
        var lastYear = EarningsPeriods.TaxYear(thisYear.First.AddDays(-1));
        var wanted = new List<ClaimToMake>
        {
            new(ClaimStatus.Paid, 60m, 4.50m, ClaimPaymentMethod.Voucher),
            new(ClaimStatus.Paid, 25.01m),
            new(ClaimStatus.Approved, 40m, 3.20m),
            new(ClaimStatus.Batched, 33.33m),
            new(ClaimStatus.Submitted, 20m, 0.99m),
            new(ClaimStatus.Queried, 10m),
            new(ClaimStatus.Rejected, 99m),
            new(ClaimStatus.Approved, 0m, 6.75m), // expenses only
        };
        // Enough drafts to need a second page.
        wanted.AddRange(Enumerable.Range(1, 14).Select(i => new ClaimToMake(ClaimStatus.Draft, i + 0.07m)));
        var dates = wanted.Select((_, i) => thisYear.First.AddDays(i % 20)).ToList();
        var places = await PlacesOnAsync(person, [.. dates, lastYear.First, lastYear.Last]);
        var ids = await ClaimsAsync(person, places, [.. wanted, new(ClaimStatus.Paid, 500m, 0m, ClaimPaymentMethod.Voucher), new(ClaimStatus.Paid, 0.01m, 0m, ClaimPaymentMethod.Voucher)]);

        var claims = await WithDbAsync(db => db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync());
        Money Sum(IEnumerable<Claim> these) => these.Aggregate(Money.Zero, (sum, c) => sum + c.Total);
        var inThisYear = claims.Where(c => ids.IndexOf(c.Id) < wanted.Count).ToList();

        var first = await person.Client.GetPageAsync($"/my-payments?year={thisYear.First.Year}");
        var second = await person.Client.GetPageAsync($"/my-payments?year={thisYear.First.Year}&page=2");
        foreach (var (group, id) in new[]
        {
            (StatementGroup.Paid, "paid"), (StatementGroup.ApprovedNotPaid, "approvednotpaid"), (StatementGroup.WithFinance, "withfinance"), (StatementGroup.Draft, "draft"),
        })
        {
            var expected = Sum(inThisYear.Where(c => StatementGroups.Of(c.Status) == group));
            Assert.Contains(expected.Format(), first.QuerySelector($"#total-{id} .govuk-summary-list__value")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(expected.Format(), second.QuerySelector($"#total-{id} .govuk-summary-list__value")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(Money.FromPounds(60m + 4.50m + 25.01m), Sum(inThisYear.Where(c => c.Status == ClaimStatus.Paid)));

        // Every claim of the year is listed once, across the two pages, each linking to its own page.
        var links = first.QuerySelectorAll("#claims tbody a").Concat(second.QuerySelectorAll("#claims tbody a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(20, first.QuerySelectorAll("#claims tbody tr").Length);
        Assert.Equal(inThisYear.Select(c => $"/my-payments/claims/{c.Id}").Order(), links.Order());

        // Last year's claims are in last year's statement only.
        var earlier = await person.Client.GetPageAsync($"/my-payments?year={lastYear.First.Year}");
        Assert.Contains("£500.01", earlier.QuerySelector("#total-paid .govuk-summary-list__value")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, earlier.QuerySelectorAll("#claims tbody tr").Length);
        Assert.Contains(earlier.QuerySelectorAll("#year option"), o => o.GetAttribute("value") == thisYear.First.Year.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(earlier.QuerySelectorAll("#year option"), o => o.GetAttribute("value") == lastYear.First.Year.ToString(CultureInfo.InvariantCulture) && o.HasAttribute("selected"));

        // Another person's statement shows none of these.
        var other = await (await portal.ClientForAsync(Roles.ExpertByExperience)).GetPageAsync($"/my-payments?year={thisYear.First.Year}");
        Assert.DoesNotContain(other.QuerySelectorAll("#claims tbody a"), a => links.Contains(a.GetAttribute("href")));
    }

    [Fact]
    public async Task Statement_SendsTheSameNumberOfCommands_HoweverManyClaims()
    {
        using var person = await RegisterAsync("Amos Kettleby");
        var thisYear = EarningsPeriods.TaxYear(UkTime.Today(TimeProvider.System));
        var url = $"/my-payments?year={thisYear.First.Year}";
        await ClaimsAsync(person, await PlacesOnAsync(person, thisYear.First), [new(ClaimStatus.Draft, 5m)]);
        await person.Client.CountCommandsAsync(url); // the first request warms the key ring and caches
        var few = await person.Client.RecordCommandsAsync(url);

        await ClaimsAsync(person, await PlacesOnAsync(person, [.. Enumerable.Range(0, 25).Select(i => thisYear.First.AddDays(i))]),
            [.. Enumerable.Range(0, 25).Select(i => new ClaimToMake(i % 2 == 0 ? ClaimStatus.Submitted : ClaimStatus.Draft, 5m))]);
        var many = await person.Client.RecordCommandsAsync(url);

        Assert.Equal(few.Count, many.Count);
        // Every read of the claims adds up, counts or takes one page: none loads them all.
        var reads = many.Where(sql => sql.Contains("FROM \"Claims\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, sql => Assert.True(sql.Contains("COUNT(*)", StringComparison.Ordinal) || sql.Contains("LIMIT", StringComparison.Ordinal), sql));
    }

    [Fact]
    public async Task Delete_KeepsClaimsUnderThePayeeReference_KeepsBankDetailsOnlyWhileOwed_AndRemovesBenefits()
    {
        using var owed = await RegisterAsync("Bram Hollingdrake");
        using var settled = await RegisterAsync("Cleo Varnham");
        foreach (var person in new[] { owed, settled })
        {
            await SaveBankDetailsAsync(person);
            Assert.Equal("/profile", (await SaveBenefitsAsync(person, new("Answer", "GetsBenefits"), new("Benefits", "CarersAllowance"))).Location());
        }
        var today = UkTime.Today(TimeProvider.System);
        var owedClaims = await ClaimsAsync(owed, await PlacesOnAsync(owed, today, today), [new(ClaimStatus.Approved, 45m), new(ClaimStatus.Paid, 20m, 0m, ClaimPaymentMethod.Voucher)]);
        var settledClaims = await ClaimsAsync(settled, await PlacesOnAsync(settled, today), [new(ClaimStatus.Paid, 45m, 0m, ClaimPaymentMethod.Voucher)]);

        // Before deleting, the person is told their reference and that their claims stay.
        var deletePage = await owed.Client.GetPageAsync("/profile/delete");
        Assert.Contains(ExpertProfile.PayeeReferenceOf(owed.ProfileId), deletePage.QuerySelector("#payee-reference")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 payment claims", deletePage.Body!.TextContent, StringComparison.Ordinal);

        foreach (var person in new[] { owed, settled })
        {
            Assert.Equal("/profile/deleted", (await person.Client.SubmitFormAsync("/profile/delete", "/profile/delete", [])).Location());
        }

        // The claims stay as they were, on the same profile row, which now goes by its reference.
        var kept = await WithDbAsync(db => db.Claims.AsNoTracking().Where(c => owedClaims.Contains(c.Id) || settledClaims.Contains(c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.ExpertProfileId, c.Status, c.Total }).ToListAsync());
        Assert.Equal(
            [(owed.ProfileId, ClaimStatus.Approved, Money.FromPounds(45)), (owed.ProfileId, ClaimStatus.Paid, Money.FromPounds(20)),
             (settled.ProfileId, ClaimStatus.Paid, Money.FromPounds(45))],
            kept.Select(c => (c.ExpertProfileId, c.Status, c.Total)));
        var profile = await WithDbAsync(db => db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.Id == owed.ProfileId));
        Assert.Equal(ExpertProfile.DeletedName, profile.PreferredName);
        Assert.Equal($"P{owed.ProfileId:D6}", profile.PayeeName);

        // Bank details stay only for the person still owed a bank transfer; benefits go for both.
        var owedDetails = (await DetailsOfAsync(owed))!;
        var settledDetails = (await DetailsOfAsync(settled))!;
        Assert.True(owedDetails.HasBankDetails);
        Assert.False(settledDetails.HasBankDetails);
        Assert.Null(owedDetails.BenefitsAnswer);
        Assert.Null(settledDetails.BenefitsAnswer);
        Assert.False(owedDetails.CarersAllowance || settledDetails.CarersAllowance);

        var deletion = await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectId == owed.ProfileId.ToString(CultureInfo.InvariantCulture)
                && (a.Action == AuditActions.ProfileDeleted || (a.SubjectType == AuditSubjectType.PaymentDetails && a.Summary.StartsWith("Benefits answer removed"))))
            .Select(a => a.Summary).ToListAsync());
        Assert.Equal(2, deletion.Count);
        Assert.Contains(deletion, s => s.Contains(ExpertProfile.PayeeReferenceOf(owed.ProfileId), StringComparison.Ordinal));
        Assert.Contains(deletion, s => s.Contains("Bank details kept until the claims still to be paid by bank transfer are paid", StringComparison.Ordinal));
    }
}
