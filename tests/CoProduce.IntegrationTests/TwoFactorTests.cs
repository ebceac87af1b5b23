using System.Net;
using AngleSharp.Html.Dom;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.Account;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Two-factor sign-in for finance officers and leads (set up before any other page, recovery codes
/// once, each code once), not forced on commissioners or when the setting is off, a lead's reset,
/// and the idle timeout.
/// </summary>
public sealed class TwoFactorTests
{
    private static async Task<T> WithDbAsync<T>(CoProduceAppFactory app, Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private static Task<List<string>> AuditActionsForAsync(CoProduceAppFactory app, string email) => WithDbAsync(app, async db =>
    {
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == AuditSubjectType.StaffAccount && e.SubjectId == id)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    });

    private static string SharedKey(IHtmlDocument page) => page.QuerySelector("#shared-key")!.TextContent.Trim();

    private static async Task<(string Key, List<string> Codes)> SetUpAsync(HttpClient client)
    {
        var key = SharedKey(await client.GetPageAsync(TwoFactorGate.SetUpPath));
        var confirmed = await client.SubmitFormAsync(TwoFactorGate.SetUpPath, TwoFactorGate.SetUpPath, [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await confirmed.ReadPageAsync()).QuerySelectorAll(".app-recovery-codes code").Select(c => c.TextContent).ToList();
        return (key, codes);
    }

    [Fact]
    public async Task LeadWithoutTwoFactor_MustSetUpFirst_ThenSignsInWithACode_OrARecoveryCodeOnce()
    {
        using var app = new CoProduceAppFactory { RequireTwoFactorForStaff = true };
        var lead = DemoUsers.EmailFor(Roles.CoProductionLead);
        var password = DemoUsers.Password(app);
        using var client = app.CreatePortalClient();

        await client.SignInAsync(lead, password);
        // Every other page, by link or by typing its address, leads to setting up the app.
        var rules = await client.GetAsync(new Uri("/rules", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, rules.StatusCode);
        Assert.Equal(TwoFactorGate.SetUpPath + "?returnUrl=%2Frules", rules.Location());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin/staff", UriKind.Relative))).StatusCode);

        // A wrong code: the message by the field, and still not set up.
        var wrong = await client.SubmitFormAsync(TwoFactorGate.SetUpPath, TwoFactorGate.SetUpPath, [new("Code", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("#Code Enter the 6-digit code from your authenticator app", (await wrong.ReadPageAsync()).ErrorSummaryLinks());

        var (key, codes) = await SetUpAsync(client);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/rules", UriKind.Relative))).StatusCode);
        // The codes are shown once: the set-up page now leads to the account's page, which does not show them.
        var again = await client.GetAsync(new Uri(TwoFactorGate.SetUpPath, UriKind.Relative));
        Assert.Equal("/account/two-factor", again.Location());
        var account = await (await client.GetAsync(new Uri("/account/two-factor", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(codes[0], account, StringComparison.Ordinal);

        // Next time: password, then a code. A wrong code does not sign in.
        await client.PostWithoutButtonAsync("/", "/sign-out");
        var password1 = await client.SignInAsync(lead, password, "/rules");
        Assert.Equal("/sign-in/two-factor?returnUrl=%2Frules", password1.Location());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/rules", UriKind.Relative))).StatusCode);
        var wrongCode = await client.SubmitFormAsync("/sign-in/two-factor", "/sign-in/two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)))]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Contains("/sign-in", (await client.GetAsync(new Uri("/rules", UriKind.Relative))).Location(), StringComparison.Ordinal);

        // A recovery code works once, typed in small letters too.
        await client.SignInAsync(lead, password);
        var recovered = await client.SubmitFormAsync("/sign-in/recovery-code", "/sign-in/recovery-code", [new("Code", codes[3].ToLowerInvariant())]);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/rules", UriKind.Relative))).StatusCode);
        await client.PostWithoutButtonAsync("/", "/sign-out");
        await client.SignInAsync(lead, password);
        var reused = await client.SubmitFormAsync("/sign-in/recovery-code", "/sign-in/recovery-code", [new("Code", codes[3])]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("#Code The recovery code is not right, or has been used. Enter one of your recovery codes", (await reused.ReadPageAsync()).ErrorSummaryLinks());

        // The code from the app signs in.
        var withCode = await client.SubmitFormAsync("/sign-in/two-factor", "/sign-in/two-factor", [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/rules", UriKind.Relative))).StatusCode);

        // New recovery codes: the old ones stop working. Audited, without the codes.
        var renewed = await client.PostWithoutButtonAsync("/account/two-factor", "/account/two-factor/recovery-codes");
        var newCodes = (await renewed.ReadPageAsync()).QuerySelectorAll(".app-recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.DoesNotContain(codes[0], newCodes);
        Assert.Equal([AuditActions.TwoFactorTurnedOn, AuditActions.RecoveryCodeUsed, AuditActions.RecoveryCodesRenewed], await AuditActionsForAsync(app, lead));
        Assert.False(await WithDbAsync(app, db => db.AuditEntries.AnyAsync(e => e.Summary.Contains(codes[0]) || e.Summary.Contains(key))));
        // Leads must keep it on.
        Assert.DoesNotContain("/account/two-factor/turn-off", await (await client.GetAsync(new Uri("/account/two-factor", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await client.PostWithoutButtonAsync("/account/two-factor", "/account/two-factor/turn-off");
        Assert.True(await WithDbAsync(app, db => db.Users.Where(u => u.Email == lead).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Commissioner_IsNotForced_ButMayTurnItOn_AndOff()
    {
        using var app = new CoProduceAppFactory { RequireTwoFactorForStaff = true };
        var commissioner = DemoUsers.EmailFor(Roles.Commissioner);
        using var client = app.CreatePortalClient();
        await client.SignInAsync(commissioner, DemoUsers.Password(app));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/projects", UriKind.Relative))).StatusCode);

        await SetUpAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/projects", UriKind.Relative))).StatusCode);
        var off = await client.PostWithoutButtonAsync("/account/two-factor", "/account/two-factor/turn-off");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await WithDbAsync(app, db => db.Users.Where(u => u.Email == commissioner).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/projects", UriKind.Relative))).StatusCode);
        Assert.Equal([AuditActions.TwoFactorTurnedOn, AuditActions.TwoFactorTurnedOff], await AuditActionsForAsync(app, commissioner));
    }

    [Fact]
    public async Task SettingOff_FinanceAndLeadSignInWithAPassword()
    {
        using var app = new CoProduceAppFactory();
        foreach (var role in new[] { Roles.FinanceOfficer, Roles.CoProductionLead })
        {
            using var client = app.CreatePortalClient();
            var signedIn = await client.SignInAsync(DemoUsers.EmailFor(role), DemoUsers.Password(app));
            Assert.Equal("/", signedIn.Location());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(role == Roles.FinanceOfficer ? "/finance" : "/rules", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task LeadResetsAFinanceOfficersTwoFactor_Audited_AndTheyMustSetUpAgain()
    {
        using var app = new CoProduceAppFactory { RequireTwoFactorForStaff = true };
        var finance = DemoUsers.EmailFor(Roles.FinanceOfficer);
        var password = DemoUsers.Password(app);
        using var financeClient = app.CreatePortalClient();
        await financeClient.SignInAsync(finance, password);
        var (oldKey, _) = await SetUpAsync(financeClient);
        Assert.Equal(HttpStatusCode.OK, (await financeClient.GetAsync(new Uri("/finance", UriKind.Relative))).StatusCode);

        using var leadClient = app.CreatePortalClient();
        await leadClient.SignInAsync(DemoUsers.EmailFor(Roles.CoProductionLead), password);
        await SetUpAsync(leadClient);
        var financeId = await WithDbAsync(app, db => db.Users.Where(u => u.Email == finance).Select(u => u.Id).SingleAsync());
        var reset = await leadClient.SubmitFormAsync($"/admin/staff/{financeId}/roles", $"/admin/staff/{financeId}/reset-two-factor", []);
        Assert.Equal("/admin/staff", reset.Location());

        // Signed out at once, and asked to set up a new app after the password.
        Assert.Contains("/sign-in", (await financeClient.GetAsync(new Uri("/finance", UriKind.Relative))).Location(), StringComparison.Ordinal);
        Assert.Equal("/", (await financeClient.SignInAsync(finance, password)).Location());
        Assert.StartsWith(TwoFactorGate.SetUpPath, (await financeClient.GetAsync(new Uri("/finance", UriKind.Relative))).Location(), StringComparison.Ordinal);
        Assert.NotEqual(oldKey, SharedKey(await financeClient.GetPageAsync(TwoFactorGate.SetUpPath)));
        Assert.Equal([AuditActions.TwoFactorTurnedOn, AuditActions.TwoFactorReset], await AuditActionsForAsync(app, finance));

        // A lead cannot reset their own here (they would sign themselves out everywhere): not found, and nothing changes.
        var lead = DemoUsers.EmailFor(Roles.CoProductionLead);
        var leadId = await WithDbAsync(app, db => db.Users.Where(u => u.Email == lead).Select(u => u.Id).SingleAsync());
        var ownPage = await leadClient.GetPageAsync($"/admin/staff/{leadId}/roles");
        Assert.Null(ownPage.QuerySelector($"form[action='/admin/staff/{leadId}/reset-two-factor']"));
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var own = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, (await leadClient.PostAsync(new Uri($"/admin/staff/{leadId}/reset-two-factor", UriKind.Relative), own)).StatusCode);
        Assert.True(await WithDbAsync(app, db => db.Users.Where(u => u.Email == lead).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task WrongRecoveryCodes_LockTheAccount_AndALockedAccountCannotFinishWithARightOne()
    {
        using var app = new CoProduceAppFactory { RequireTwoFactorForStaff = true };
        var finance = DemoUsers.EmailFor(Roles.FinanceOfficer);
        var password = DemoUsers.Password(app);
        using var client = app.CreatePortalClient();
        await client.SignInAsync(finance, password);
        var (_, codes) = await SetUpAsync(client);
        await client.PostWithoutButtonAsync("/", "/sign-out");

        await client.SignInAsync(finance, password);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitFormAsync("/sign-in/recovery-code", "/sign-in/recovery-code", [new("Code", $"BCDFG-2345{i}")]);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        Assert.True(await WithDbAsync(app, db => db.Users.Where(u => u.Email == finance).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);

        var right = await client.SubmitFormAsync("/sign-in/recovery-code", "/sign-in/recovery-code", [new("Code", codes[0])]);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains(AccountController.SignInFailedMessage, (await right.ReadPageAsync()).ErrorSummaryLinks().Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/account/two-factor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TimeOutWarning_SignsOutForReal_AndTheTimedOutSignInPageEndsAStillLiveSession()
    {
        using var app = new CoProduceAppFactory();
        using var staff = app.CreatePortalClient();
        await staff.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), DemoUsers.Password(app));

        // The dialog's "Sign out" posts to the sign-out action with its antiforgery token.
        var page = await staff.GetPageAsync("/projects");
        var form = page.QuerySelector("#timeout-warning form[method=post][action='/sign-out']");
        Assert.NotNull(form);
        Assert.NotNull(form!.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));

        // The dialog's clock ran out while another tab kept the session: the sign-in page ends it.
        var timedOut = await staff.GetAsync(new Uri("/sign-in?timedOut=true&returnUrl=%2Fprojects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, timedOut.StatusCode);
        Assert.Contains("timedOut=True", timedOut.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        var after = await staff.GetAsync(new Uri("/projects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/sign-in", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        var signInPage = await staff.GetPageAsync("/sign-in?timedOut=true");
        Assert.Contains("signed out", signInPage.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StaffAreSignedOutAfter30MinutesWithoutARequest_ExpertsAfterTwoHours()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new CoProduceAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        using var staff = app.CreatePortalClient();
        using var expert = app.CreatePortalClient();
        await staff.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), DemoUsers.Password(app));
        await expert.SignInAsync(DemoUsers.EmailFor(Roles.ExpertByExperience), DemoUsers.Password(app));

        // Each request starts the 30 minutes again, whatever the time since signing in.
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(29));
            var page = await staff.GetAsync(new Uri("/projects", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // The renewed cookie comes with the cookie handler's "no-cache": the page still must not be kept.
            Assert.True(page.Headers.Contains("Set-Cookie"), "the session is renewed");
            Assert.True(page.Headers.CacheControl?.NoStore, $"Cache-Control was {page.Headers.CacheControl}");
        }
        // "Stay signed in" on the warning asks for nothing but a fresh session.
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.GetAsync(new Uri("/session/keep-alive", UriKind.Relative))).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await staff.GetAsync(new Uri("/projects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("https://localhost/sign-in", idle.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The expert has not made a request for 2 hours and 25 minutes by now... so start again.
        await expert.SignInAsync(DemoUsers.EmailFor(Roles.ExpertByExperience), DemoUsers.Password(app));
        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync(new Uri("/my-involvement", UriKind.Relative))).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(121));
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync(new Uri("/my-involvement", UriKind.Relative))).StatusCode);
    }
}
