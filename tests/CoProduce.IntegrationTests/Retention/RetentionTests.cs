using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Retention;
using CoProduce.Web.Infrastructure.Files;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduce.IntegrationTests.Retention;

/// <summary>
/// The retention policy on the demo data and a few people made here, with the clock moved seven
/// years on: the dry run lists what is due and changes nothing; the real run does it, audited,
/// and a second run does nothing; people active within the period, with a place to come, or on
/// the staff are untouched.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CoProduceAppFactory _app;

    public RetentionTests()
    {
        _app = new CoProduceAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
    }

    public void Dispose() => _app.Dispose();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>(), scope.ServiceProvider);
    }

    private Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work) => WithDbAsync((db, _) => work(db));

    /// <summary>An expert by experience with an account and a profile, made now.</summary>
    private Task<ExpertProfile> PersonAsync(string name, string? staffRole = null) => WithDbAsync(async (db, services) =>
    {
        var user = new CoProduceUser { UserName = $"{Guid.NewGuid():N}@example.org", Email = $"{Guid.NewGuid():N}@example.org", DisplayName = name };
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CoProduceUser>>();
        Assert.True((await users.CreateAsync(user)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ExpertByExperience);
        if (staffRole is not null)
        {
            await users.AddToRoleAsync(user, staffRole);
        }
        var profile = new ExpertProfile(user.Id, name, user.Email, Now);
        profile.GiveConsent("2026-11", Now);
        profile.SetAccessNeeds([AccessNeed.EasyRead], null, null, Now);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    });

    private sealed record World(
        ExpertProfile Inactive, ExpertProfile SignedInLately, ExpertProfile PlaceToCome, ExpertProfile Staff, ExpertProfile DeletedWithBank,
        int ReceiptClaimId, string ReceiptKey, long NoteId);

    /// <summary>
    /// Today: the people, a paid claim with a receipt file, a note said by someone. Then seven
    /// years pass: one person signed in last week, one has a place on an activity next month.
    /// </summary>
    private async Task<World> MakeWorldAsync()
    {
        var inactive = await PersonAsync("Ira Inactive");
        var signedIn = await PersonAsync("Sol Signed-In");
        var placeToCome = await PersonAsync("Pat Place");
        var staff = await PersonAsync("Sasha Staff", Roles.Commissioner);
        var deleted = await PersonAsync("Del Deleted");

        var (claimId, key, noteId) = await WithDbAsync(async (db, services) =>
        {
            // Ira signed in today, seven years before the run: sign-ins have been recorded since then.
            await db.Users.Where(u => u.Id == inactive.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInUtc, Now));

            // The deleted person was anonymised long ago, while a claim was still to be paid; it has been paid since.
            var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == deleted.Id);
            profile.Anonymise(Now);
            var bank = new PaymentDetails(deleted.Id, Now);
            bank.SetProtectedBankDetails("protected-value", Now);
            db.PaymentDetails.Add(bank);

            // A paid claim with an expense: its receipt file is uploaded today.
            var claim = await db.Claims.Where(c => c.Status == ClaimStatus.Paid && c.Expenses.Any()).OrderBy(c => c.Id).FirstAsync();
            var store = services.GetRequiredService<IFileStore>();
            using var content = new MemoryStream("%PDF-1.4 receipt"u8.ToArray());
            var fileKey = await store.SaveAsync(content);

            // A note someone said at a demo activity, naming them.
            var activity = await db.Activities.OrderBy(a => a.Id).FirstAsync();
            var note = new FeedbackItem(activity.Id, activity.ProjectId, FeedbackKind.Working, "The bus times were clear.", SevenKeys.None,
                signedIn.Id, true, "system", Now);
            db.FeedbackItems.Add(note);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"ClaimExpenses\" SET \"ReceiptFileReference\" = {fileKey}, \"ReceiptFileName\" = {"bus.pdf"} WHERE \"ClaimId\" = {claim.Id} AND \"Number\" = {claim.Expenses[0].Number}");
            return (claim.Id, fileKey, note.Id);
        });

        _clock.Advance(TimeSpan.FromDays(7 * 365 + 2));

        await WithDbAsync(async db =>
        {
            var lastWeek = Now.AddDays(-7);
            await db.Users.Where(u => u.Id == signedIn.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInUtc, lastWeek));
            var projectId = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var date = Web.Domain.Common.UkTime.Today(_clock).AddMonths(1);
            var activity = new Activity(projectId, "Next month's workshop", ActivityType.Workshop, "A workshop.",
                new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
                new ActivityPlace(ActivityMode.Online, null, null, null), 8, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: false, "system", Now);
            activity.MoveTo(ActivityStatus.Open, Now);
            activity.RequestPlace(placeToCome.Id, true, string.Empty, Now);
            db.Activities.Add(activity);
            return await db.SaveChangesAsync();
        });
        return new World(inactive, signedIn, placeToCome, staff, deleted, claimId, key, noteId);
    }

    private sealed record Snapshot(int AuditEntries, string InactiveName, string? Receipt, int? NoteSpeaker, bool DeletedHasBank, DateTime? InactiveLockout);

    private Task<Snapshot> SnapshotAsync(World w) => WithDbAsync(async db => new Snapshot(
        await db.AuditEntries.CountAsync(),
        await db.ExpertProfiles.Where(p => p.Id == w.Inactive.Id).Select(p => p.PreferredName).SingleAsync(),
        (await db.Claims.AsNoTracking().SingleAsync(c => c.Id == w.ReceiptClaimId)).Expenses.Select(e => e.ReceiptFileReference).FirstOrDefault(r => r != null),
        await db.FeedbackItems.Where(i => i.Id == w.NoteId).Select(i => i.SaidByExpertProfileId).SingleAsync(),
        await db.PaymentDetails.AnyAsync(d => d.ExpertProfileId == w.DeletedWithBank.Id && d.ProtectedBankDetails != null),
        (await db.Users.Where(u => u.Id == w.Inactive.UserId).Select(u => u.LockoutEnd).SingleAsync())?.UtcDateTime));

    private async Task<HttpClient> LeadAsync()
    {
        var client = _app.CreatePortalClient();
        var signedIn = await client.SignInAsync(DemoUsers.EmailFor(Roles.CoProductionLead), DemoUsers.Password(_app));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private static int Total(AngleSharp.Html.Dom.IHtmlDocument page, string rule) =>
        int.Parse(page.QuerySelector($"[data-rule-total='{rule}']")!.TextContent.Trim().Replace(",", string.Empty, StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);

    private static string Table(AngleSharp.Html.Dom.IHtmlDocument page, string rule) =>
        page.QuerySelector($"table[data-rule='{rule}']")?.TextContent ?? string.Empty;

    [Fact]
    public async Task AfterAnUpgrade_AccountsWithNoRecordedSignIn_CountAsSignedInWhenTheRecordingBegan()
    {
        // Made "today", with no recorded sign-in: as on a database upgraded to this release. Seven
        // years on, the lead's sign-in is the first recorded.
        var ira = await PersonAsync("Ira Inactive");
        _clock.Advance(TimeSpan.FromDays(7 * 365 + 2));
        using var lead = await LeadAsync();
        var page = await lead.GetPageAsync("/retention");
        Assert.Equal(0, Total(page, "people"));
        Assert.DoesNotContain(ira.PayeeReference, Table(page, "people"), StringComparison.Ordinal);

        // Once sign-ins are known to have been recorded for longer than the period, the same people are due.
        var sevenYearsAgo = Now.AddYears(-7);
        await WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInUtc, sevenYearsAgo)));
        Assert.Contains(ira.PayeeReference, Table(await lead.GetPageAsync("/retention"), "people"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_ListsWhatIsDue_ByReferenceNeverName_AndChangesNothing()
    {
        var w = await MakeWorldAsync();
        using var lead = await LeadAsync();
        var before = await SnapshotAsync(w);

        var page = await lead.GetPageAsync("/retention");

        var people = Table(page, "people");
        Assert.Contains(ExpertProfile.PayeeReferenceOf(w.Inactive.Id), people, StringComparison.Ordinal);
        foreach (var kept in new[] { w.SignedInLately, w.PlaceToCome, w.Staff, w.DeletedWithBank })
        {
            Assert.DoesNotContain(ExpertProfile.PayeeReferenceOf(kept.Id), people, StringComparison.Ordinal);
        }
        Assert.Contains($"Claim {w.ReceiptClaimId}, expense", Table(page, "receipts"), StringComparison.Ordinal);
        Assert.Contains(ExpertProfile.PayeeReferenceOf(w.DeletedWithBank.Id), Table(page, "bank"), StringComparison.Ordinal);
        Assert.Equal(1, Total(page, "bank"));
        Assert.True(Total(page, "notes") >= 1);
        // No names: the page never shows who the people are.
        Assert.DoesNotContain("Ira Inactive", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo Pritchard", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not run yet", page.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(before, await SnapshotAsync(w));
    }

    [Fact]
    public async Task RealRun_DoesWhatTheDryRunListed_Audited_AndASecondRunDoesNothing()
    {
        var w = await MakeWorldAsync();
        using var lead = await LeadAsync();
        var plan = await lead.GetPageAsync("/retention");
        var (peopleDue, receiptsDue, bankDue) = (Total(plan, "people"), Total(plan, "receipts"), Total(plan, "bank"));

        var ran = await lead.SubmitFormAsync("/retention", "/retention/run", [new("Understood", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        Assert.Equal("/retention", ran.Location());
        var after = await SnapshotAsync(w);
        Assert.Equal("Deleted person", after.InactiveName);
        Assert.Equal(DateTimeOffset.MaxValue.UtcDateTime, after.InactiveLockout);
        Assert.Null(after.Receipt);
        Assert.Null(after.NoteSpeaker);
        Assert.False(after.DeletedHasBank);

        await WithDbAsync(async (db, services) =>
        {
            // The receipt's file is gone from the store; the claim says when.
            Assert.Null(await services.GetRequiredService<IFileStore>().OpenAsync(w.ReceiptKey));
            var claim = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == w.ReceiptClaimId);
            Assert.Contains(claim.Expenses, e => e.ReceiptDeletedUtc == Now && e.ReceiptFileName == "bus.pdf");

            // Active within the period, a place to come, or staff: untouched.
            Assert.Equal(0, await db.ExpertProfiles.CountAsync(p => p.AnonymisedUtc != null
                && (p.Id == w.SignedInLately.Id || p.Id == w.PlaceToCome.Id || p.Id == w.Staff.Id)));

            // Maya and Grace have claims still with finance in the demo: they are kept until those are paid or rejected.
            var open = CoProduce.Web.Domain.Retention.RetentionRules.OpenStatuses.ToList();
            var withOpenClaims = await db.ExpertProfiles.Where(p => db.Claims.Any(c => c.ExpertProfileId == p.Id && open.Contains(c.Status)))
                .Select(p => p.AnonymisedUtc).ToListAsync();
            Assert.NotEmpty(withOpenClaims);
            Assert.All(withOpenClaims, Assert.Null);

            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("Retention")).ToListAsync();
            var anonymised = Assert.Single(entries, a => a.Action == AuditActions.RetentionPersonAnonymised && a.SubjectId == w.Inactive.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.StartsWith("Deleted by the retention policy: inactive since ", anonymised.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("Ira", anonymised.Summary, StringComparison.Ordinal);
            Assert.Equal(peopleDue, entries.Count(a => a.Action == AuditActions.RetentionPersonAnonymised));
            Assert.Equal(receiptsDue, entries.Count(a => a.Action == AuditActions.RetentionReceiptDeleted));
            Assert.Equal(bankDue, entries.Count(a => a.Action == AuditActions.RetentionBankDetailsDeleted));
            Assert.Single(entries, a => a.Action == AuditActions.RetentionSpeakerForgotten && a.SubjectId == w.NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // The deleted person is never anonymised again.
            Assert.DoesNotContain(entries, a => a.Action == AuditActions.RetentionPersonAnonymised && a.SubjectId == w.DeletedWithBank.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var run = Assert.Single(entries, a => a.Action == AuditActions.RetentionRun);
            Assert.Equal(AuditSubjectType.RetentionRun, run.SubjectType);
            return 0;
        });

        // Finance still sees that a receipt was given, and that its file has gone, with no link to it.
        using (var finance = _app.CreatePortalClient())
        {
            await finance.SignInAsync(DemoUsers.EmailFor(Roles.FinanceOfficer), DemoUsers.Password(_app));
            var claimPage = await finance.GetPageAsync($"/finance/claims/{w.ReceiptClaimId}");
            Assert.Contains("bus.pdf (file deleted at the end of the time receipts are kept)", claimPage.Body!.TextContent, StringComparison.Ordinal);
            Assert.Empty(claimPage.QuerySelectorAll($"a[href^='/claims/{w.ReceiptClaimId}/receipts/']"));
        }

        // Nothing is due any more: the report is empty, and a second run changes nothing but records that it ran.
        var emptied = await lead.GetPageAsync("/retention");
        Assert.All(new[] { "people", "receipts", "notes", "bank" }, rule => Assert.Equal(0, Total(emptied, rule)));
        var entriesBefore = await WithDbAsync(db => db.AuditEntries.CountAsync());
        var again = await lead.SubmitFormAsync("/retention", "/retention/run", [new("Understood", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var added = await WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Skip(entriesBefore).ToListAsync());
        var second = Assert.Single(added);
        Assert.Equal(AuditActions.RetentionRun, second.Action);
        Assert.Contains("Nothing was due", second.Summary, StringComparison.Ordinal);
        Assert.Contains("People anonymised: 0", second.After, StringComparison.Ordinal);
        var shown = await lead.GetPageAsync("/retention");
        Assert.Contains("Nothing was due", shown.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyJob_InDryRunMode_OnlyReports()
    {
        using var app = new CoProduceAppFactory
        {
            TestServices = s => s.AddSingleton<TimeProvider>(_clock),
            Settings = new Dictionary<string, string> { ["Retention:DryRunOnly"] = "true" },
        };
        _clock.Advance(TimeSpan.FromDays(7 * 365));
        var job = app.Services.GetServices<CoProduce.Web.Infrastructure.Background.IScheduledJob>().OfType<RetentionJob>().Single();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var entries = await db.AuditEntries.CountAsync();

        var outcome = await job.RunAsync(scope.ServiceProvider, CancellationToken.None);

        Assert.StartsWith("Dry run only, nothing deleted. Due today: people ", outcome, StringComparison.Ordinal);
        Assert.Equal(entries, await db.AuditEntries.CountAsync());
        Assert.Equal(0, await db.ExpertProfiles.CountAsync(p => p.AnonymisedUtc != null));
    }

    [Fact]
    public async Task DailyJob_SwitchedOff_DoesNothing_AndRunsAtThreeUkTime()
    {
        var job = new RetentionJob(Microsoft.Extensions.Options.Options.Create(new RetentionOptions { Enabled = false }));

        Assert.Equal("retention", job.Name);
        Assert.Equal(new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc), job.NextRunAfter(new DateTime(2026, 11, 30, 20, 0, 0, DateTimeKind.Utc)));
        Assert.StartsWith("Not run", await job.RunAsync(null!, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_AreCheckedAtStartUp()
    {
        using var app = new CoProduceAppFactory { Settings = new Dictionary<string, string> { ["Retention:ExpertsInactiveYears"] = "0" } };

        var failed = Assert.ThrowsAny<Exception>(() => app.CreatePortalClient());
        Assert.Contains("Retention settings", failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_WhileTheNightlyRunHoldsTheLease_IsRefused_AndChangesNothing()
    {
        var w = await MakeWorldAsync();
        using var lead = await LeadAsync();
        // Another instance is running the nightly job: it holds the lease for the next hour.
        await _app.Services.GetRequiredService<CoProduce.Web.Infrastructure.Background.JobRunner>().RunDueJobsAsync();
        var held = Now.AddHours(1);
        Assert.Equal(1, await WithDbAsync(db => db.JobLeases.Where(j => j.Name == RetentionJob.JobName)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Owner, "another-instance").SetProperty(j => j.LeaseExpiresUtc, held))));
        var before = await SnapshotAsync(w);

        var refused = await lead.SubmitFormAsync("/retention", "/retention/run", [new("Understood", "true")]);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("#Understood The retention policy is running now (the nightly run, or someone else started it). Wait a few minutes, then look at this page again",
            (await refused.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(before, await SnapshotAsync(w));
        Assert.Equal("another-instance", await WithDbAsync(db => db.JobLeases.Where(j => j.Name == RetentionJob.JobName).Select(j => j.Owner).SingleAsync()));
    }

    [Fact]
    public async Task Run_NeedsTheConfirmation_AndOnlyALeadMayAsk()
    {
        var w = await MakeWorldAsync();
        using var lead = await LeadAsync();

        var unconfirmed = await lead.SubmitFormAsync("/retention", "/retention/run", []);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var page = await unconfirmed.ReadPageAsync();
        Assert.Equal([$"#Understood {RetentionRunFormValidator.NotTickedMessage}"], page.ErrorSummaryLinks());
        Assert.Contains(RetentionRunFormValidator.NotTickedMessage, page.QuerySelector(".govuk-error-message")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("Ira Inactive", (await SnapshotAsync(w)).InactiveName);

        foreach (var role in new[] { Roles.Commissioner, Roles.FinanceOfficer, Roles.ExpertByExperience })
        {
            using var other = _app.CreatePortalClient();
            await other.SignInAsync(DemoUsers.EmailFor(role), DemoUsers.Password(_app));
            var refused = await other.GetAsync(new Uri("/retention", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }
        Assert.Equal("Ira Inactive", (await SnapshotAsync(w)).InactiveName);
    }
}
