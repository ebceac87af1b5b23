using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Data.Seeding;

/// <summary>
/// Fills an empty database with demo accounts (one per role) and fictional people and projects,
/// so that every page has something to show. All names and places are made up.
/// </summary>
internal sealed class DemoDataSeeder(
    CoProduceDbContext db,
    UserManager<CoProduceUser> users,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public sealed record DemoAccount(string Email, string DisplayName, string Role);

    /// <summary>The demo accounts, listed in the README and printed at start-up in Development.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("commissioner@example.org", "Sam Okafor", Roles.Commissioner),
        new("expert@example.org", "Jo Pritchard", Roles.ExpertByExperience),
        new("finance@example.org", "Priya Nair", Roles.FinanceOfficer),
        new("lead@example.org", "Alex Morgan", Roles.CoProductionLead),
    ];

    /// <summary>More fictional people, so that lists have more than one row.</summary>
    public static readonly IReadOnlyList<DemoAccount> OtherPeople =
    [
        new("chris.lee@example.org", "Chris Lee", Roles.Commissioner),
        new("maya.khan@example.org", "Maya Khan", Roles.ExpertByExperience),
        new("tom.evans@example.org", "Tom Evans", Roles.ExpertByExperience),
        new("grace.adeyemi@example.org", "Grace Adeyemi", Roles.ExpertByExperience),
    ];

    public static string PasswordFrom(IConfiguration configuration) =>
        configuration["DemoData:Password"] is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("DemoData:Password must be set to seed demo accounts.");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return; // Only an empty database is seeded.
        }

        var password = PasswordFrom(configuration);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new Dictionary<string, string>();
        foreach (var account in Accounts.Concat(OtherPeople))
        {
            var user = new CoProduceUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedUtc = now,
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, account.Role));
            ids[account.Email] = user.Id;
        }

        var sam = ids["commissioner@example.org"];
        var chris = ids["chris.lee@example.org"];
        var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync(cancellationToken);
        var earlier = now.AddDays(-60);
        var evidenceDate = DateOnly.FromDateTime(now.AddDays(-45));

        var shortBreaks = NewProject("Short breaks for disabled children", "Children's services",
            "Day and overnight short breaks that give disabled children new experiences and their families a rest.",
            sam, 650_000m, false, earlier, rules);

        var carers = NewProject("Carers' support service", "Adult social care",
            "Information, advice, breaks and peer support for unpaid carers across Brackenfield.",
            sam, 180_000m, false, earlier, rules);
        carers.Requirement("R1")!.AddEvidence("Reviewed the 2025 carers' survey and three listening events with the carers' forum.",
            evidenceDate, 23, string.Empty, sam, earlier);
        carers.Requirement("R2")!.AddEvidence("Equality impact assessment written in two workshops with carers, including young carers.",
            evidenceDate, 9, string.Empty, sam, earlier);
        carers.MoveToNextStage(sam, "Findings and EIA done with the carers' forum.", earlier.AddDays(20));

        var peerSupport = NewProject("Community mental health peer support", "Mental health",
            "Peer support run by people with lived experience of mental ill-health, in every neighbourhood.",
            chris, 3_500_000m, true, earlier, rules);
        peerSupport.Requirement("R1")!.AddEvidence("Themes from the Mind Your Neighbourhood engagement report.",
            evidenceDate, 40, string.Empty, chris, earlier);
        peerSupport.Requirement("R7")!.RequestException(
            "Appreciative Enquiry interviews were done for the 2025 mental health strategy with 30 people; we propose to use those.",
            chris, earlier.AddDays(30));

        var safeAccommodation = NewProject("Safe accommodation for survivors of domestic abuse", "Community safety",
            "Safe, trauma-informed places to stay, with support to move on.",
            chris, 45_000m, false, earlier, rules);
        foreach (var code in new[] { "R1", "R2", "R3" })
        {
            safeAccommodation.Requirement(code)!.AddEvidence("Worked through with survivors' group members, with a support worker present.",
                evidenceDate, 5, string.Empty, chris, earlier);
        }
        safeAccommodation.MoveToNextStage(chris, string.Empty, earlier.AddDays(10));
        safeAccommodation.MoveToNextStage(chris, "Tender published.", earlier.AddDays(25));

        var projects = new[] { shortBreaks, carers, peerSupport, safeAccommodation };
        db.CommissioningProjects.AddRange(projects);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var project in projects)
        {
            db.AuditEntries.Add(new AuditEntry(project.Id, AuditActions.ProjectCreated,
                $"Project created: {project.Title}. {project.TierReason}.", project.OwnerId, earlier));
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Accounts} demo accounts and {Projects} demo projects", ids.Count, projects.Length);
    }

    private static CommissioningProject NewProject(string title, string area, string summary, string owner, decimal value, bool keyDecision, DateTime created, TierRuleSet rules)
    {
        var project = new CommissioningProject(title, area, summary, owner, value, keyDecision, created);
        project.Assess(rules);
        return project;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not seed demo data: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
