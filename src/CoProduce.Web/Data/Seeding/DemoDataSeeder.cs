using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
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
    DemoPayments payments,
    DemoFeedback feedback,
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

    /// <summary>Seeds an empty database; says whether it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false; // Only an empty database is seeded.
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
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(project.Id), project.Id, AuditActions.ProjectCreated,
                $"Project created: {project.Title}. {project.TierReason}.", project.OwnerId, earlier));
        }
        await db.SaveChangesAsync(cancellationToken);

        await SeedRosterAsync(ids, sam, carers, shortBreaks, now, cancellationToken);
        var profiles = await db.ExpertProfiles.ToDictionaryAsync(p => p.UserId, cancellationToken);
        var people = new ExpertProfiles(profiles[ids["expert@example.org"]], profiles[ids["maya.khan@example.org"]], profiles[ids["grace.adeyemi@example.org"]]);
        await payments.SeedAsync(ids, people, carers, peerSupport, now, cancellationToken);
        await feedback.SeedAsync(carers, people, sam, now, cancellationToken);
        logger.LogInformation("Seeded {Accounts} demo accounts and {Projects} demo projects", ids.Count, projects.Length);
        return true;
    }

    /// <summary>
    /// The email telling Jo about the invitation waiting for her: in easy read (her access needs
    /// say so), with the easy-read invitation attached when it is sent. Sent once the portal is
    /// listening, because its links are built from the address it listens on.
    /// </summary>
    public static async Task SendDemoInvitationEmailAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var jo = await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == "expert@example.org", cancellationToken);
        var invited = await db.Activities.Where(a => a.SignUps.Any(s => s.ExpertProfileId == jo.Id && s.Status == SignUpStatus.Invited))
            .OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (invited is null)
        {
            return;
        }
        scope.ServiceProvider.GetRequiredService<Features.Activities.ActivityNotifier>().EnqueueInvited(jo, invited, fee: null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Fictional experts by experience with their consent and needs, and a few activities.</summary>
    private async Task SeedRosterAsync(Dictionary<string, string> ids, string organiser, CommissioningProject carers,
        CommissioningProject shortBreaks, DateTime now, CancellationToken cancellationToken)
    {
        const string notice = Features.Public.PrivacyNotice.Version;
        var jo = new ExpertProfile(ids["expert@example.org"], "Jo", "expert@example.org", now);
        jo.GiveConsent(notice, now);
        jo.SetLivedExperience([LivedExperienceArea.Carer, LivedExperienceArea.MentalHealth], null, now);
        jo.SetAccessNeeds([AccessNeed.EasyRead, AccessNeed.QuietSpace], null, null, now);
        jo.SetAvailability([DayOfWeek.Tuesday, DayOfWeek.Thursday], [TimeOfDay.Morning], TakingPart.Either, 5, now);
        jo.SetPaymentPreference(PaymentPreference.Voucher, now);

        var maya = new ExpertProfile(ids["maya.khan@example.org"], "Maya", "maya.khan@example.org", now);
        maya.GiveConsent(notice, now);
        maya.SetLivedExperience([LivedExperienceArea.Autism, LivedExperienceArea.YoungCarer], null, now);
        maya.SetAccessNeeds([AccessNeed.RegularBreaks, AccessNeed.QuietSpace], null, null, now);
        maya.SetAvailability([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], [TimeOfDay.Afternoon], TakingPart.Online, null, now);

        var grace = new ExpertProfile(ids["grace.adeyemi@example.org"], "Grace", "grace.adeyemi@example.org", now);
        grace.GiveConsent(notice, now);
        grace.SetLivedExperience([LivedExperienceArea.DomesticAbuse, LivedExperienceArea.RefugeeOrAsylum], null, now);
        grace.SetAccessNeeds([AccessNeed.AnotherLanguage, AccessNeed.SupportWorker], "Arabic", null, now);
        grace.SetAvailability([DayOfWeek.Saturday], [TimeOfDay.Morning, TimeOfDay.Afternoon], TakingPart.InPerson, 10, now);

        // Tom has not given consent yet, so organisers do not see him on the roster.
        var tom = new ExpertProfile(ids["tom.evans@example.org"], "Tom", "tom.evans@example.org", now);

        db.ExpertProfiles.AddRange(jo, maya, grace, tom);
        await db.SaveChangesAsync(cancellationToken);

        var today = DateOnly.FromDateTime(now);
        var library = new ActivityPlace(ActivityMode.InPerson, "Brackenfield Central Library, Meeting Room 2, Market Street",
            "Step-free entrance from Market Street. Accessible toilet and hearing loop. Quiet room next door.", null);
        var workshop = new Activity(carers.Id, "What makes a good break for carers?", ActivityType.Workshop,
            "A relaxed workshop to plan the new carers' support service together. Tea, coffee and lunch provided.",
            new ActivitySchedule(today.AddDays(14), new TimeOnly(10, 0), new TimeOnly(12, 30), today.AddDays(10)),
            library, 8, [LivedExperienceArea.Carer, LivedExperienceArea.YoungCarer], LadderRung.CoProduction, isPaid: true, organiser, now);
        workshop.DescribeInEasyRead("This meeting is for people who look after someone. We want to know what a good break looks like for you. "
            + "We will use what you tell us to plan a new service. There is tea, coffee and lunch.", now);
        workshop.LinkToRequirement("R4", now);
        workshop.MoveTo(ActivityStatus.Open, now);
        workshop.RequestPlace(maya.Id, maya.HasConsent, "Somewhere quiet to take a break", now);

        var panel = new Activity(shortBreaks.Id, "Short breaks: co-write a tender question", ActivityType.MethodStatementCoWriting,
            "Help write one of the questions providers must answer in the tender, about how they will make children feel safe and welcome.",
            new ActivitySchedule(today.AddDays(21), new TimeOnly(18, 0), new TimeOnly(19, 30), today.AddDays(18)),
            new ActivityPlace(ActivityMode.Online, null, null, "We will email a video call link the day before."),
            6, [LivedExperienceArea.Carer, LivedExperienceArea.LearningDisability, LivedExperienceArea.Autism], LadderRung.CoDesign, isPaid: true, organiser, now);
        panel.DescribeInEasyRead("This is an online meeting for families of children who have short breaks. "
            + "We will write a question together for companies who want to run the service. The question asks how they will help children feel safe and welcome.", now);
        panel.LinkToRequirement("R5", now);
        panel.MoveTo(ActivityStatus.Open, now);
        // The organiser has invited Jo from the roster: Jo answers on the involvement page.
        panel.Invite(jo.Id, jo.HasConsent, now);

        var draft = new Activity(shortBreaks.Id, "Short breaks: learning walk at Oak Lodge", ActivityType.LearningWalk,
            "Visit a short breaks centre with staff and tell us what works for families.",
            new ActivitySchedule(today.AddDays(40), new TimeOnly(13, 0), new TimeOnly(15, 0), today.AddDays(33)),
            new ActivityPlace(ActivityMode.InPerson, "Oak Lodge, 4 Birch Road", "Ramp at the side entrance.", null),
            4, [LivedExperienceArea.Carer], LadderRung.Engagement, isPaid: true, organiser, now);
        draft.DescribeInEasyRead("We will visit Oak Lodge. Children go there for short breaks. You can look around with the staff. "
            + "Tell us what works well for families, and what could be better.", now);

        db.Activities.AddRange(workshop, panel, draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static CommissioningProject NewProject(string title, string area, string summary, string owner, decimal pounds, bool keyDecision, DateTime created, TierRuleSet rules)
    {
        var project = new CommissioningProject(title, area, summary, owner, Money.FromPounds(pounds), keyDecision, created);
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
