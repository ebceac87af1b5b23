using System.Globalization;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Data.Seeding;

/// <summary>What the generator made, to print.</summary>
internal sealed record GeneratedData(IReadOnlyList<(string What, int Count)> Counts, string SampleExpertEmail);

/// <summary>
/// Fictional data at N times a large council, for benchmarks: experts by experience with
/// accounts, projects across tiers and stages, activities past and future (a few big
/// consultations with very many sign-ups), sign-ups in every state, claims in every status, payment
/// batches (one as big as 100 claims per scale step, for the export), expenses, feedback notes and
/// audit entries. Everything goes through the domain's constructors and methods, so the rules
/// hold; it is made in chunks, each with a fresh context, so memory stays bounded, and each chunk
/// is written by <see cref="SqliteRowWriter"/> in one transaction, every row once, in its final
/// state (a batch's claims are written again when batched and paid). SQLite only.
/// Deterministic: the same scale gives the same data (apart from ids' times of day).
/// </summary>
internal sealed class ScaleDataGenerator(IServiceProvider services, int scale, TextWriter output)
{
    private const int Seed = 20261130;
    private const int ActivitiesPerProject = 10;
    private const int ActivitiesPerChunk = 100;
    private const int ClaimsPerPaidBatch = 2_000;

    private static readonly string[] FirstNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Evie", "Poppy",
        "Ella", "Aisha", "Zara", "Fatima", "Priya", "Niamh", "Siobhan", "Megan", "Rhiannon", "Bethan", "Chloe", "Hannah", "Janet",
        "Margaret", "Susan", "Patricia", "Noah", "Oliver", "George", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theo",
        "Jack", "Charlie", "Muhammad", "Yusuf", "Ibrahim", "Arjun", "Rohan", "Kwame", "Tariq", "Callum", "Rhys", "Dylan", "Owen",
        "Ciaran", "Declan", "Alan", "David", "Peter", "Keith", "Trevor", "Tomasz", "Ewa", "Andrei", "Chidi", "Ngozi", "Mei", "Wei",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson",
        "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan",
        "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell",
        "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan",
        "Begum", "Ahmed", "Hussain", "Ali", "Singh", "Kaur", "Sharma", "Okafor", "Mensah", "Nowak", "Kowalski", "O'Brien", "MacLeod",
    ];

    private static readonly (string Service, string Area)[] Services =
    [
        ("Home care", "Adult social care"), ("Day opportunities", "Adult social care"), ("Carers' support", "Adult social care"),
        ("Supported living", "Learning disability"), ("Short breaks", "Children's services"), ("Advocacy", "Adult social care"),
        ("Community mental health peer support", "Mental health"), ("Crisis café", "Mental health"), ("Drug and alcohol recovery", "Public health"),
        ("Domestic abuse safe accommodation", "Community safety"), ("Young carers' service", "Children's services"),
        ("Extra care housing", "Housing"), ("Homelessness outreach", "Housing"), ("Sensory support", "Adult social care"),
        ("Dementia support", "Older people"), ("Reablement", "Adult social care"), ("Autism information and advice", "Learning disability"),
        ("Refugee resettlement support", "Communities"), ("Wellbeing and social prescribing", "Public health"), ("Care leavers' support", "Children's services"),
    ];

    private static readonly string[] Places =
    [
        "Brackenfield Central Library, Meeting Room 2, Market Street", "Northgate Community Centre, Hall 1", "Riverside Family Hub, Room 3",
        "Brackenfield Town Hall, Committee Room B", "St Anne's Church Hall, Mill Lane", "Eastfield Leisure Centre, Studio 2",
        "Oak Lodge, 4 Birch Road", "The Old Fire Station, Station Road",
    ];

    private static readonly (ActivityType Type, string Name, LadderRung Rung)[] Kinds =
    [
        (ActivityType.Workshop, "workshop", LadderRung.CoProduction), (ActivityType.Workshop, "listening session", LadderRung.Consultation),
        (ActivityType.InterviewPanel, "interview panel", LadderRung.CoProduction), (ActivityType.TenderEvaluationPanel, "tender evaluation panel", LadderRung.CoProduction),
        (ActivityType.MethodStatementCoWriting, "co-write a tender question", LadderRung.CoDesign), (ActivityType.LearningWalk, "learning walk", LadderRung.Engagement),
        (ActivityType.MarketEvent, "market event", LadderRung.Engagement), (ActivityType.SurveyCoDesign, "design the survey together", LadderRung.CoDesign),
        (ActivityType.AppreciativeEnquiryInterview, "appreciative enquiry interviews", LadderRung.Consultation), (ActivityType.MysteryShopper, "mystery shopping", LadderRung.Engagement),
    ];

    private static readonly string[] Notes =
    [
        "Staff who know me by name make all the difference.", "I never know who is coming, or when.", "Being able to ring someone at the weekend.",
        "The forms are too long and nobody explains them.", "Meeting other carers helped me feel less alone.", "Transport is the biggest problem for us.",
        "I want to choose what I do in the day, not be told.", "Information in easy read, sent before the meeting.", "Quiet spaces to take a break.",
        "Help with money and benefits, from someone who understands.", "Keep the same worker for longer.", "Let us help choose who runs the service.",
    ];

    private static readonly string[] Topics =
    [
        "what good support looks like", "getting there and back", "help at the weekend", "choosing who runs the service",
        "what we heard last time", "information that makes sense", "staying well at home", "being heard", "what needs to change",
        "the questions we ask providers",
    ];

    private readonly Random _random = new(Seed);
    private readonly List<(string What, int Count)> _counts = [];
    private readonly List<int> _claimsToBatch = [];
    private readonly List<int> _claimsToPay = [];
    private DateTime _now;
    private Staff _staff = null!;
    private Expert[] _experts = [];
    private Dictionary<int, Expert> _expertsById = [];

    private sealed record Staff(string Sam, string Chris, string Finance, string Lead);

    private sealed record Expert(int ProfileId, string UserId, bool HasConsent, PaymentPreference Preference);

    public async Task<GeneratedData> GenerateAsync(CancellationToken cancellationToken)
    {
        _now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var ids = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
            _staff = new Staff(ids["commissioner@example.org"], ids["chris.lee@example.org"], ids["finance@example.org"], ids["lead@example.org"]);
        }

        var sample = await Step("Experts by experience", () => MakeExpertsAsync(cancellationToken));
        var projectIds = await Step("Projects", () => MakeProjectsAsync(cancellationToken));
        await Step("Activities, sign-ups, claims and notes", () => MakeActivitiesAsync(projectIds, cancellationToken));
        // The rows were written past the database context, which keeps each person's last day of taking part: filled here once.
        await Step("Last day each person took part", () => FillLastTookPartAsync(cancellationToken));
        await Step("Payment batches", () => MakeBatchesAsync(cancellationToken));
        await CountAsync(cancellationToken);
        return new GeneratedData(_counts, sample);
    }

    private async Task<int> FillLastTookPartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.Database.ExecuteSqlRawAsync(LastTookPart.FillAllSql, cancellationToken);
    }

    private async Task<T> Step<T>(string what, Func<Task<T>> step)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await step();
        await output.WriteLineAsync($"{what}: {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return result;
    }

    private async Task Step(string what, Func<Task> step) => await Step(what, async () =>
    {
        await step();
        return 0;
    });

    /// <summary>
    /// A fresh context for one chunk: no tracked entities carried over, changes found only when
    /// the writer looks (not on every call), and SQLite not syncing each write to disk.
    /// </summary>
    private static async Task<CoProduceDbContext> ChunkContextAsync(AsyncServiceScope scope, CancellationToken cancellationToken)
    {
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF;", cancellationToken);
        return db;
    }

    private static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CoProduceDbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    private async Task<string> MakeExpertsAsync(CancellationToken cancellationToken)
    {
        var count = 100 * scale;
        string roleId;
        string passwordHash;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            roleId = await db.Roles.Where(r => r.Name == Roles.ExpertByExperience).Select(r => r.Id).SingleAsync(cancellationToken);
            // One hash of the demo password, shared by every generated account: hashing each would take minutes.
            passwordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<CoProduceUser>>()
                .HashPassword(new CoProduceUser(), DemoDataSeeder.PasswordFrom(scope.ServiceProvider.GetRequiredService<IConfiguration>()));
        }

        var experts = new List<Expert>(count);
        string? sample = null;
        const int perChunk = 2_000;
        for (var start = 0; start < count; start += perChunk)
        {
            await using var scope = services.CreateAsyncScope();
            var db = await ChunkContextAsync(scope, cancellationToken);
            var protector = scope.ServiceProvider.GetRequiredService<BankDetailsProtector>();
            await using var transaction = await BeginAsync(db, cancellationToken);
            await using var writer = new SqliteRowWriter(db);
            var profiles = new List<ExpertProfile>();
            for (var i = start; i < Math.Min(count, start + perChunk); i++)
            {
                var first = FirstNames[_random.Next(FirstNames.Length)];
                var last = Surnames[_random.Next(Surnames.Length)];
                var email = $"{first}.{last.Replace("'", string.Empty, StringComparison.Ordinal)}.{i + 1}@example.org".ToLowerInvariant();
                sample ??= email;
                var joined = _now.AddDays(-_random.Next(30, 1500));
                var user = new CoProduceUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    DisplayName = $"{first} {last}",
                    CreatedUtc = joined,
                    PasswordHash = passwordHash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
                profiles.Add(NewProfile(user.Id, first, email, i, joined));
            }
            db.ExpertProfiles.AddRange(profiles);
            await writer.AssignKeysAsync(cancellationToken);
            foreach (var profile in profiles)
            {
                experts.Add(new Expert(profile.Id, profile.UserId, profile.HasConsent, profile.PaymentPreference ?? PaymentPreference.NoPayment));
            }
            // Bank details for everyone not paid by voucher: those paid nothing for their time may still claim expenses.
            foreach (var profile in profiles.Where(p => p.PaymentPreference != PaymentPreference.Voucher))
            {
                var paymentDetails = new PaymentDetails(profile.Id, profile.CreatedUtc);
                var account = (10_000_000 + profile.Id).ToString(CultureInfo.InvariantCulture);
                paymentDetails.SetProtectedBankDetails(protector.Protect(BankDetails.Create(profile.PreferredName, "20-00-00", account)), profile.CreatedUtc);
                paymentDetails.SetBenefits(_random.Next(4) == 0 ? BenefitsSituation.Gets(carersAllowance: true) : BenefitsSituation.NoBenefits(), profile.CreatedUtc);
                db.PaymentDetails.Add(paymentDetails);
            }
            await writer.WriteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        _experts = [.. experts];
        _expertsById = _experts.ToDictionary(e => e.ProfileId);
        return sample!;
    }

    private ExpertProfile NewProfile(string userId, string first, string email, int index, DateTime joined)
    {
        var profile = new ExpertProfile(userId, first, email, joined);
        // A few give a phone number as well, and a few would rather be rung.
        if (_random.Next(5) == 0)
        {
            var phone = "07700 9" + (index % 100_000).ToString("D5", CultureInfo.InvariantCulture);
            profile.SetContact(first, email, phone, _random.Next(3) == 0 ? ContactMethod.Phone : ContactMethod.Email, joined);
        }
        // Most have agreed to the privacy notice; the rest are not on the roster.
        if (_random.Next(10) != 0)
        {
            profile.GiveConsent(Features.Public.PrivacyNotice.Version, joined);
            var areas = Pick(Enum.GetValues<LivedExperienceArea>(), 1 + _random.Next(3));
            profile.SetLivedExperience(areas, areas.Contains(LivedExperienceArea.Other) ? "Long COVID" : null, joined);
            var needs = _random.Next(3) == 0 ? Array.Empty<AccessNeed>() : Pick(Enum.GetValues<AccessNeed>(), 1 + _random.Next(2));
            profile.SetAccessNeeds(needs, needs.Contains(AccessNeed.AnotherLanguage) ? Pick(["Polish", "Urdu", "Arabic", "Bengali", "Romanian"]) : null,
                needs.Contains(AccessNeed.Other) ? "A seat near the door" : null, joined);
        }
        var days = Pick(Enum.GetValues<DayOfWeek>(), 1 + _random.Next(5));
        var times = Pick(Enum.GetValues<TimeOfDay>(), 1 + _random.Next(2));
        profile.SetAvailability(days, times, Pick(Enum.GetValues<TakingPart>()), _random.Next(4) == 0 ? null : 2 + _random.Next(20), joined);
        var roll = _random.Next(10);
        profile.SetPaymentPreference(roll < 6 ? PaymentPreference.BankTransfer : roll < 9 ? PaymentPreference.Voucher : PaymentPreference.NoPayment, joined);
        return profile;
    }

    private async Task<List<int>> MakeProjectsAsync(CancellationToken cancellationToken)
    {
        var count = 20 * scale;
        var ids = new List<int>(count);
        const int perChunk = 500;
        for (var start = 0; start < count; start += perChunk)
        {
            await using var scope = services.CreateAsyncScope();
            var db = await ChunkContextAsync(scope, cancellationToken);
            await using var transaction = await BeginAsync(db, cancellationToken);
            await using var writer = new SqliteRowWriter(db);
            var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync(cancellationToken);
            var projects = new List<CommissioningProject>();
            for (var i = start; i < Math.Min(count, start + perChunk); i++)
            {
                var (service, area) = Services[i % Services.Length];
                var place = Pick(["Brackenfield", "Northgate", "Eastfield", "Riverside", "Millbrook", "Ashby Vale", "the county"]);
                var title = $"{service} in {place} ({2026 + (i / (Services.Length * 7))})";
                var owner = i % 2 == 0 ? _staff.Sam : _staff.Chris;
                var pounds = Pick([8_000m, 45_000m, 120_000m, 180_000m, 650_000m, 1_200_000m, 3_500_000m]) + (i % 97) * 100m;
                var created = _now.AddDays(-_random.Next(200, 700));
                var project = new CommissioningProject(title, area, $"Fictional project for benchmarks: {service.ToLowerInvariant()} for people across {place}.",
                    owner, Money.FromPounds(pounds), _random.Next(4) == 0, created);
                project.Assess(rules);
                // Each project has moved on through a number of stages, meeting what each needed.
                var stages = _random.Next(5);
                var when = created;
                for (var s = 0; s < stages; s++)
                {
                    when = when.AddDays(20 + _random.Next(40));
                    foreach (var requirement in project.CheckLeavingStage().Missing)
                    {
                        requirement.AddEvidence("Worked through with experts by experience at a workshop.",
                            DateOnly.FromDateTime(when), 4 + _random.Next(20), string.Empty, owner, when);
                    }
                    if (!project.MoveToNextStage(owner, string.Empty, when).MayLeave)
                    {
                        break;
                    }
                }
                projects.Add(project);
            }
            db.CommissioningProjects.AddRange(projects);
            await writer.AssignKeysAsync(cancellationToken);
            db.AuditEntries.AddRange(projects.Select(p => new AuditEntry(AuditSubject.Project(p.Id), p.Id, AuditActions.ProjectCreated,
                $"Project created: {p.Title}. {p.TierReason}.", p.OwnerId, p.CreatedUtc)));
            await writer.WriteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ids.AddRange(projects.Select(p => p.Id));
        }
        return ids;
    }

    /// <summary>What one activity will be: its project, day, size and whether it is one of the big consultations.</summary>
    private sealed record ActivityPlan(int ProjectId, int DayOffset, int SignUps, bool Big, int Kind);

    private List<ActivityPlan> PlanActivities(List<int> projectIds)
    {
        var total = projectIds.Count * ActivitiesPerProject;
        var onRoster = _experts.Count(e => e.HasConsent);
        var bigCount = Math.Max(2, total / 1000);
        var bigSizes = Enumerable.Range(0, bigCount)
            .Select(i => Math.Min(onRoster, Math.Max(60, (int)(onRoster * (0.3 - 0.22 * i / Math.Max(1, bigCount - 1))))))
            .ToList();
        // About 2,240 sign-ups per scale step in all (so about 2,000 claims); the few big consultations take a share of them.
        var mean = Math.Max(3.0, (2_240.0 * scale - bigSizes.Sum()) / (total - bigCount));
        var plans = new List<ActivityPlan>(total);
        for (var i = 0; i < total; i++)
        {
            var project = projectIds[i / ActivitiesPerProject];
            // Most activities have happened (the last 11 months); some are to come (the next 3 months).
            var day = _random.Next(100) < 94 ? -_random.Next(2, 330) : _random.Next(3, 90);
            var size = Math.Min(onRoster, Math.Max(1, (int)Math.Round(mean - 6 + _random.NextDouble() * 12)));
            plans.Add(new ActivityPlan(project, day, size, false, _random.Next(Kinds.Length)));
        }
        // The big consultations: spread through the list, all in the past.
        for (var b = 0; b < bigCount; b++)
        {
            var at = (int)((b + 0.5) * total / bigCount);
            plans[at] = plans[at] with { DayOffset = -_random.Next(20, 300), SignUps = bigSizes[b], Big = true, Kind = 1 };
        }
        // In date order, so that payment batches follow the calendar.
        return [.. plans.OrderBy(p => p.DayOffset)];
    }

    private async Task MakeActivitiesAsync(List<int> projectIds, CancellationToken cancellationToken)
    {
        var plans = PlanActivities(projectIds);
        var onRoster = _experts.Where(e => e.HasConsent).ToArray();
        Dictionary<ActivityType, RateItem> rates;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            rates = (await db.RateItems.AsNoTracking().ToListAsync(cancellationToken))
                .GroupBy(r => r.ActivityType).ToDictionary(g => g.Key, g => g.First());
        }
        for (var start = 0; start < plans.Count; start += ActivitiesPerChunk)
        {
            var chunk = plans.Skip(start).Take(ActivitiesPerChunk).ToList();
            await using var scope = services.CreateAsyncScope();
            var db = await ChunkContextAsync(scope, cancellationToken);
            await using var transaction = await BeginAsync(db, cancellationToken);
            await using var writer = new SqliteRowWriter(db);
            await MakeChunkAsync(db, writer, chunk, onRoster, rates, cancellationToken);
            await writer.WriteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task MakeChunkAsync(CoProduceDbContext db, SqliteRowWriter writer, List<ActivityPlan> chunk, Expert[] onRoster, Dictionary<ActivityType, RateItem> rates,
        CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.ToUk(_now));
        var made = new List<(Activity Activity, ActivityPlan Plan, RateItem? Rate)>();
        foreach (var plan in chunk)
        {
            var (type, name, rung) = Kinds[plan.Kind];
            var date = today.AddDays(plan.DayOffset);
            var planned = _now.AddDays(plan.DayOffset - 35);
            rates.TryGetValue(type, out var rate);
            var online = _random.Next(4) == 0;
            var start = new TimeOnly(Pick([10, 13, 18]), Pick([0, 30]));
            var place = online
                ? new ActivityPlace(ActivityMode.Online, null, null, "We will email a video call link the day before.")
                : new ActivityPlace(ActivityMode.InPerson, Pick(Places), "Step-free entrance. Accessible toilet and hearing loop.", null);
            var title = plan.Big ? $"Big conversation: what matters to you? ({date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})" : $"{Capitalised(name)}: {Pick(Topics)}";
            var activity = new Activity(plan.ProjectId, title, type,
                plan.Big ? "An open consultation for everyone on the roster: tell us what matters to you, in person or online." : $"A fictional {name} for benchmarks.",
                new ActivitySchedule(date, start, start.AddMinutes(plan.Big ? 90 : 120 + 30 * _random.Next(4)), date.AddDays(-3)),
                place, Math.Max(1, plan.SignUps), Pick(Enum.GetValues<LivedExperienceArea>(), 1 + _random.Next(2)), rung,
                isPaid: rate is not null, _random.Next(2) == 0 ? _staff.Sam : _staff.Chris, planned);
            activity.PayBy(rate?.Id, planned);
            activity.DescribeInEasyRead("We want to hear from you. Come and tell us what works and what could be better.", planned);
            activity.MoveTo(ActivityStatus.Open, planned);
            foreach (var person in PickPeople(onRoster, plan.SignUps))
            {
                if (plan.DayOffset > 0 && _random.Next(20) == 0)
                {
                    activity.Invite(person.ProfileId, true, planned);
                }
                else
                {
                    activity.RequestPlace(person.ProfileId, true, _random.Next(6) == 0 ? "A quiet room to take a break" : string.Empty, planned);
                }
            }
            made.Add((activity, plan, rate));
        }
        db.Activities.AddRange(made.Select(m => m.Activity));
        // Ids now, so the organiser's answers below find each sign-up; the rows are written once, at the end.
        await writer.AssignKeysAsync(cancellationToken);

        // The organiser answers each sign-up; past activities then record attendance and complete.
        var attended = new List<(Activity Activity, SignUp SignUp, RateItem? Rate, ActivityPlan Plan)>();
        foreach (var (activity, plan, rate) in made)
        {
            var decided = _now.AddDays(plan.DayOffset - 20);
            var fee = rate?.FixFee(activity.Date);
            var past = plan.DayOffset < 0;
            foreach (var signUp in activity.SignUps.Where(s => s.Status == SignUpStatus.Requested).ToList())
            {
                var roll = _random.Next(100);
                if (roll < (past ? 96 : 55))
                {
                    activity.Confirm(signUp.Id, true, fee, decided);
                }
                else if (roll < (past ? 97 : 80))
                {
                    activity.WaitList(signUp.Id, decided);
                }
                else if (roll < (past ? 98 : 88))
                {
                    activity.Decline(signUp.Id, "Thank you for asking. All the places have gone; we will tell you about the next one.", decided);
                }
                else if (roll < (past ? 99 : 92))
                {
                    activity.Withdraw(signUp.Id, decided);
                }
            }
            if (!past)
            {
                if (_random.Next(50) == 0 && !activity.HasAttendance)
                {
                    activity.MoveTo(ActivityStatus.Cancelled, decided);
                }
                continue;
            }
            var after = _now.AddDays(plan.DayOffset).AddHours(12);
            var minutes = (int)(activity.EndTime - activity.StartTime).TotalMinutes;
            foreach (var signUp in activity.SignUps.Where(s => s.Status == SignUpStatus.Confirmed).ToList())
            {
                if (_random.Next(100) < 98)
                {
                    activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(minutes, 30 * _random.Next(2), 15 * _random.Next(4)),
                        new SessionNotes(null, null, null), activity.CreatedByUserId, after);
                    attended.Add((activity, signUp, rate, plan));
                }
                else
                {
                    activity.RecordAttendance(signUp.Id, Attendance.DidNotAttend, null, new SessionNotes(null, null, null), activity.CreatedByUserId, after);
                }
            }
            activity.MoveTo(ActivityStatus.Completed, after);
        }
        db.AuditEntries.AddRange(made.Select(m => new AuditEntry(AuditSubject.Activity(m.Activity.Id), m.Activity.ProjectId, AuditActions.ActivityCreated,
            $"Activity planned: {m.Activity.Title}, {m.Activity.SignUps.Count} sign-ups.", m.Activity.CreatedByUserId, m.Activity.CreatedUtc)));

        await MakeClaimsAsync(db, writer, attended, cancellationToken);
        MakeNotes(db, made.Where(m => m.Plan.DayOffset < 0 && m.Activity.AttendedCount >= 3).Select(m => m.Activity).ToList());
    }

    private async Task MakeClaimsAsync(CoProduceDbContext db, SqliteRowWriter writer, List<(Activity Activity, SignUp SignUp, RateItem? Rate, ActivityPlan Plan)> attended,
        CancellationToken cancellationToken)
    {
        var people = _expertsById;
        var rules = new ApprovalRules(PaymentReferenceData.DefaultSecondApprovalAbove);
        var claims = new List<(Claim Claim, string Plan)>();
        foreach (var (activity, signUp, rate, plan) in attended)
        {
            var person = people[signUp.ExpertProfileId];
            var after = _now.AddDays(plan.DayOffset).AddHours(12);
            var fee = signUp.FixedFee?.For(signUp.TimeGiven).Amount;
            var method = person.Preference == PaymentPreference.Voucher ? ClaimPaymentMethod.Voucher : ClaimPaymentMethod.BankTransfer;
            var claim = Claim.FromAttendance(new ClaimAttendance(person.ProfileId, activity.Id, signUp.Id, activity.CreatedByUserId), fee, method,
                activity.CreatedByUserId, after);
            var by = person.UserId;
            var sent = after.AddDays(1 + _random.Next(3));
            if (person.Preference == PaymentPreference.NoPayment && claim.FeeOffered is { } offered && offered > Money.Zero)
            {
                claim.DeclineFee(by, sent);
            }
            // Some claim travel: mileage needs no receipt.
            if (_random.Next(4) == 0 || claim.Total == Money.Zero)
            {
                var miles = 2 + _random.Next(25);
                claim.AddExpense(ExpenseCategory.Mileage, Money.FromPence(45 * miles), null, by, sent, "Drove there and back", miles);
            }
            if (_random.Next(10) == 0)
            {
                claim.AddExpense(ExpenseCategory.Meals, Money.FromPounds(6.50m), null, by, sent, "Lunch on the day");
            }
            var age = -plan.DayOffset;
            var roll = _random.Next(100);
            var status = age < 14
                ? roll < 45 ? "draft" : roll < 80 ? "submitted" : roll < 92 ? "queried" : "rejected"
                : age < 45
                    ? roll < 10 ? "submitted" : roll < 15 ? "rejected" : roll < 45 ? "approved" : "batched"
                    : roll < 3 ? "rejected" : roll < 7 ? "approved" : "paid";
            if (status != "draft")
            {
                claim.Submit(by, sent);
            }
            var decided = sent.AddDays(2 + _random.Next(5));
            switch (status)
            {
                case "queried":
                    claim.Query("Please tell us where you drove from.", _staff.Finance, decided);
                    break;
                case "rejected":
                    claim.Reject("This activity was claimed for already.", _staff.Finance, decided);
                    break;
                case "approved" or "batched" or "paid":
                    claim.Approve(new Approver(_staff.Finance, null), rules, decided);
                    if (claim.Status == ClaimStatus.AwaitingSecondApproval)
                    {
                        claim.Approve(new Approver(_staff.Lead, null), rules, decided);
                    }
                    if (status == "paid" && claim.IsVoucherToIssue)
                    {
                        claim.RecordPaidOutsideBatch(_staff.Finance, decided.AddDays(3));
                    }
                    break;
            }
            claims.Add((claim, status));
        }
        db.Claims.AddRange(claims.Select(c => c.Claim));
        await writer.AssignKeysAsync(cancellationToken);
        db.AuditEntries.AddRange(claims.Select(c => new AuditEntry(AuditSubject.Claim(c.Claim.Id), null, AuditActions.ClaimCreated,
            $"Claim {c.Claim.Id} made when attendance was recorded.", c.Claim.CreatedByUserId, c.Claim.CreatedUtc)));
        foreach (var (claim, status) in claims.Where(c => c.Claim.IsReadyForBatch))
        {
            (status == "paid" ? _claimsToPay : status == "batched" ? _claimsToBatch : null)?.Add(claim.Id);
        }
    }

    private void MakeNotes(CoProduceDbContext db, List<Activity> activities)
    {
        foreach (var activity in activities.Where(_ => _random.Next(5) == 0))
        {
            var attendees = activity.SignUps.Where(s => s.Attendance == Attendance.Attended).ToList();
            var at = activity.UpdatedUtc;
            for (var n = 0; n < 3 + _random.Next(4); n++)
            {
                var speaker = _random.Next(3) == 0 ? null : (int?)attendees[_random.Next(attendees.Count)].ExpertProfileId;
                db.FeedbackItems.Add(new FeedbackItem(activity.Id, activity.ProjectId, Pick(FeedbackKinds.InOrder), Pick(Notes),
                    Pick(SevenKeysInfo.All), speaker, speaker is not null && _random.Next(3) == 0, activity.CreatedByUserId, at));
            }
        }
    }

    private async Task MakeBatchesAsync(CancellationToken cancellationToken)
    {
        // One big batch waiting to be paid, for the export benchmark: 100 claims per scale step.
        var bigSize = 100 * scale;
        var big = _claimsToBatch.Concat(_claimsToPay).Take(bigSize).ToList();
        var waiting = _claimsToBatch.Skip(big.Count).Chunk(ClaimsPerPaidBatch).ToList();
        var paid = _claimsToPay.Skip(Math.Max(0, big.Count - _claimsToBatch.Count)).Chunk(ClaimsPerPaidBatch).ToList();
        var batchedAt = _now.AddDays(-3);
        if (big.Count > 0)
        {
            await MakeBatchAsync(big, batchedAt, pay: false, cancellationToken);
        }
        foreach (var ids in waiting)
        {
            await MakeBatchAsync([.. ids], batchedAt, pay: false, cancellationToken);
        }
        foreach (var ids in paid)
        {
            await MakeBatchAsync([.. ids], batchedAt, pay: true, cancellationToken);
        }
    }

    /// <summary>
    /// A batch of these approved claims. A paid batch is exported for the payment system as
    /// finance does it (the file is kept, encrypted), then marked paid with the claims already loaded.
    /// </summary>
    private async Task MakeBatchAsync(List<int> claimIds, DateTime at, bool pay, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = await ChunkContextAsync(scope, cancellationToken);
        var claims = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery()
            .Where(c => EF.Parameter(claimIds).Contains(c.Id)).ToListAsync(cancellationToken);
        PaymentBatch batch;
        await using (var transaction = await BeginAsync(db, cancellationToken))
        {
            await using var writer = new SqliteRowWriter(db);
            batch = new PaymentBatch(claims, _staff.Finance, at);
            db.PaymentBatches.Add(batch);
            await writer.AssignKeysAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchCreated,
                $"Payment batch {batch.Id} made with {claims.Count} claims.", _staff.Finance, at));
            await writer.WriteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (!pay)
        {
            return;
        }
        await using (var exportScope = services.CreateAsyncScope())
        {
            var (_, refusal) = await exportScope.ServiceProvider.GetRequiredService<Features.Finance.PaymentBatchService>()
                .ExportAsync(batch.Id, _staff.Finance, cancellationToken);
            if (refusal is not null)
            {
                throw new InvalidOperationException(refusal);
            }
        }
        await db.Entry(batch).ReloadAsync(cancellationToken);
        var paidAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var transaction = await BeginAsync(db, cancellationToken))
        {
            await using var writer = new SqliteRowWriter(db);
            batch.MarkPaid(claims, _staff.Finance, paidAt);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentBatch(batch.Id), null, AuditActions.BatchPaid,
                $"Payment batch {batch.Id} marked paid.", _staff.Finance, paidAt));
            db.AuditEntries.AddRange(claims.Select(c => new AuditEntry(AuditSubject.Claim(c.Id), null, AuditActions.ClaimPaid,
                $"Claim {c.Id} paid in payment batch {batch.Id}.", _staff.Finance, paidAt)));
            await writer.WriteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        _counts.Add(("Accounts", await db.Users.CountAsync(cancellationToken)));
        _counts.Add(("Experts by experience", await db.ExpertProfiles.CountAsync(cancellationToken)));
        _counts.Add(("Projects", await db.CommissioningProjects.CountAsync(cancellationToken)));
        _counts.Add(("Activities", await db.Activities.CountAsync(cancellationToken)));
        _counts.Add(("Sign-ups", await db.SignUps.CountAsync(cancellationToken)));
        _counts.Add(("Most sign-ups on one activity", await db.SignUps.GroupBy(s => s.ActivityId).Select(g => g.Count()).MaxAsync(cancellationToken)));
        _counts.Add(("Claims", await db.Claims.CountAsync(cancellationToken)));
        _counts.Add(("Payment batches", await db.PaymentBatches.CountAsync(cancellationToken)));
        _counts.Add(("Feedback notes", await db.FeedbackItems.CountAsync(cancellationToken)));
        _counts.Add(("Audit entries", await db.AuditEntries.CountAsync(cancellationToken)));
    }

    /// <summary>Distinct people from the roster, at random.</summary>
    private List<Expert> PickPeople(Expert[] onRoster, int count)
    {
        var take = Math.Min(count, onRoster.Length);
        if (take * 2 > onRoster.Length)
        {
            return [.. onRoster.OrderBy(_ => _random.Next()).Take(take)];
        }
        var seen = new HashSet<int>();
        var chosen = new List<Expert>(take);
        while (chosen.Count < take)
        {
            var index = _random.Next(onRoster.Length);
            if (seen.Add(index))
            {
                chosen.Add(onRoster[index]);
            }
        }
        return chosen;
    }

    private T Pick<T>(IReadOnlyList<T> from) => from[_random.Next(from.Count)];

    private T[] Pick<T>(T[] from, int count) => [.. from.OrderBy(_ => _random.Next()).Take(count)];

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
