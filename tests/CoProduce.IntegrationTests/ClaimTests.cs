using System.Net;
using System.Net.Http.Headers;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Claims;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Claims from attendance to submission, against the real app and database: the draft made when
/// attendance is recorded, expenses with receipts, the fee taken, benefit warnings before sending,
/// and the attendance fixed once the claim is sent.
/// </summary>
public sealed class ClaimTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01];

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    /// <summary>An expert with an account (signed in) or, without an email, one an organiser claims for.</summary>
    private async Task<(int ProfileId, HttpClient Client)> NewExpertAsync(PaymentPreference? preference, bool withEmail = true)
    {
        var email = $"claimant-{Guid.NewGuid():N}@example.org";
        var profileId = await WithDbAsync(async db =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
            var user = new CoProduceUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Claimant", CreatedUtc = Now };
            Assert.True((await users.CreateAsync(user, DemoUsers.Password(portal))).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.ExpertByExperience)).Succeeded);
            var profile = new ExpertProfile(user.Id, "Robin Claimant", email, Now);
            if (!withEmail)
            {
                // Someone the council rings: no email, so an organiser makes their claim.
                profile.SetContact("Robin Claimant", null, "01632 960000", ContactMethod.Phone, Now);
            }
            profile.GiveConsent("2026-11", Now);
            if (preference is { } chosen)
            {
                profile.SetPaymentPreference(chosen, Now);
            }
            db.ExpertProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });
        var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, DemoUsers.Password(portal))).StatusCode);
        return (profileId, client);
    }

    private Task<int> JoAsync() => WithDbAsync(db => db.ExpertProfiles.Where(p => p.ContactEmail == "expert@example.org").Select(p => p.Id).SingleAsync());

    /// <summary>An open, paid activity whose day has come, with a confirmed place for the person, at a fixed hourly fee (or none).</summary>
    private async Task<(int ActivityId, int SignUpId)> PlaceAsync(int profileId, decimal? hourlyFee, string title)
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var projectId = await WithDbAsync(db => db.CommissioningProjects.Where(p => p.Title == "Carers' support service").Select(p => p.Id).SingleAsync());
        var created = await client.SubmitFormAsync("/manage/activities/new", "/manage/activities/new",
            OrganisingTests.ActivityFields(projectId.ToString(System.Globalization.CultureInfo.InvariantCulture), title, "5"));
        var activityId = int.Parse(created.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/status", [new("to", "Open")]);
        var signUpId = await WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.SignUps).SingleAsync(a => a.Id == activityId);
            var signUp = activity.RequestPlace(profileId, true, "", Now);
            await db.SaveChangesAsync();
            activity.Confirm(signUp.Id, true, null, Now);
            // The fee fixed at confirmation, as the rate card would fix it.
            signUp.FixFee(hourlyFee is { } pounds ? new FixedFee(1, 1, RateKind.PerHour, Money.FromPounds(pounds), false, false) : null, Now);
            await db.SaveChangesAsync();
            return signUp.Id;
        });
        await portal.ArriveAtTheDayAsync(activityId);
        await EnsureExpensesPolicyAsync();
        return (activityId, signUpId);
    }

    /// <summary>Meals capped at £10 a claim, public transport with a receipt, mileage at 45p, from today.</summary>
    private async Task EnsureExpensesPolicyAsync() => await WithDbAsync(async db =>
    {
        var today = UkTime.Today(TimeProvider.System);
        var existing = await db.ExpensesPolicies.ToListAsync();
        if (ExpensesPolicy.InForceOn(existing, today) is { Version: > 0 } inForce && inForce.RuleFor(ExpenseCategory.Meals).CapPerClaim == Money.FromPounds(10m))
        {
            return 0;
        }
        db.ExpensesPolicies.Add(ExpensesPolicy.Publish(existing, Money.FromPence(45),
        [
            new(ExpenseCategory.PublicTransport, null, true), new(ExpenseCategory.Mileage, null, false), new(ExpenseCategory.ReplacementCare, null, true),
            new(ExpenseCategory.SupportWorker, null, true), new(ExpenseCategory.Meals, Money.FromPounds(10m), true), new(ExpenseCategory.Other, null, true),
        ], today, "lead", Now));
        return await db.SaveChangesAsync();
    });

    private async Task<HttpResponseMessage> RecordAttendanceAsync(int activityId, int signUpId, string attendance, string hours = "2.5")
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var url = $"/manage/activities/{activityId}/sign-ups/{signUpId}/attendance";
        return await client.SubmitFormAsync(url, url, [new("Attendance", attendance), new("Hours", hours)]);
    }

    private Task<Claim?> ClaimForAsync(int signUpId) => WithDbAsync(db => db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.SignUpId == signUpId && c.CorrectsClaimId == null));

    /// <summary>Posts the expense form with a file, as a browser would: with the form's antiforgery and one-use tokens.</summary>
    private static async Task<HttpResponseMessage> AddExpenseAsync(HttpClient client, string claimUrl, IEnumerable<(string, string)> fields, byte[]? file = null, string fileName = "receipt.jpg")
    {
        var page = await client.GetPageAsync($"{claimUrl}/expenses/new");
        var form = page.QuerySelector($"form[action='{claimUrl}/expenses/new']") ?? throw new InvalidOperationException("No expense form");
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? string.Empty), hidden.GetAttribute("name")!);
        }
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            // What the browser claims is never trusted: the receipt's first bytes decide.
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "Receipt", fileName);
        }
        return await client.PostAsync(new Uri($"{claimUrl}/expenses/new", UriKind.Relative), content);
    }

    [Fact]
    public async Task RecordingAttendance_MakesADraftFromTheFixedFee_ThatOnlyTheClaimantSees()
    {
        var jo = await JoAsync();
        var (activityId, signUpId) = await PlaceAsync(jo, 25m, "Claims: draft from attendance");

        Assert.Equal(HttpStatusCode.Redirect, (await RecordAttendanceAsync(activityId, signUpId, "Attended", "2.5")).StatusCode);

        var claim = (await ClaimForAsync(signUpId))!;
        Assert.Equal((ClaimStatus.Draft, ClaimOrigin.AttendanceRecorded), (claim.Status, claim.Origin));
        Assert.Equal((Money.FromPounds(62.50m), Money.FromPounds(62.50m)), (claim.FeeOffered, claim.FeeTaken));
        // Jo likes to be paid in vouchers.
        Assert.Equal(ClaimPaymentMethod.Voucher, claim.PaymentMethod);
        var created = await WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == AuditSubjectType.Claim && e.SubjectId == claim.Id.ToString()).ToListAsync());
        Assert.Contains(created, e => e.Action == AuditActions.ClaimCreated && e.Summary.Contains("£62.50", StringComparison.Ordinal));

        var expert = await portal.ClientForAsync(Roles.ExpertByExperience);
        var page = await expert.GetPageAsync($"/my-payments/claims/{claim.Id}");
        Assert.Contains("2 hours 30 minutes at £25 an hour.", page.QuerySelector("#fee")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Attended: 2 hours 30 minutes", page.QuerySelector("#attendance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Okafor", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/my-payments']"));

        // Nobody else: another expert, and an organiser (Jo has an email, so does it herself).
        var (_, other) = await NewExpertAsync(PaymentPreference.BankTransfer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/my-payments/claims/{claim.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/my-payments/claims/{claim.Id}/check", UriKind.Relative))).StatusCode);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(new Uri($"/manage/claims/{claim.Id}", UriKind.Relative))).StatusCode);
        var finance = await portal.ClientForAsync(Roles.FinanceOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await finance.GetAsync(new Uri($"/my-payments/claims/{claim.Id}", UriKind.Relative))).StatusCode);

        // Recorded again before it is sent: the draft follows the new time, and is still the one claim.
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAttendanceAsync(activityId, signUpId, "Attended", "2")).StatusCode);
        var followed = (await ClaimForAsync(signUpId))!;
        Assert.Equal((claim.Id, Money.FromPounds(50m), Money.FromPounds(50m)), (followed.Id, followed.FeeOffered, followed.FeeTaken));
    }

    [Fact]
    public async Task ExpensesOnly_ForAnUnpaidActivity_SomeoneNotPaidForTheirTime_AndALateCancellation()
    {
        var (unpaidPerson, _) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var (notPaid, _) = await NewExpertAsync(PaymentPreference.NoPayment);
        var (cancelledOn, _) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var (didNotCome, _) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var unpaid = await PlaceAsync(unpaidPerson, null, "Claims: unpaid activity");
        var noPayment = await PlaceAsync(notPaid, 25m, "Claims: no payment for time");
        var cancelled = await PlaceAsync(cancelledOn, 25m, "Claims: cancelled late");
        var absent = await PlaceAsync(didNotCome, 25m, "Claims: did not attend");

        await RecordAttendanceAsync(unpaid.ActivityId, unpaid.SignUpId, "Attended");
        await RecordAttendanceAsync(noPayment.ActivityId, noPayment.SignUpId, "Attended");
        await RecordAttendanceAsync(cancelled.ActivityId, cancelled.SignUpId, "CancelledByCouncil");
        await RecordAttendanceAsync(absent.ActivityId, absent.SignUpId, "DidNotAttend");

        var unpaidClaim = (await ClaimForAsync(unpaid.SignUpId))!;
        var noPaymentClaim = (await ClaimForAsync(noPayment.SignUpId))!;
        var cancelledClaim = (await ClaimForAsync(cancelled.SignUpId))!;
        Assert.Equal(((Money?)null, Money.Zero, ClaimPaymentMethod.BankTransfer), (unpaidClaim.FeeOffered, unpaidClaim.Total, unpaidClaim.PaymentMethod));
        // They chose not to be paid for their time: they choose how expenses are repaid when they claim some.
        Assert.Equal(((Money?)null, Money.Zero, ClaimPaymentMethod.None), (noPaymentClaim.FeeOffered, noPaymentClaim.Total, noPaymentClaim.PaymentMethod));
        Assert.Equal(((Money?)null, ClaimStatus.Draft), (cancelledClaim.FeeOffered, cancelledClaim.Status));
        Assert.Null(await ClaimForAsync(absent.SignUpId));
    }

    [Fact]
    public async Task ActivityCancelled_EachPersonWithAPlace_GetsAnExpensesOnlyDraft_WhichTheyCanSend()
    {
        var (person, client) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var (activityId, signUpId) = await PlaceAsync(person, 25m, "Claims: activity cancelled");
        var organiser = await portal.ClientForAsync(Roles.Commissioner);

        await organiser.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/status", [new("to", "Cancelled")]);

        var claim = (await ClaimForAsync(signUpId))!;
        Assert.Equal((ClaimOrigin.CancelledByCouncil, ClaimStatus.Draft, (Money?)null), (claim.Origin, claim.Status, claim.FeeOffered));
        var email = await WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ExpertProfileId == person && m.Subject.StartsWith("Cancelled:")));
        Assert.Contains("/my-payments", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(await WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == AuditSubjectType.Claim && e.SubjectId == claim.Id.ToString()).Select(e => e.Action).ToListAsync()),
            action => action == AuditActions.ClaimCreated);

        // The bus ticket they had already bought is repaid.
        var url = $"/my-payments/claims/{claim.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await AddExpenseAsync(client, url, [("Category", "PublicTransport"), ("Amount", "3.40"), ("Description", "Bus ticket")], Jpeg)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{url}/check", $"{url}/submit", [])).StatusCode);
        var sent = (await ClaimForAsync(signUpId))!;
        Assert.Equal((ClaimStatus.Submitted, Money.FromPounds(3.40m)), (sent.Status, sent.Total));
    }

    [Fact]
    public async Task TwoExpensesAddedAtOnce_NeverPassTheCapTogether()
    {
        var (person, _) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var (activityId, signUpId) = await PlaceAsync(person, null, "Claims: two meals at once");
        await RecordAttendanceAsync(activityId, signUpId, "Attended");
        var claimId = (await ClaimForAsync(signUpId))!.Id;
        var userId = await WithDbAsync(db => db.ExpertProfiles.Where(p => p.Id == person).Select(p => p.UserId).SingleAsync());
        var policy = await WithDbAsync(async db => ExpensesPolicy.InForceOn(await db.ExpensesPolicies.AsNoTracking().ToListAsync(), UkTime.Today(TimeProvider.System))!);

        // Each £8 meal is within the £10 cap on its own; both were checked against an empty claim.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ClaimService>().AddExpenseAsync(claimId, ClaimActor.Claimant(userId),
                new ExpenseToAdd(policy, ExpenseToCheck.Spent(ExpenseCategory.Meals, Money.FromPounds(8m), hasReceipt: true), "Lunch", null), default);
        }));

        var meals = (await ClaimForAsync(signUpId))!.Expenses.Where(e => e.Category == ExpenseCategory.Meals).Select(e => e.Amount).ToList();
        Assert.Equal([Money.FromPounds(2m), Money.FromPounds(8m)], meals.Order());
    }

    [Fact]
    public async Task Expenses_ReceiptCheckedByItsBytes_CapAllowedWithANote_ReceiptForTheFewOnly()
    {
        var (person, client) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var (activityId, signUpId) = await PlaceAsync(person, null, "Claims: expenses");
        await RecordAttendanceAsync(activityId, signUpId, "Attended");
        var claimId = (await ClaimForAsync(signUpId))!.Id;
        var url = $"/my-payments/claims/{claimId}";

        // A file named .jpg that is not a photo, a file over 10 MB, and no receipt where one is needed.
        var fake = await AddExpenseAsync(client, url, [("Category", "PublicTransport"), ("Amount", "4.50"), ("Description", "Bus")], "<script>alert(1)</script>"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Equal(["#Receipt The receipt must be a photo (JPG, PNG, WebP or HEIC) or a PDF"], (await fake.ReadPageAsync()).ErrorSummaryLinks());
        var tooBig = await AddExpenseAsync(client, url, [("Category", "PublicTransport"), ("Amount", "4.50"), ("Description", "Bus")],
            [.. Jpeg, .. new byte[ReceiptFiles.MaxBytes]]);
        Assert.Equal(["#Receipt The receipt must be smaller than 10MB"], (await tooBig.ReadPageAsync()).ErrorSummaryLinks());
        var noReceipt = await AddExpenseAsync(client, url, [("Category", "PublicTransport"), ("Amount", "4.50"), ("Description", "Bus")]);
        Assert.Equal(["#Receipt A receipt is needed for public transport. Add a photo or PDF of the receipt."], (await noReceipt.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Empty((await ClaimForAsync(signUpId))!.Expenses);

        // A real photo, whatever it is called; and a meal over the cap, allowed up to it with the note.
        var bus = await AddExpenseAsync(client, url, [("Category", "PublicTransport"), ("Amount", "4.50"), ("Description", "Bus to County Hall and back")], Jpeg, "IMG 0042.HEIC");
        Assert.Equal(HttpStatusCode.Redirect, bus.StatusCode);
        var meal = await AddExpenseAsync(client, url, [("Category", "Meals"), ("Amount", "12.50"), ("Description", "Lunch")], Jpeg);
        Assert.Equal(HttpStatusCode.Redirect, meal.StatusCode);
        var shown = await client.GetPageAsync(url);
        Assert.Contains("Up to £10 a claim is repaid for meals, so £10 of £12.50 is allowed.".Replace("of £", "of the £", StringComparison.Ordinal), shown.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var claim = (await ClaimForAsync(signUpId))!;
        Assert.Equal([Money.FromPounds(4.50m), Money.FromPounds(10m)], claim.Expenses.OrderBy(e => e.Number).Select(e => e.Amount));
        Assert.Equal(Money.FromPounds(14.50m), claim.Total);
        Assert.Equal("IMG 0042.jpg", claim.Expenses.Single(e => e.Number == 1).ReceiptFileName);

        // The receipt: a download with a safe type, for the claimant and finance only.
        var receipt = await client.GetAsync(new Uri($"/claims/{claimId}/receipts/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("image/jpeg", receipt.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", receipt.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", receipt.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Jpeg, await receipt.Content.ReadAsByteArrayAsync());
        var finance = await portal.ClientForAsync(Roles.FinanceOfficer);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync(new Uri($"/claims/{claimId}/receipts/1", UriKind.Relative))).StatusCode);
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);
        Assert.Equal(HttpStatusCode.NotFound, (await jo.GetAsync(new Uri($"/claims/{claimId}/receipts/1", UriKind.Relative))).StatusCode);
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(new Uri($"/claims/{claimId}/receipts/1", UriKind.Relative))).StatusCode);

        // Removing a line is in the history and the audit log.
        var removed = await client.SubmitFormAsync(url, $"{url}/expenses/2/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(Money.FromPounds(4.50m), (await ClaimForAsync(signUpId))!.Total);
        var audit = await WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == AuditSubjectType.Claim && e.SubjectId == claimId.ToString()).Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, s => s.Contains("Removed expense 2: meals, £10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TakeLess_ThenDecline_KeepsTheExpenses()
    {
        var (person, client) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var (activityId, signUpId) = await PlaceAsync(person, 20m, "Claims: take less");
        await RecordAttendanceAsync(activityId, signUpId, "Attended", "3");
        var claimId = (await ClaimForAsync(signUpId))!.Id;
        var url = $"/my-payments/claims/{claimId}";
        await AddExpenseAsync(client, url, [("Category", "Mileage"), ("Miles", "10"), ("Description", "Drove there and back")]);

        var tooMuch = await client.SubmitFormAsync(url, $"{url}/fee", [new("Choice", "less"), new("Amount", "60.01")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(["#Choice The fee you take must be £60 or less, the fee for this activity."], (await tooMuch.ReadPageAsync()).ErrorSummaryLinks());
        await client.SubmitFormAsync(url, $"{url}/fee", [new("Choice", "less"), new("Amount", "40")]);
        Assert.Equal((Money.FromPounds(40m), Money.FromPounds(44.50m)), ((await ClaimForAsync(signUpId))!.FeeTaken, (await ClaimForAsync(signUpId))!.Total));

        await client.SubmitFormAsync(url, $"{url}/fee", [new("Choice", "decline")]);
        var declined = (await ClaimForAsync(signUpId))!;
        Assert.True(declined.FeeDeclined);
        Assert.Equal(Money.FromPounds(4.50m), declined.Total);
        Assert.Contains("You are not taking the fee", (await client.GetPageAsync(url)).QuerySelector("#fee-taken")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarersAllowanceWarning_ShownBeforeSending_WithTheAdvice_AndKeptOnTheClaim_ThenAttendanceIsFixed()
    {
        var (person, client) = await NewExpertAsync(PaymentPreference.BankTransfer);
        await WithDbAsync(async db =>
        {
            var details = new PaymentDetails(person, Now);
            details.SetBenefits(BenefitsSituation.Gets(carersAllowance: true), Now);
            db.PaymentDetails.Add(details);
            return await db.SaveChangesAsync();
        });
        var (activityId, signUpId) = await PlaceAsync(person, 25m, "Claims: Carer's Allowance");
        await RecordAttendanceAsync(activityId, signUpId, "Attended", "9");
        var claimId = (await ClaimForAsync(signUpId))!.Id;
        var url = $"/my-payments/claims/{claimId}";

        var check = await client.GetPageAsync($"{url}/check");
        var warnings = check.QuerySelector("#warning-messages")!.TextContent;
        Assert.Contains("This £225.00 would make your earnings from us £225.00", warnings, StringComparison.Ordinal);
        Assert.Contains("Carer's Allowance stops for any week you earn over", warnings, StringComparison.Ordinal);
        Assert.Contains("Do not take the fee", check.QuerySelector("#fee-choices")!.TextContent, StringComparison.Ordinal);
        var advice = await WithDbAsync(db => db.PaymentSettings.Select(s => s.WelfareRightsAdviceLink).SingleAsync());
        Assert.NotNull(check.QuerySelector($"#advice a[href='{advice}']"));

        // Warned, not stopped: the claim is sent as it is, with what was shown kept for finance.
        var sent = await client.SubmitFormAsync($"{url}/check", $"{url}/submit", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var claim = (await ClaimForAsync(signUpId))!;
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Contains("Carer's Allowance stops", claim.WarningsSeen, StringComparison.Ordinal);
        var audit = await WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == AuditSubjectType.Claim && e.SubjectId == claimId.ToString()).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditActions.ClaimSubmitted && e.After!.StartsWith("Submitted;", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Summary.Contains("Carer", StringComparison.Ordinal) || (e.After ?? "").Contains("Carer", StringComparison.Ordinal));

        // Sent: the attendance it pays for can no longer change, and the page says why.
        var attendanceUrl = $"/manage/activities/{activityId}/sign-ups/{signUpId}/attendance";
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var page = await organiser.GetPageAsync(attendanceUrl);
        Assert.Contains(Activity.AttendanceLockedByClaim, page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        var token = (await organiser.GetPageAsync($"/manage/activities/{activityId}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Attendance", "Attended"), new("Hours", "2")]);
        var changed = await organiser.PostAsync(new Uri(attendanceUrl, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Equal(540, (await WithDbAsync(db => db.SignUps.SingleAsync(s => s.Id == signUpId))).ActivityMinutes);
        // And sending it again is refused in words.
        Assert.Equal(ClaimStatus.Submitted, (await ClaimForAsync(signUpId))!.Status);
    }

    [Fact]
    public async Task AnExpertWhoChoseNotToBePaid_ClaimsTheirBusFare_AndIsRepaid()
    {
        var (person, client) = await NewExpertAsync(PaymentPreference.NoPayment);
        var (activityId, signUpId) = await PlaceAsync(person, 25m, "Claims: bus fare only");
        await RecordAttendanceAsync(activityId, signUpId, "Attended");
        var claimId = (await ClaimForAsync(signUpId))!.Id;
        var url = $"/my-payments/claims/{claimId}";
        Assert.Contains("There is no fee on this claim", (await client.GetPageAsync(url)).QuerySelector("#fee")!.TextContent, StringComparison.Ordinal);

        await AddExpenseAsync(client, url, [("Category", "PublicTransport"), ("Amount", "3.80"), ("Description", "Bus there and back")], Jpeg);
        var noMethod = await client.SubmitFormAsync($"{url}/check", $"{url}/submit", []);
        Assert.Equal(HttpStatusCode.BadRequest, noMethod.StatusCode);
        Assert.Equal(["#Answer Choose how you want to be paid before you send this claim."], (await noMethod.ReadPageAsync()).ErrorSummaryLinks());
        await client.SubmitFormAsync(url, $"{url}/payment-method", [new("Method", "Voucher")]);
        var sent = await client.SubmitFormAsync($"{url}/check", $"{url}/submit", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // Finance approves and issues the voucher (through the domain: the finance pages are their own part).
        var finance = await WithDbAsync(db => db.Users.Where(u => u.Email == "finance@example.org").Select(u => u.Id).SingleAsync());
        await WithDbAsync(async db =>
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == claimId);
            claim.Approve(new Approver(finance, null), new ApprovalRules(Money.FromPounds(500m)), Now);
            claim.RecordPaidOutsideBatch(finance, Now);
            return await db.SaveChangesAsync();
        });
        var paid = await WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId));
        Assert.Equal((ClaimStatus.Paid, Money.FromPounds(3.80m), (Money?)null), (paid.Status, paid.Total, paid.FeeOffered));

        // Paid, so it never changes: a mistake is put right by a correction, a second claim for the same attendance.
        int correctionId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            correctionId = await scope.ServiceProvider.GetRequiredService<ClaimService>().MakeCorrectionAsync(claimId, Money.Zero, Money.FromPounds(3.80m), "The return bus fare was missed", finance, default);
        }
        var correction = await WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == correctionId));
        Assert.Equal((claimId, signUpId, ClaimStatus.Submitted, Money.FromPounds(3.80m)), (correction.CorrectsClaimId, correction.SignUpId, correction.Status, correction.Total));
        Assert.Contains(await WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectType == AuditSubjectType.Claim && e.SubjectId == correctionId.ToString()).ToListAsync()),
            e => e.Action == AuditActions.ClaimCreated && e.Summary.StartsWith($"Correction of claim {claimId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuestionFromFinance_IsShown_AndAnsweredWhenTheClaimIsSentAgain()
    {
        var (person, client) = await NewExpertAsync(PaymentPreference.BankTransfer);
        var (activityId, signUpId) = await PlaceAsync(person, 20m, "Claims: queried");
        await RecordAttendanceAsync(activityId, signUpId, "Attended", "2");
        var claimId = (await ClaimForAsync(signUpId))!.Id;
        var url = $"/my-payments/claims/{claimId}";
        await AddExpenseAsync(client, url, [("Category", "Other"), ("Amount", "30"), ("Description", "Taxi")], Jpeg);
        await client.SubmitFormAsync($"{url}/check", $"{url}/submit", []);
        // Sent: nothing on it can change now.
        Assert.Null((await client.GetPageAsync(url)).QuerySelector($"form[action='{url}/fee']"));
        var refused = await client.PostWithoutButtonAsync(url, $"{url}/expenses/1/remove");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This claim is with finance", (await refused.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        await WithDbAsync(async db =>
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == claimId);
            claim.Query("Was the taxi needed? Please say why.", "finance", Now);
            return await db.SaveChangesAsync();
        });
        var page = await client.GetPageAsync(url);
        Assert.Equal("Was the taxi needed? Please say why.", page.QuerySelector("#finance-question")!.TextContent);
        Assert.Equal("Finance has a question", page.QuerySelector("#status")!.TextContent);

        var answered = await client.SubmitFormAsync($"{url}/check", $"{url}/submit", [new("Answer", "The bus does not run on Sundays.")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var claimAfter = (await ClaimForAsync(signUpId))!;
        Assert.Equal(ClaimStatus.Submitted, claimAfter.Status);
        Assert.Equal("The bus does not run on Sundays.", claimAfter.LatestDecision.Note);
        Assert.Contains("The bus does not run on Sundays.", (await client.GetPageAsync(url)).QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimPages_SendTheSameSqlCommands_HoweverManyExpensesStepsAndOtherClaims()
    {
        var (person, client) = await NewExpertAsync(PaymentPreference.BankTransfer);
        await WithDbAsync(async db =>
        {
            var details = new PaymentDetails(person, Now);
            details.SetBenefits(BenefitsSituation.Gets(new UniversalCreditDetails(15, true, true), newStyleEsa: true, carersAllowance: true), Now);
            db.PaymentDetails.Add(details);
            return await db.SaveChangesAsync();
        });
        var (activityId, signUpId) = await PlaceAsync(person, 25m, "Claims: query count");
        await RecordAttendanceAsync(activityId, signUpId, "Attended", "3");
        var claimId = (await ClaimForAsync(signUpId))!.Id;
        var url = $"/my-payments/claims/{claimId}";
        await AddExpenseAsync(client, url, [("Category", "Mileage"), ("Miles", "3"), ("Description", "Drove")]);
        string[] pages = [url, $"{url}/check", $"{url}/expenses/new"];
        await client.CountCommandsAsync(url);
        var before = new List<int>();
        foreach (var page in pages)
        {
            before.Add((await client.RecordCommandsAsync(page)).Count);
        }

        // Ten times the expenses and history, and other fees the benefit check adds up.
        for (var i = 0; i < 9; i++)
        {
            await AddExpenseAsync(client, url, [("Category", "Mileage"), ("Miles", "3"), ("Description", $"Drove {i}")]);
        }
        for (var i = 0; i < 3; i++)
        {
            var other = await PlaceAsync(person, 25m, $"Claims: query count, other {i}");
            await RecordAttendanceAsync(other.ActivityId, other.SignUpId, "Attended", "1");
        }
        var after = new List<int>();
        foreach (var page in pages)
        {
            after.Add((await client.RecordCommandsAsync(page)).Count);
        }

        Assert.Equal(before, after);
        Assert.Equal(10, (await ClaimForAsync(signUpId))!.Expenses.Count);
    }

    [Fact]
    public async Task OnBehalf_FourIdenticalPostsAtOnce_MakeOneClaim_WhichTheOrganiserCompletesAndSends()
    {
        var (person, _) = await NewExpertAsync(PaymentPreference.BankTransfer, withEmail: false);
        var (activityId, signUpId) = await PlaceAsync(person, 25m, "Claims: on behalf");
        var organiser = await portal.ClientForAsync(Roles.Commissioner);
        var attendanceUrl = $"/manage/activities/{activityId}/sign-ups/{signUpId}/attendance";
        var makeUrl = $"/manage/activities/{activityId}/sign-ups/{signUpId}/claim";

        // Before attendance is recorded there is nothing to claim for, and no button to try.
        Assert.Null((await organiser.GetPageAsync(attendanceUrl)).QuerySelector($"form[action='{makeUrl}']"));
        var tooSoon = await Record.ExceptionAsync(async () =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ClaimService>().MakeOnBehalfAsync(activityId, signUpId, "organiser", default);
        });
        Assert.Contains("Record that they took part", Assert.IsType<PaymentRuleException>(tooSoon).Message, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.Claims.Where(c => c.SignUpId == signUpId).ToListAsync()));

        await RecordAttendanceAsync(activityId, signUpId, "Attended", "2");
        // The page now links to the claim; four hand-made posts (with the page's antiforgery token) still make no second one.
        var fields = await organiser.FormAsBrowserWouldSendAsync(attendanceUrl, attendanceUrl, []);
        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var form = new FormUrlEncodedContent(fields);
            return await organiser.PostAsync(new Uri(makeUrl, UriKind.Relative), form);
        }));
        var claims = await WithDbAsync(db => db.Claims.Where(c => c.SignUpId == signUpId).ToListAsync());
        var claim = Assert.Single(claims);
        Assert.All(posts, p => Assert.Equal($"/manage/claims/{claim.Id}", p.Location()));
        Assert.Equal(Money.FromPounds(50m), claim.FeeOffered);

        // Made again through the service at once, past the one-use token: the unique index keeps it to one.
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ClaimService>().MakeOnBehalfAsync(activityId, signUpId, "organiser", default);
        }));
        Assert.All(again, id => Assert.Equal(claim.Id, id));
        Assert.NotNull((await organiser.GetPageAsync(attendanceUrl)).QuerySelector($"a[href='/manage/claims/{claim.Id}']"));

        var url = $"/manage/claims/{claim.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await AddExpenseAsync(organiser, url, [("Category", "PublicTransport"), ("Amount", "2.20"), ("Description", "Bus")], Jpeg)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(new Uri($"/claims/{claim.Id}/receipts/1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitFormAsync($"{url}/check", $"{url}/submit", [])).StatusCode);
        var sent = (await ClaimForAsync(signUpId))!;
        Assert.Equal((ClaimStatus.Submitted, Money.FromPounds(52.20m)), (sent.Status, sent.Total));
        // Prepared by the organiser, so segregation of duties would stop them approving it.
        var sam = await WithDbAsync(db => db.Users.Where(u => u.Email == "commissioner@example.org").Select(u => u.Id).SingleAsync());
        Assert.Contains(sam, sent.ApprovalFacts.PreparedByUserIds);
    }
}
