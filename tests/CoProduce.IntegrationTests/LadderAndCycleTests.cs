using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CoProduce.IntegrationTests.EasyRead;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Pdf;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// The ladder of co-production on a project and across projects, ongoing Review items, starting
/// the next cycle, and the co-production statement, each through the real app and database.
/// </summary>
public sealed class LadderAndCycleTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private Task<string> UserIdAsync(string role) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.EmailFor(role)).Select(u => u.Id).SingleAsync());

    private async Task<int> ProjectAsync(string title, CommissioningStage stage = CommissioningStage.Analyse) => await WithDbAsync(async db =>
    {
        var rules = await db.TierRuleSets.OrderByDescending(r => r.Version).FirstAsync();
        var owner = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var project = new CommissioningProject(title, "Adult social care", "A service.", owner, Money.FromPounds(100_000m), false, Now);
        project.Assess(rules);
        db.CommissioningProjects.Add(project);
        await db.SaveChangesAsync();
        while (project.Stage < stage)
        {
            foreach (var r in project.Requirements.Where(r => r.IsRequired && !r.IsOngoing && r.DueBy <= project.Stage && !r.IsMet))
            {
                r.AddEvidence("Done with the forum", Today, 4, string.Empty, owner, Now);
            }
            Assert.True(project.MoveToNextStage(owner, string.Empty, Now).MayLeave);
        }
        await db.SaveChangesAsync();
        return project.Id;
    });

    /// <summary>A person on the roster with a name nobody else has, and the lived experience given.</summary>
    private async Task<(int Id, string Name, string Email)> PersonAsync(string name, params LivedExperienceArea[] areas) => await WithDbAsync(async db =>
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var user = new CoProduceUser { UserName = email, Email = email, DisplayName = name };
        db.Users.Add(user);
        var profile = new ExpertProfile(user.Id, name, email, Now);
        profile.GiveConsent("2026-11", Now);
        profile.SetLivedExperience(areas, null, Now);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync();
        return (profile.Id, name, email);
    });

    /// <summary>A finished activity at a rung: each person given attended for its minutes, or did not attend when minutes is null.</summary>
    private async Task<int> ActivityAsync(int projectId, LadderRung rung, params (int Person, int? Minutes)[] people) => await WithDbAsync(async db =>
    {
        var organiser = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var date = Today.AddDays(-5);
        var activity = new Activity(projectId, $"{rung} session", ActivityType.Workshop, "A session.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.Online, null, null, null), people.Length, [LivedExperienceArea.Carer], rung, isPaid: false, organiser, Now);
        var before = Now.AddDays(-8);
        activity.MoveTo(ActivityStatus.Open, before);
        foreach (var (person, _) in people)
        {
            activity.RequestPlace(person, true, string.Empty, before);
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        foreach (var signUp in activity.SignUps)
        {
            activity.Confirm(signUp.Id, true, null, before);
        }
        activity.MoveTo(ActivityStatus.Completed, Now);
        foreach (var signUp in activity.SignUps)
        {
            var minutes = people.Single(p => p.Person == signUp.ExpertProfileId).Minutes;
            activity.RecordAttendance(signUp.Id, minutes is null ? Attendance.DidNotAttend : Attendance.Attended,
                minutes is { } m ? new TimeGiven(m) : null, new SessionNotes(null, null, null), organiser, Now);
        }
        await db.SaveChangesAsync();
        return activity.Id;
    });

    /// <summary>
    /// The hand-computed fixture: A, B and C. Co-production 120 minutes: A and B attended, C did not.
    /// Consultation 60 minutes: A and C. Informing 30 minutes: A. Co-design 90 minutes: B.
    /// Co-production 2 people, 2 attendances, 4 hours; co-design 1, 1, 1.5; consultation 2, 2, 2;
    /// informing 1, 1, 0.5. 8 hours: doing with 5.5 (68.75%), doing for 2.5 (31.25%), doing to 0;
    /// by largest remainder 69%, 31%, 0%.
    /// </summary>
    private async Task<(int ProjectId, (int Id, string Name, string Email)[] People)> LadderFixtureAsync(string title)
    {
        var id = await ProjectAsync(title);
        var a = await PersonAsync("Ottoline Quenby", LivedExperienceArea.Carer, LivedExperienceArea.Autism);
        var b = await PersonAsync("Barnaby Wexford", LivedExperienceArea.Carer);
        var c = await PersonAsync("Cressida Fairweather", LivedExperienceArea.MentalHealth);
        await ActivityAsync(id, LadderRung.CoProduction, (a.Id, 120), (b.Id, 120), (c.Id, null));
        await ActivityAsync(id, LadderRung.Consultation, (a.Id, 60), (c.Id, 60));
        await ActivityAsync(id, LadderRung.Informing, (a.Id, 30));
        await ActivityAsync(id, LadderRung.CoDesign, (b.Id, 90));
        return (id, [a, b, c]);
    }

    /// <summary>A start-the-next-cycle form posted from a page the project has since left behind (a second tab, say).</summary>
    private static async Task<HttpResponseMessage> PostFromAnotherTabAsync(HttpClient client, string actionUrl, string title)
    {
        var token = (await client.GetPageAsync("/projects/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Title", title)]);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), form);
    }

    private static List<string[]> Rows(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task ProjectPage_Ladder_MatchesTheHandComputedFigures()
    {
        var (id, _) = await LadderFixtureAsync("Ladder fixture");
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var page = await client.GetPageAsync($"/projects/{id}");

        var rungs = Rows(page, "#ladder-rungs tbody tr").Select(r => (string.Join(' ', r[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)), r[1], r[2], r[3])).ToList();
        Assert.Equal(
        [
            ("Co-production Doing with", "2", "2", "4"), ("Co-design Doing with", "1", "1", "1.5"), ("Engagement Doing for", "0", "0", "0"),
            ("Consultation Doing for", "2", "2", "2"), ("Informing Doing for", "1", "1", "0.5"), ("Educating Doing to", "0", "0", "0"), ("Coercion Doing to", "0", "0", "0"),
        ], rungs);
        var shares = Rows(page, "#ladder-shares tbody tr").Select(r => (r[0], r[2], r[3])).ToList();
        Assert.Equal([("Doing with", "5.5", "69%"), ("Doing for", "2.5", "31%"), ("Doing to", "0", "0%")], shares);
        // The chart says the same, in its text alternative.
        var chart = page.QuerySelector("svg[role=img][aria-labelledby=ladder-chart-title]")!;
        Assert.Equal("Share of the hours people gave: doing with 69%, doing for 31%, doing to 0%.", chart.QuerySelector("title")!.TextContent);
        Assert.Equal(chart.QuerySelector("title")!.Id, chart.GetAttribute("aria-labelledby"));
        Assert.Contains("8 hours over 6 attendances", page.QuerySelector("#ladder")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectPage_NoAttendanceYet_SaysSoInsteadOfZeroPercent()
    {
        var id = await ProjectAsync("Nothing attended yet");
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var page = await client.GetPageAsync($"/projects/{id}");

        Assert.NotNull(page.QuerySelector("#ladder-none"));
        Assert.Null(page.QuerySelector("#ladder-shares"));
        Assert.Null(page.QuerySelector("svg[aria-labelledby=ladder-chart-title]"));
    }

    [Fact]
    public async Task Comparison_SortedPagedAndTotalled_ByTheDatabase()
    {
        await LadderFixtureAsync("Ladder comparison fixture");
        var person = await PersonAsync("Someone Else", LivedExperienceArea.Carer);
        var allWith = await ProjectAsync("All doing with");
        await ActivityAsync(allWith, LadderRung.CoDesign, (person.Id, 45));
        for (var i = 0; i < 21; i++)
        {
            await ProjectAsync($"Quiet project {i:D2}");
        }
        var client = await portal.ClientForAsync(Roles.Commissioner);

        // By "doing with" share (the default): highest first, projects with no attendance last.
        var page = await client.GetPageAsync("/projects/ladder");
        var rows = Rows(page, "#ladder-by-project tbody tr");
        Assert.Equal(20, rows.Count);
        var withShares = rows.Where(r => r[4].EndsWith('%')).Select(r => int.Parse(r[4].TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(withShares.OrderDescending(), withShares);
        Assert.True(rows.FindIndex(r => r[0] == "All doing with") < rows.FindIndex(r => r[0] == "Ladder comparison fixture"));
        Assert.Equal(["Ladder comparison fixture", "Analyse", "6", "8", "69%", "31%", "0%"], rows.Single(r => r[0] == "Ladder comparison fixture"));
        Assert.DoesNotContain(rows.SkipWhile(r => r[4].EndsWith('%')), r => r[4].EndsWith('%'));

        // By hours: most first.
        var byHours = Rows(await client.GetPageAsync("/projects/ladder?sort=hours"), "#ladder-by-project tbody tr")
            .Select(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(byHours.OrderDescending(), byHours);

        // Paged: every project once, over the pages, in title order.
        var total = await WithDbAsync(db => db.CommissioningProjects.CountAsync());
        var titles = new List<string>();
        for (var p = 1; p <= (total + 19) / 20; p++)
        {
            titles.AddRange(Rows(await client.GetPageAsync($"/projects/ladder?sort=title&page={p}"), "#ladder-by-project tbody tr").Select(r => r[0]));
        }
        Assert.Equal(total, titles.Count);
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles);

        // The total row is every attended sign-up in the database, whatever page is shown.
        var expected = await WithDbAsync(async db => new
        {
            Attendances = await db.SignUps.CountAsync(s => s.Attendance == Attendance.Attended),
            Minutes = await db.SignUps.Where(s => s.Attendance == Attendance.Attended).SumAsync(s => s.ActivityMinutes ?? 0),
        });
        var totalRow = (await client.GetPageAsync("/projects/ladder?page=2")).QuerySelector("#ladder-total")!.Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.StartsWith($"Total, all {total} projects", totalRow[0], StringComparison.Ordinal);
        Assert.Equal(expected.Attendances.ToString(CultureInfo.InvariantCulture), totalRow[2]);
        Assert.Equal(Math.Round(expected.Minutes / 60m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture), totalRow[3]);
        Assert.Equal(100, totalRow[4..].Sum(s => int.Parse(s.TrimEnd('%'), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task NextCycle_FromReview_LinksBothWays_CarriesLiveThemes_AuditsBoth()
    {
        var oldId = await ProjectAsync("Day opportunities 2026", CommissioningStage.Review);
        var commissioner = await UserIdAsync(Roles.Commissioner);
        var lead = await UserIdAsync(Roles.CoProductionLead);
        var (liveId, mergedId) = await WithDbAsync(async db =>
        {
            var live = new FeedbackTheme(oldId, "Getting there", commissioner, Now);
            live.Understand("Buses stop at six", "People get home safely", Now);
            live.Respond(ResponseKind.WeDid, "We paid for taxis", null, Today, Now);
            live.Publish(Now);
            var other = new FeedbackTheme(oldId, "Transport", commissioner, Now);
            db.FeedbackThemes.AddRange(live, other);
            await db.SaveChangesAsync();
            other.MergeInto(live, Now);
            await db.SaveChangesAsync();
            return (live.Id, other.Id);
        });
        // Started by the lead, so the new project's owner is who started it, not the old owner.
        var client = await portal.ClientForAsync(Roles.CoProductionLead);

        var form = await client.GetPageAsync($"/projects/{oldId}/next-cycle");
        Assert.Equal("Day opportunities 2027", form.QuerySelector("#Title")!.GetAttribute("value"));
        var response = await client.SubmitFormAsync($"/projects/{oldId}/next-cycle", $"/projects/{oldId}/next-cycle", [new("Title", "Day opportunities 2027")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newId = int.Parse(response.Location()!.Split('/').Last(), CultureInfo.InvariantCulture);
        await WithDbAsync(async db =>
        {
            var old = await db.CommissioningProjects.SingleAsync(p => p.Id == oldId);
            var next = await db.CommissioningProjects.Include(p => p.Requirements).SingleAsync(p => p.Id == newId);
            Assert.Equal((newId, (int?)oldId, CommissioningStage.Analyse, lead), (old.NextProjectId!.Value, next.PreviousProjectId, next.Stage, next.OwnerId));
            Assert.NotEmpty(next.Requirements);
            var carried = await db.FeedbackThemes.Where(t => t.ProjectId == newId).SingleAsync();
            Assert.Equal(("Getting there", (int?)liveId), (carried.Name, carried.CarriedFromThemeId));
            Assert.Contains("Buses stop at six", carried.RootCauses, StringComparison.Ordinal);
            Assert.Equal("People get home safely", carried.SuccessLooksLike);
            Assert.Null(carried.Response);
            Assert.Null(carried.Published);
            Assert.DoesNotContain(await db.FeedbackThemes.Where(t => t.ProjectId == newId).Select(t => t.CarriedFromThemeId).ToListAsync(), c => c == mergedId);
            var entries = await db.AuditEntries.Where(a => a.Action == AuditActions.NextCycleStarted && (a.ProjectId == oldId || a.ProjectId == newId)).ToListAsync();
            Assert.Equal(2, entries.Count);
            Assert.Contains(entries, e => e.Subject == AuditSubject.Project(oldId) && e.ProjectId == oldId);
            Assert.Contains(entries, e => e.Subject == AuditSubject.Project(newId) && e.ProjectId == newId);
            Assert.All(entries, e => Assert.Equal(lead, e.ByUserId));
            return 0;
        });

        var oldPage = await client.GetPageAsync($"/projects/{oldId}");
        Assert.Equal($"/projects/{newId}", oldPage.QuerySelector("#next-cycle a")!.GetAttribute("href"));
        Assert.Null(oldPage.QuerySelector($"a[href='/projects/{oldId}/next-cycle']"));
        var newPage = await client.GetPageAsync($"/projects/{newId}");
        Assert.Equal($"/projects/{oldId}", newPage.QuerySelector("#previous-cycle a")!.GetAttribute("href"));
        Assert.Equal(["Getting there"], newPage.QuerySelectorAll("#carried-themes li").Select(li => li.TextContent.Trim()));

        // Twice: refused with the reason, and nothing more is made.
        var again = await PostFromAnotherTabAsync(client, $"/projects/{oldId}/next-cycle", "Day opportunities 2028");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("The next cycle has already been started from this project.", (await again.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.CommissioningProjects.CountAsync(p => p.Title == "Day opportunities 2028")));
    }

    [Fact]
    public async Task NextCycle_NotInReview_RefusedWithTheReason()
    {
        var id = await ProjectAsync("Still planning", CommissioningStage.Plan);
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var page = await client.GetPageAsync($"/projects/{id}/next-cycle");
        Assert.Equal("The next cycle can be started once the project is in Review.", page.QuerySelector("#why-not")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("main form"));
        var response = await PostFromAnotherTabAsync(client, $"/projects/{id}/next-cycle", "Too soon");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("once the project is in Review", (await response.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.CommissioningProjects.CountAsync(p => p.Title == "Too soon" || p.PreviousProjectId == id)));
    }

    [Fact]
    public async Task NextCycle_NoTitle_ErrorByTheField()
    {
        var id = await ProjectAsync("Review without a title", CommissioningStage.Review);
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var response = await client.SubmitFormAsync($"/projects/{id}/next-cycle", $"/projects/{id}/next-cycle", [new("Title", "  ")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["#Title Enter a title for the next cycle's project"], (await response.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task Statement_NamesNobody_FiguresMatchTheLadder_RequirementsAndChanges()
    {
        var (id, people) = await LadderFixtureAsync("Statement fixture");
        var commissioner = await UserIdAsync(Roles.Commissioner);
        var lead = await UserIdAsync(Roles.CoProductionLead);
        await WithDbAsync(async db =>
        {
            var project = await db.CommissioningProjects.Include(p => p.Requirements).ThenInclude(r => r.Exceptions).SingleAsync(p => p.Id == id);
            var excused = project.Requirements.Where(r => r.IsRequired && !r.IsMet).OrderBy(r => r.Code, StringComparer.Ordinal).First();
            var asked = project.RequestException(excused.Code, "Done by the county last year", commissioner, Now);
            await db.SaveChangesAsync();
            asked.Decide(ExceptionDecision.Approved, "The county's work covers it", lead, deciderIsCoProductionLead: true, Now);
            var theme = new FeedbackTheme(id, "Short notice", commissioner, Now);
            theme.Respond(ResponseKind.WeWillDo, "Give two weeks' notice of every session", Today.AddDays(30), Today, Now);
            theme.Publish(Now);
            db.FeedbackThemes.Add(theme);
            await db.SaveChangesAsync();
            return 0;
        });
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var response = await client.GetAsync(new Uri($"/projects/{id}/statement", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (_, name, email) in people)
        {
            Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name.Split(' ')[1], html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
        }
        var page = await response.ReadPageAsync();
        Assert.Equal("3 people with lived experience took part, giving 8 hours over 6 attendances at 4 activities. 69% of that time was \"doing with\" them: co-design and co-production.",
            page.QuerySelector("#in-short")!.TextContent.Trim());
        // Small counts of people by lived experience are not given exactly.
        Assert.Equal([("Carer", "fewer than 5"), ("Autism", "fewer than 5"), ("Mental health", "fewer than 5")],
            Rows(page, "#statement-with-whom tbody tr").Select(r => (r[0], r[1])).ToList());
        var activities = Rows(page, "#statement-activities tbody tr");
        Assert.Equal(4, activities.Count);
        Assert.Equal(["2", "2", "1", "1"], activities.Select(a => a[3]).OrderDescending(StringComparer.Ordinal));
        Assert.Equal(8m, activities.Sum(a => decimal.Parse(a[4], CultureInfo.InvariantCulture)));
        Assert.Equal([("Doing with", "5.5", "69%"), ("Doing for", "2.5", "31%"), ("Doing to", "0", "0%")],
            Rows(page, "#ladder-shares tbody tr").Select(r => (r[0], r[2], r[3])).ToList());
        var requirements = page.QuerySelector("#statement-requirements")!.TextContent;
        Assert.Contains("Not needed: exception approved", requirements, StringComparison.Ordinal);
        Assert.Contains("Why it was not done: Done by the county last year", requirements, StringComparison.Ordinal);
        Assert.Contains("Why a co-production lead agreed: The county's work covers it", requirements, StringComparison.Ordinal);
        Assert.Contains("Not yet met", requirements, StringComparison.Ordinal);
        Assert.Contains("We will do, by", page.QuerySelector("#statement-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Give two weeks' notice of every session", page.QuerySelector("#statement-changes")!.TextContent, StringComparison.Ordinal);

        // The PDF: tagged, with the same words, and its download is in the project's history.
        var pdf = await client.GetAsync(new Uri($"/projects/{id}/statement.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync());
        try
        {
            Assert.Matches(@"(?m)^Tagged:\s+yes", await PdfChecks.RunAsync("pdfinfo", file));
            var text = string.Join(' ', (await PdfChecks.RunAsync("pdftotext", "-enc", "UTF-8", file, "-")).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("Co-production statement", text, StringComparison.Ordinal);
            Assert.Contains("Statement fixture", text, StringComparison.Ordinal);
            Assert.Contains("3 people with lived experience took part, giving 8 hours over 6 attendances", text, StringComparison.Ordinal);
            Assert.Contains("Give two weeks' notice of every session", text, StringComparison.Ordinal);
            foreach (var (_, name, _) in people)
            {
                Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProjectId == id && a.Action == AuditActions.StatementDownloaded)));
    }

    [Fact]
    public async Task StatementPdf_NoBrowser_ReadablePageWith503()
    {
        using var app = new CoProduceAppFactory { TestServices = services => services.AddSingleton<IPdfPrinter, NoBrowser>() };
        var client = app.CreatePortalClient();
        await client.SignInAsync(DemoUsers.EmailFor(Roles.Commissioner), DemoUsers.Password(app));

        var response = await client.GetAsync(new Uri("/projects/1/statement.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("The PDF cannot be made at the moment", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/projects/1/statement", page.QuerySelector("main a[href='/projects/1/statement']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task OngoingItem_PublishedInARuleSet_AssessedAndNeverOverdueOrBlocking_EvidenceAddedAgainAndAgain()
    {
        // Its own app: publishing changes the current rules for everyone.
        using var app = new PortalFixture();
        var lead = await app.ClientForAsync(Roles.CoProductionLead);
        var fields = new List<KeyValuePair<string, string>>();
        string[] bounds = ["50000", "200000", "500000", "3000000"];
        for (var i = 0; i < bounds.Length; i++)
        {
            fields.Add(new($"UpperBounds[{i}]", bounds[i]));
        }
        var requirements = PlymouthRules.Requirements.Append(new RequirementDefinition("R8", "Lived experience in contract monitoring",
            "People with lived experience take part in contract monitoring each quarter.", 1, CommissioningStage.Review)).ToList();
        for (var i = 0; i < requirements.Count; i++)
        {
            var r = requirements[i];
            fields.Add(new($"Requirements[{i}].Code", r.Code));
            fields.Add(new($"Requirements[{i}].ShortName", r.ShortName));
            fields.Add(new($"Requirements[{i}].Wording", r.Wording));
            fields.Add(new($"Requirements[{i}].Tier", r.IntroducedAtTier.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new($"Requirements[{i}].DueBy", r.DueBy.ToString()));
        }
        fields.Add(new("ChangeNote", "Contract monitoring with people who use the service"));
        fields.Add(new("Intent", "publish"));

        var published = await lead.SubmitFormAsync("/rules/new", "/rules/new", fields);

        Assert.Equal("/rules/reassess", published.Location());
        // A new project is assessed under it, and the ongoing item is required from tier 1.
        var commissioner = await app.ClientForAsync(Roles.Commissioner);
        var created = await commissioner.SubmitFormAsync("/projects/new", "/projects/new",
            [new("Title", "Supported living"), new("ServiceArea", "Adult social care"), new("Summary", "Homes with support."), new("Value", "100000"), new("KeyDecision", "no")]);
        var id = int.Parse(created.Location()!.Split('/').Last(), CultureInfo.InvariantCulture);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var project = await db.CommissioningProjects.Include(p => p.Requirements).ThenInclude(r => r.Evidence).Include(p => p.Requirements).ThenInclude(r => r.Exceptions)
                .SingleAsync(p => p.Id == id);
            Assert.Equal((2, true), (project.RuleSetVersion, project.Requirement("R8")!.IsRequired));
            // Through every gate to Review, with every item met but the ongoing one.
            while (project.Stage < CommissioningStage.Review)
            {
                foreach (var r in project.Requirements.Where(r => r.IsRequired && !r.IsOngoing && r.DueBy <= project.Stage && !r.IsMet))
                {
                    r.AddEvidence("Done with the forum", Today, 4, string.Empty, project.OwnerId, Now);
                }
                Assert.True(project.MoveToNextStage(project.OwnerId, string.Empty, Now).MayLeave);
            }
            Assert.False(project.Requirement("R8")!.IsOverdue(project.Stage));
            await db.SaveChangesAsync();
        }

        var page = await commissioner.GetPageAsync($"/projects/{id}");
        var card = page.QuerySelector("#requirement-R8")!;
        Assert.Equal("Ongoing: nothing recorded yet", card.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".govuk-tag--red"));
        Assert.Contains("Ongoing while the service runs", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var listRow = (await commissioner.GetPageAsync("/projects?q=Supported+living")).QuerySelectorAll("tbody tr").Single();
        Assert.Equal("0", listRow.Children.Last().TextContent.Trim());

        // Evidence again and again: counted, with the latest date.
        foreach (var when in new[] { Today.AddDays(-60), Today.AddDays(-2) })
        {
            var added = await commissioner.SubmitFormAsync($"/projects/{id}/requirements/R8/evidence", $"/projects/{id}/requirements/R8/evidence",
            [
                new("WhatWasDone", "Quarterly monitoring visit with two people who use the service"),
                new("DoneOn.Day", when.Day.ToString(CultureInfo.InvariantCulture)), new("DoneOn.Month", when.Month.ToString(CultureInfo.InvariantCulture)),
                new("DoneOn.Year", when.Year.ToString(CultureInfo.InvariantCulture)), new("LivedExperienceCount", "2"),
            ]);
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        card = (await commissioner.GetPageAsync($"/projects/{id}")).QuerySelector("#requirement-R8")!;
        Assert.Equal("Ongoing: recorded 2 times", card.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Contains($"Recorded 2 times, latest on {Today.AddDays(-2).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.",
            card.QuerySelector(".app-ongoing")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector($"a[href='/projects/{id}/requirements/R8/evidence']"));
    }

    private sealed class NoBrowser : IPdfPrinter
    {
        public bool IsAvailable => false;

        public Task<byte[]> PrintAsync(string html, string footerTemplate, CancellationToken cancellationToken) =>
            throw new PdfUnavailableException("No browser is installed.");
    }
}
