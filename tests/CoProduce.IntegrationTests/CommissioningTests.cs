using System.Net;
using System.Net.Http.Headers;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

public sealed class CommissioningTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static List<KeyValuePair<string, string>> ProjectFields(string title, string value, string keyDecision = "no") =>
    [
        new("Title", title),
        new("ServiceArea", "Adult social care"),
        new("Summary", "A service planned with the people who use it."),
        new("Value", value),
        new("KeyDecision", keyDecision),
    ];

    private static async Task<int> CreateProjectAsync(HttpClient client, string title, string value, string keyDecision = "no")
    {
        var response = await client.SubmitFormAsync("/projects/new", "/projects/new", ProjectFields(title, value, keyDecision));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<CommissioningProject> LoadAsync(int id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        return await db.CommissioningProjects.AsNoTracking()
            .Include(p => p.Requirements).ThenInclude(r => r.Evidence).ThenInclude(e => e.Attachments)
            .Include(p => p.Requirements).ThenInclude(r => r.Exceptions)
            .Include(p => p.StageMoves)
            .SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task Create_Tier4Value_ShowsTierReasonAndSixRequirementsByStage()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var id = await CreateProjectAsync(client, "Tier four test", "£650,000");
        var page = await client.GetPageAsync($"/projects/{id}");

        Assert.Contains("£650,000 is over £500,000 and up to £3,000,000, so this is tier 4", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["R1", "R2", "R3", "R4", "R5", "R6"], page.QuerySelectorAll(".app-requirement").Select(e => e.Id!.Replace("requirement-", "", StringComparison.Ordinal)));
        Assert.Equal(["Due by the end of Analyse", "Due by the end of Plan"], page.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Contains("Project created.", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter the estimated value in pounds, like 250000")]
    [InlineData("-5", "The estimated value must be £0 or more")]
    [InlineData("lots", "The estimated value must be a number in pounds, like 250000")]
    [InlineData("12.345", "The estimated value must have no more than 2 decimal places, like 250000.50")]
    [InlineData("999999999999999", "The estimated value must be £100,000,000,000 or less")]
    public async Task Create_BadValue_ExplainsByTheFieldAndKeepsTheRest(string value, string message)
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var response = await client.SubmitFormAsync("/projects/new", "/projects/new", ProjectFields("Kept title", value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["#Value " + message], page.ErrorSummaryLinks());
        Assert.Equal("Kept title", page.QuerySelector("#Title")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.00")]
    [InlineData("£-0")]
    public async Task CreateAndEdit_NegativeZero_IsSavedAsNoughtPounds(string value)
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var id = await CreateProjectAsync(client, "Negative zero " + value, value);
        var created = await LoadAsync(id);
        var edited = await client.SubmitFormAsync($"/projects/{id}/edit", $"/projects/{id}/edit",
            [.. ProjectFields("Negative zero, edited", value), new("Version", await CurrentVersionAsync(client, id))]);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saved = await LoadAsync(id);
        Assert.Equal("Negative zero, edited", saved.Title);
        foreach (var project in new[] { created, saved })
        {
            Assert.Equal(0, project.EstimatedValue.Pence);
            Assert.Equal(1, project.Tier);
        }
        Assert.Contains("£0 is up to £50,000", (await client.GetPageAsync($"/projects/{id}")).QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_FiltersByStageTierAndTitle()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);

        var doStage = await client.GetPageAsync("/projects?stage=Do");
        var tier5 = await client.GetPageAsync("/projects?tier=5");
        var search = await client.GetPageAsync("/projects?q=carers");
        var mine = await client.GetPageAsync("/projects?view=mine");

        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Safe accommodation for survivors of domestic abuse"], Titles(doStage));
        Assert.Contains("Community mental health peer support", Titles(tier5));
        Assert.Equal(["Carers' support service"], Titles(search));
        Assert.DoesNotContain("Community mental health peer support", Titles(mine)); // Chris Lee's
        Assert.Contains("Short breaks for disabled children", Titles(mine)); // Sam Okafor's own
    }

    [Fact]
    public async Task MoveStage_Blocked_ListsExactlyWhatIsMissingWithLinks()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Blocked move", "650000");

        var response = await client.SubmitFormAsync($"/projects/{id}/next-stage", $"/projects/{id}/next-stage", [new("Note", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        var links = page.ErrorSummaryLinks();
        Assert.Equal(2, links.Count);
        Assert.StartsWith("#requirement-R1 R1 Engagement findings shape the service specification needs evidence", links[0], StringComparison.Ordinal);
        Assert.StartsWith("#requirement-R2 R2 Co-produced equality impact assessment (EIA) needs evidence", links[1], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#requirement-R1"));
        Assert.Equal(CommissioningStage.Analyse, (await LoadAsync(id)).Stage);
    }

    [Fact]
    public async Task Evidence_WithPdf_MeetsRequirementAndTheFileCanBeDownloaded()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Evidence with file", "40000");
        var pdf = "%PDF-1.7\nWorkshop notes"u8.ToArray();

        var response = await PostEvidenceAsync(client, id, "R1", "Workshop with the carers' forum", "3", "11", "2026", "8", ("../notes/Workshop notes.pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await LoadAsync(id);
        var evidence = Assert.Single(project.Requirement("R1")!.Evidence);
        Assert.Equal(new DateOnly(2026, 11, 3), evidence.DoneOn);
        Assert.Equal(8, evidence.LivedExperienceCount);
        var file = Assert.Single(evidence.Attachments);
        Assert.Equal("Workshop notes.pdf", file.FileName);
        Assert.Equal(RequirementStatus.Evidenced, project.Requirement("R1")!.Status);

        var download = await client.GetAsync(new Uri($"/projects/{id}/evidence/{evidence.Id}/files/{file.Id}", UriKind.Relative));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        // Evidence can hold personal data: no browser or proxy may keep a copy.
        Assert.True(download.Headers.CacheControl?.NoStore, "Evidence downloads must be sent with Cache-Control: no-store");
    }

    [Theory]
    [InlineData("program.pdf", "MZ-not-a-pdf", "#Attachment The selected file must be a PDF, Word document, JPG or PNG")]
    [InlineData("notes.txt", "%PDF-1.7", "#Attachment The selected file must be a PDF, Word document, JPG or PNG")]
    public async Task Evidence_WrongFileType_IsRefusedByTheField(string name, string content, string expected)
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Wrong file", "40000");

        var response = await PostEvidenceAsync(client, id, "R1", "Workshop", "3", "11", "2026", "8", (name, System.Text.Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expected], (await response.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Empty((await LoadAsync(id)).Requirement("R1")!.Evidence);
    }

    [Fact]
    public async Task Evidence_Docx_OnlyARealWordDocumentIsAccepted()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Word files", "40000");
        var anyZip = TestFiles.Zip(new() { ["payload.exe"] = "MZ not a document" });

        var zip = await PostEvidenceAsync(client, id, "R1", "Workshop", "3", "11", "2026", "8", ("notes.docx", anyZip));
        Assert.Equal(HttpStatusCode.BadRequest, zip.StatusCode);
        Assert.Equal(["#Attachment The selected file must be a PDF, Word document, JPG or PNG"], (await zip.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Empty((await LoadAsync(id)).Requirement("R1")!.Evidence);

        var word = await PostEvidenceAsync(client, id, "R1", "Workshop", "3", "11", "2026", "8", ("notes.docx", TestFiles.WordDocument()));
        Assert.Equal(HttpStatusCode.Redirect, word.StatusCode);
        var file = Assert.Single(Assert.Single((await LoadAsync(id)).Requirement("R1")!.Evidence).Attachments);
        Assert.Equal(("notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (file.FileName, file.ContentType));
    }

    [Fact]
    public async Task Evidence_BadAnswers_AreExplainedInPageOrder()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Bad evidence", "40000");

        var response = await PostEvidenceAsync(client, id, "R1", "", "31", "2", "2026", "several", null);

        var page = await response.ReadPageAsync();
        Assert.Equal(
        [
            "#WhatWasDone Enter what was done, and with whom",
            "#DoneOn The date it was done must be a real date, like 27 3 2026",
            "#LivedExperienceCount Enter a whole number of people, like 6",
        ], page.ErrorSummaryLinks());
        Assert.Equal("31", page.QuerySelector("#DoneOn")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Evidence_NoLivedExperienceCount_AsksForItByTheField(string? count)
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Evidence without a count", "40000");

        var response = await PostEvidenceAsync(client, id, "R1", "Workshop with the carers' forum", "3", "11", "2026", count, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal(["#LivedExperienceCount Enter how many people with lived experience took part, or 0"], page.ErrorSummaryLinks());
        Assert.Equal("Workshop with the carers' forum", page.QuerySelector("#WhatWasDone")!.TextContent);
        Assert.Empty((await LoadAsync(id)).Requirement("R1")!.Evidence);
    }

    [Fact]
    public async Task Exception_LeadDecides_AndNobodyDecidesTheirOwn()
    {
        var commissioner = await portal.ClientForAsync(Roles.Commissioner);
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var id = await CreateProjectAsync(commissioner, "Exception test", "40000");

        var asked = await commissioner.SubmitFormAsync($"/projects/{id}/requirements/R2/exception", $"/projects/{id}/requirements/R2/exception",
            [new("Reason", "Done last year for the whole service area")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var requestId = (await LoadAsync(id)).Requirement("R2")!.Exceptions.Single().Id;

        // The commissioner cannot reach the decision page at all.
        var commissionerTry = await commissioner.GetAsync(new Uri($"/exceptions/{requestId}", UriKind.Relative));
        Assert.Contains("/access-denied", commissionerTry.Location(), StringComparison.Ordinal);

        // The lead sees it in the queue and approves it.
        var queue = await lead.GetPageAsync("/exceptions");
        Assert.NotNull(queue.QuerySelector($"a[href='/exceptions/{requestId}']"));
        var decided = await lead.SubmitFormAsync($"/exceptions/{requestId}", $"/exceptions/{requestId}",
            [new("Decision", "approve"), new("Reason", "Agreed")]);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(RequirementStatus.ExceptionApproved, (await LoadAsync(id)).Requirement("R2")!.Status);
        // Both the request and the decision are audited as the exception, on the project's history.
        var audited = await WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == AuditSubjectType.Exception && a.SubjectId == requestId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.ExceptionRequested, AuditActions.ExceptionDecided], audited.Select(a => a.Action));
        Assert.All(audited, a => Assert.Equal(id, a.ProjectId));
        Assert.Equal(("Requested: Done last year for the whole service area", "Decision: Agreed"), (audited[1].Before, audited[1].After));
        Assert.Contains("Exception for R2", (await commissioner.GetPageAsync($"/projects/{id}")).QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        // A lead who asks for an exception cannot decide it.
        var leadsOwn = await CreateProjectAsync(lead, "Lead's own project", "40000");
        await lead.SubmitFormAsync($"/projects/{leadsOwn}/requirements/R1/exception", $"/projects/{leadsOwn}/requirements/R1/exception", [new("Reason", "Mine")]);
        var ownRequest = (await LoadAsync(leadsOwn)).Requirement("R1")!.Exceptions.Single().Id;
        var ownPage = await lead.GetPageAsync($"/exceptions/{ownRequest}");
        Assert.Null(ownPage.QuerySelector("form[action='/exceptions/" + ownRequest + "']"));
        var token = (await lead.GetPageAsync("/exceptions/" + requestId)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await lead.GetPageAsync("/projects/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("Decision", "approve"), new("Reason", "Self"), new("__RequestVerificationToken", token)]);
        var selfDecision = await lead.PostAsync(new Uri($"/exceptions/{ownRequest}", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, selfDecision.StatusCode);
        Assert.Contains("another co-production lead must decide", (await selfDecision.ReadPageAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequirementStatus.ExceptionRequested, (await LoadAsync(leadsOwn)).Requirement("R1")!.Status);
    }

    [Fact]
    public async Task Evidence_RecordedFromAnActivity_LinksToTheActivityOnTheProjectPage()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Evidence from an activity", "40000");
        await PostEvidenceAsync(client, id, "R2", "Typed in by hand", "1", "11", "2026", "3", null);
        var activityId = await CompletedActivityAsync(id, "R1", "Listening event with carers");

        var recorded = await client.SubmitFormAsync($"/manage/activities/{activityId}", $"/manage/activities/{activityId}/record-evidence", []);

        Assert.Equal($"/projects/{id}#requirement-R1", recorded.Location());
        Assert.Equal(activityId, (await LoadAsync(id)).Requirement("R1")!.Evidence.Single().ActivityId);
        var page = await client.GetPageAsync($"/projects/{id}");
        var link = page.QuerySelector($"#requirement-R1 a[href='/manage/activities/{activityId}']");
        Assert.NotNull(link);
        Assert.Equal("Listening event with carers", link.TextContent.Trim());
        Assert.Equal("Recorded from activity: Listening event with carers", link.ParentElement!.TextContent.Trim());
        // Evidence typed in by hand came from no activity.
        Assert.Null(page.QuerySelector("#requirement-R2 a[href^='/manage/activities/']"));
    }

    /// <summary>A finished activity for the project's requirement, with one person who attended, made directly in the database.</summary>
    private async Task<int> CompletedActivityAsync(int projectId, string requirementCode, string title) => await WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var date = DateOnly.FromDateTime(now).AddDays(-5);
        var organiser = await db.Users.Where(u => u.Email == DemoUsers.EmailFor(Roles.Commissioner)).Select(u => u.Id).SingleAsync();
        var person = await db.ExpertProfiles.Where(p => p.ContactEmail == DemoUsers.EmailFor(Roles.ExpertByExperience)).Select(p => p.Id).SingleAsync();
        var activity = new Activity(projectId, title, ActivityType.Workshop, "A listening event.",
            new ActivitySchedule(date, new TimeOnly(10, 0), new TimeOnly(12, 0), date.AddDays(-3)),
            new ActivityPlace(ActivityMode.Online, null, null, null), 2, [LivedExperienceArea.Carer], LadderRung.CoProduction, isPaid: true, organiser, now);
        activity.LinkToRequirement(requirementCode, now);
        // Its history happened before its day: opened, asked for and confirmed then.
        var before = now.AddDays(-8);
        activity.MoveTo(ActivityStatus.Open, before);
        activity.RequestPlace(person, true, string.Empty, before);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        activity.Confirm(activity.SignUps.Single().Id, true, null, before);
        activity.MoveTo(ActivityStatus.Completed, now);
        activity.RecordAttendance(activity.SignUps.Single().Id, Attendance.Attended, new TimeGiven(120), new SessionNotes(null, null, null), organiser, now);
        await db.SaveChangesAsync();
        return activity.Id;
    });

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    [Fact]
    public async Task Edit_RaisingValue_ReassessesKeepsEvidenceAndAudits()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Raise me", "650000");
        await PostEvidenceAsync(client, id, "R1", "Findings reviewed", "1", "11", "2026", "4", null);

        var fields = ProjectFields("Raise me", "3500000");
        var response = await client.SubmitFormAsync($"/projects/{id}/edit", $"/projects/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync($"/projects/{id}");
        Assert.Contains("Now required: Appreciative Enquiry interviews, by the end of Analyse.", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var project = await LoadAsync(id);
        Assert.Equal(5, project.Tier);
        Assert.Equal(RequirementStatus.Evidenced, project.Requirement("R1")!.Status);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var audit = await db.AuditEntries.Where(a => a.ProjectId == id && a.Action == AuditActions.ValueChanged).SingleAsync();
        Assert.Equal("£650,000 (tier 4)", audit.Before);
        Assert.Equal("£3,500,000 (tier 5)", audit.After);
    }

    [Fact]
    public async Task Edit_FromAStaleForm_IsRefusedAndNothingIsOverwritten()
    {
        var sam = await portal.ClientForAsync(Roles.Commissioner);
        var lead = await portal.ClientForAsync(Roles.CoProductionLead);
        var id = await CreateProjectAsync(sam, "Two editors", "650000");
        var samsForm = await sam.GetPageAsync($"/projects/{id}/edit");
        var samsVersion = samsForm.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var samsToken = samsForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // The lead raises the value first.
        await lead.SubmitFormAsync($"/projects/{id}/edit", $"/projects/{id}/edit", [.. ProjectFields("Two editors", "3500000"), new("Version", await CurrentVersionAsync(lead, id))]);
        // Sam saves a title change from the form loaded before that.
        using var stale = new FormUrlEncodedContent([.. ProjectFields("Two editors, renamed", "650000"), new("Version", samsVersion), new("__RequestVerificationToken", samsToken)]);
        var response = await sam.PostAsync(new Uri($"/projects/{id}/edit", UriKind.Relative), stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Someone else changed this at the same time", (await response.ReadPageAsync()).QuerySelector("h1")?.TextContent.Trim());
        var project = await LoadAsync(id);
        Assert.Equal(("Two editors", Money.FromPounds(3_500_000m), 5), (project.Title, project.EstimatedValue, project.Tier));
    }

    [Fact]
    public async Task MoveStage_SubmittedTwice_MovesOnlyOnce()
    {
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var id = await CreateProjectAsync(client, "Double click", "40000");
        foreach (var code in new[] { "R1", "R2", "R3" })
        {
            await PostEvidenceAsync(client, id, code, "Done with the forum", "1", "11", "2026", "5", null);
        }
        var page = await client.GetPageAsync($"/projects/{id}/next-stage");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("FromStage", page.QuerySelector("input[name=FromStage]")!.GetAttribute("value")!),
            new("Note", ""),
            new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };

        using var first = new FormUrlEncodedContent(fields);
        using var second = new FormUrlEncodedContent(fields);
        await client.PostAsync(new Uri($"/projects/{id}/next-stage", UriKind.Relative), first);
        await client.PostAsync(new Uri($"/projects/{id}/next-stage", UriKind.Relative), second);

        var project = await LoadAsync(id);
        Assert.Equal(CommissioningStage.Plan, project.Stage); // all of Plan's items were met too, yet it did not skip on to Do
        Assert.Single(project.StageMoves);
    }

    [Fact]
    public async Task StartUp_ProjectsWithoutATier_AreAssessedOnce()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var project = new CommissioningProject("From before the rules", "Area", "Summary", await db.Users.Select(u => u.Id).FirstAsync(), Money.FromPounds(650_000m), false, DateTime.UtcNow);
        db.CommissioningProjects.Add(project);
        await db.SaveChangesAsync();
        Assert.Equal(0, project.Tier);

        await DatabaseSetup.AssessUnassessedProjectsAsync(db, TimeProvider.System);
        await DatabaseSetup.AssessUnassessedProjectsAsync(db, TimeProvider.System);

        var saved = await LoadAsync(project.Id);
        Assert.Equal((4, 1, 6), (saved.Tier, saved.RuleSetVersion, saved.Requirements.Count));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.ProjectId == project.Id));
    }

    private static async Task<string> CurrentVersionAsync(HttpClient client, int id) =>
        (await client.GetPageAsync($"/projects/{id}/edit")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    [Fact]
    public async Task AuditLog_IsAppendOnly()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var entry = await db.AuditEntries.FirstAsync();

        db.AuditEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private static async Task<HttpResponseMessage> PostEvidenceAsync(HttpClient client, int id, string code, string what, string day, string month, string year, string? count, (string Name, byte[] Content)? file)
    {
        var url = $"/projects/{id}/requirements/{code}/evidence";
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(what), "WhatWasDone" },
            { new StringContent(day), "DoneOn.Day" },
            { new StringContent(month), "DoneOn.Month" },
            { new StringContent(year), "DoneOn.Year" },
            { new StringContent(""), "Notes" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (count is not null)
        {
            form.Add(new StringContent(count), "LivedExperienceCount");
        }
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "Attachment", f.Name);
        }
        return await client.PostAsync(new Uri(url, UriKind.Relative), form);
    }
}
