using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moq;

namespace CoProduce.IntegrationTests;

public sealed class StaffAccountsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Create_ByLead_MakesAccountWithRolesAndEmailsPasswordLink()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var response = await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
        [
            new("DisplayName", "Ada Brook"),
            new("Email", "ada.brook@example.org"),
            new("Roles", Roles.Commissioner),
            new("Roles", Roles.CoProductionLead),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await lead.GetPageAsync("/admin/staff");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("ada.brook@example.org", StringComparison.Ordinal));
        Assert.Contains("Co-production lead", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Commissioner", row.TextContent, StringComparison.Ordinal);

        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
        var user = await users.FindByEmailAsync("ada.brook@example.org");
        Assert.NotNull(user);
        Assert.False(await users.HasPasswordAsync(user));
        Assert.Equal([Roles.Commissioner, Roles.CoProductionLead], (await users.GetRolesAsync(user)).Order());

        // The pickup folder holds the email, with a link to choose a password, once the outbox is sent.
        await portal.SendQueuedEmailsAsync();
        var emails = Directory.GetFiles(portal.MailFolder, "*.eml").Select(path => MimeMessage.Load(path)).ToList();
        var email = Assert.Single(emails, m => m.To.Mailboxes.Any(a => a.Address == "ada.brook@example.org"));
        Assert.Equal("Your CoProduce account", email.Subject);
        Assert.Contains("/reset-password?userId=", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NoRoleAndBadEmail_ShowsErrorsAndKeepsName()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var response = await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
        [
            new("DisplayName", "Ben Ash"),
            new("Email", "not-an-email"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(
        [
            "#Email Enter an email address in the correct format, like name@example.com",
            "#Roles Select at least one role",
        ], page.ErrorSummaryLinks());
        Assert.NotNull(page.QuerySelector("input#Roles[type=checkbox]"));
        Assert.Equal("Ben Ash", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Create_ExpertRoleSmuggledIn_IsRefused()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var response = await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
        [
            new("DisplayName", "Cy Dale"),
            new("Email", "cy.dale@example.org"),
            new("Roles", Roles.ExpertByExperience),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
        Assert.Null(await users.FindByEmailAsync("cy.dale@example.org"));
    }

    [Theory]
    [InlineData("x@.")]
    [InlineData("Dee <dee@example.org>")]
    public async Task Create_UnsendableEmail_IsRefusedBeforeAnythingIsSaved(string address)
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var before = await StaffCountAsync(portal.Services);

        var response = await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
            [new("DisplayName", "Dee Fox"), new("Email", address), new("Roles", Roles.FinanceOfficer)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Email Enter an email address in the correct format, like name@example.com"], (await response.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(before, await StaffCountAsync(portal.Services));
    }

    [Fact]
    public async Task Create_RolesCannotBeGiven_LeavesNoAccountBehind()
    {
        using var app = new CoProduceAppFactory();
        using var lead = app.CreatePortalClient();
        await lead.SignInAsync(DemoUsers.EmailFor(Roles.CoProductionLead), DemoUsers.Password(app));
        var page = await lead.GetPageAsync("/admin/staff/new");
        // The finance officer role goes missing between showing the form and saving it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.True((await roles.DeleteAsync((await roles.FindByNameAsync(Roles.FinanceOfficer))!)).Succeeded);
        }
        var before = await StaffCountAsync(app.Services);

        using var form = new FormUrlEncodedContent(
        [
            new("DisplayName", "Eve Gray"), new("Email", "eve.gray@example.org"), new("Roles", Roles.Commissioner), new("Roles", Roles.FinanceOfficer),
            new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        ]);
        var response = await lead.PostAsync(new Uri("/admin/staff/new", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Null(await check.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>().FindByEmailAsync("eve.gray@example.org"));
        Assert.False(await check.ServiceProvider.GetRequiredService<CoProduceDbContext>().OutboxMessages.AnyAsync(m => m.To == "eve.gray@example.org"));
        Assert.Equal(before, await StaffCountAsync(app.Services));
    }

    [Fact]
    public async Task Create_MailServerDown_AccountIsWholeAndItsEmailWaitsInTheOutbox()
    {
        var failingEmail = new Mock<IEmailSender>();
        failingEmail.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("The mail server is down"));
        using var app = new CoProduceAppFactory { TestServices = s => s.AddSingleton(failingEmail.Object) };
        using var lead = app.CreatePortalClient();
        await lead.SignInAsync(DemoUsers.EmailFor(Roles.CoProductionLead), DemoUsers.Password(app));

        var response = await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
            [new("DisplayName", "Fin Hart"), new("Email", "fin.hart@example.org"), new("Roles", Roles.Commissioner)]);
        var sent = await app.SendQueuedEmailsAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, sent);
        var list = await lead.GetPageAsync("/admin/staff");
        Assert.Contains("We have emailed them a link", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CoProduceUser>>();
        var user = await users.FindByEmailAsync("fin.hart@example.org");
        Assert.NotNull(user);
        Assert.Equal([Roles.Commissioner], await users.GetRolesAsync(user));
        // The email is not lost: it waits to be tried again.
        var waiting = await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().OutboxMessages.SingleAsync(m => m.To == "fin.hart@example.org");
        Assert.Equal((OutboxStatus.Pending, 1, "Your CoProduce account"), (waiting.Status, waiting.Attempts, waiting.Subject));
        Assert.Contains("The mail server is down", waiting.LastError, StringComparison.Ordinal);
    }

    private static async Task<int> StaffCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.Users.CountAsync();
    }

    [Fact]
    public async Task Index_ListsStaffButNotExperts()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);

        var page = await lead.GetPageAsync("/admin/staff");

        var text = page.QuerySelector("table")!.TextContent;
        Assert.Contains("commissioner@example.org", text, StringComparison.Ordinal);
        Assert.Contains("finance@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("expert@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAndChangeRoles_AreAudited_WithRolesButNoNameOrEmail()
    {
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        await lead.SubmitFormAsync("/admin/staff/new", "/admin/staff/new",
            [new("DisplayName", "Gil Iver"), new("Email", "gil.iver@example.org"), new("Roles", Roles.Commissioner)]);
        var userId = await WithDbAsync(db => db.Users.Where(u => u.Email == "gil.iver@example.org").Select(u => u.Id).SingleAsync());
        var leadId = await WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.CoProductionLead)).Select(u => u.Id).SingleAsync());

        var changed = await lead.SubmitFormAsync($"/admin/staff/{userId}/roles", $"/admin/staff/{userId}/roles",
            [new("Roles", Roles.FinanceOfficer), new("Roles", Roles.CoProductionLead)]);
        // The same roles again change nothing, so they are not audited.
        await lead.SubmitFormAsync($"/admin/staff/{userId}/roles", $"/admin/staff/{userId}/roles",
            [new("Roles", Roles.FinanceOfficer), new("Roles", Roles.CoProductionLead)]);

        Assert.Equal("/admin/staff", changed.Location());
        var entries = await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == AuditSubjectType.StaffAccount && a.SubjectId == userId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.StaffAccountCreated, AuditActions.StaffRolesChanged], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((leadId, (int?)null), (e.ByUserId, e.ProjectId)));
        Assert.Equal((null, "Commissioner"), (entries[0].Before, entries[0].After));
        Assert.Equal(("Commissioner", "CoProductionLead, FinanceOfficer"), (entries[1].Before, entries[1].After));
        Assert.All(entries.SelectMany(e => new[] { e.Summary, e.Before, e.After }), text =>
        {
            Assert.DoesNotContain("Gil", text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("gil.iver", text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        });
    }

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }
}
