using System.Globalization;
using System.Net;
using CoProduce.IntegrationTests.EasyRead;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Features.Feedback;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoProduce.IntegrationTests.Feedback;

/// <summary>
/// Themes, answers and publishing "you said, we did", through the pages as a commissioner uses
/// them, over the real database: what is saved, what is refused and why, who is emailed, and
/// what the public and the people who took part can read.
/// </summary>
public sealed class YouSaidWeDidTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private Task<HttpClient> CommissionerAsync() => portal.ClientForAsync(Roles.Commissioner);

    private async Task<T> WithDbAsync<T>(Func<CoProduceDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoProduceDbContext>());
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> AddToThemeAsync(int projectId, IEnumerable<long> itemIds, string? themeId = null, string? newName = null)
    {
        var client = await CommissionerAsync();
        var fields = itemIds.Select(i => new KeyValuePair<string, string>("ItemIds", Id(i))).ToList();
        fields.Add(new("ThemeId", themeId ?? string.Empty));
        fields.Add(new("NewThemeName", newName ?? string.Empty));
        return await client.SubmitFormAsync(YouSaidWeDidPaths.Feedback(projectId), $"/projects/{projectId}/feedback/themes", fields);
    }

    private async Task<int> NewThemeAsync(FeedbackProject data, string name, params long[] itemIds)
    {
        var response = await AddToThemeAsync(data.ProjectId, itemIds, newName: name);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await WithDbAsync(db => db.FeedbackThemes.Where(t => t.ProjectId == data.ProjectId && t.Name == name).Select(t => t.Id).SingleAsync());
    }

    private async Task<HttpResponseMessage> AnswerAsync(int projectId, int themeId, string kind, string text, DateOnly? by = null)
    {
        var client = await CommissionerAsync();
        var path = YouSaidWeDidPaths.Theme(projectId, themeId);
        return await client.SubmitFormAsync(path, path + "/answer",
        [
            new("Kind", kind), new("Text", text),
            new("By.Day", by?.Day.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            new("By.Month", by?.Month.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            new("By.Year", by?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
        ]);
    }

    private async Task<HttpResponseMessage> PublishAsync(int projectId, bool showOnPublicPage, DateOnly? reviewOn = null)
    {
        var client = await CommissionerAsync();
        List<KeyValuePair<string, string>> fields =
        [
            new("ReviewOn.Day", reviewOn?.Day.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            new("ReviewOn.Month", reviewOn?.Month.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            new("ReviewOn.Year", reviewOn?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
        ];
        if (showOnPublicPage)
        {
            fields.Add(new("ShowOnPublicPage", "true"));
        }
        return await client.SubmitFormAsync(YouSaidWeDidPaths.Feedback(projectId), $"/projects/{projectId}/feedback/publish", fields);
    }

    /// <summary>A project with two themes, both answered, and published.</summary>
    private async Task<FeedbackProject> PublishedAsync(string title, bool showOnPublicPage, bool withJo = false, DateOnly? reviewOn = null)
    {
        var data = await FeedbackData.CreateAsync(portal, title, withJo);
        var forms = await NewThemeAsync(data, "Forms are too hard", data.ItemIds[0], data.ItemIds[1]);
        var breaks = await NewThemeAsync(data, "Breaks at short notice", data.ItemIds[2]);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(data.ProjectId, forms, "WeDid", "We made the form one page long.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(data.ProjectId, breaks, "WeCannotDo", "The law says we must plan breaks two weeks ahead.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(data.ProjectId, showOnPublicPage, reviewOn)).StatusCode);
        return data;
    }

    [Fact]
    public async Task SelectedNotes_GoIntoANewTheme_ThenIntoThatTheme_AndOneCanBeTakenOut()
    {
        var data = await FeedbackData.CreateAsync(portal, "Theming: new and existing");

        var themeId = await NewThemeAsync(data, "Forms are too hard", data.ItemIds[0]);
        var added = await AddToThemeAsync(data.ProjectId, [data.ItemIds[1], data.ItemIds[2]], themeId: Id(themeId));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(3, await WithDbAsync(db => db.FeedbackItems.CountAsync(i => i.ThemeId == themeId)));

        var client = await CommissionerAsync();
        var path = YouSaidWeDidPaths.Theme(data.ProjectId, themeId);
        var taken = await client.PostWithoutButtonAsync(path, $"{path}/notes/{data.ItemIds[2]}/take-out");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Null(await WithDbAsync(db => db.FeedbackItems.Where(i => i.Id == data.ItemIds[2]).Select(i => i.ThemeId).SingleAsync()));

        // The feedback page shows what was said, grouped, and never who said it.
        var page = await client.GetPageAsync(YouSaidWeDidPaths.Feedback(data.ProjectId));
        var html = page.DocumentElement.OuterHtml;
        Assert.Contains(FeedbackData.Notes[2], html, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"input[name=ItemIds][value='{data.ItemIds[2]}']"));
        Assert.Null(page.QuerySelector($"input[name=ItemIds][value='{data.ItemIds[0]}']"));
        Assert.All(data.Attended, person => Assert.DoesNotContain(person.Name, html, StringComparison.Ordinal));
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.ProjectId == data.ProjectId).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.ThemeCreated, audit);
        Assert.Equal(4, audit.Count(a => a == AuditActions.FeedbackThemed));
    }

    [Fact]
    public async Task AddingToATheme_WithNoNotesOrNoTheme_SaysWhatIsMissingByTheField()
    {
        var data = await FeedbackData.CreateAsync(portal, "Theming: mistakes");

        var response = await AddToThemeAsync(data.ProjectId, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        var errors = page.ErrorSummaryLinks();
        // The link lands on the first note's checkbox.
        Assert.Contains($"#{page.QuerySelector("input[name=ItemIds]")!.Id} Select the notes to add to a theme", errors);
        Assert.Contains("#ThemeId Choose a theme, or enter a name for a new theme", errors);
        Assert.Equal(0, await WithDbAsync(db => db.FeedbackThemes.CountAsync(t => t.ProjectId == data.ProjectId)));

        var kept = await (await AddToThemeAsync(data.ProjectId, [data.ItemIds[1]])).ReadPageAsync();
        Assert.NotNull(kept.QuerySelector($"input#note-{data.ItemIds[1]}[checked]"));

        // Notes themed meanwhile (in another tab, by someone else) are not moved.
        var themeId = await NewThemeAsync(data, "Forms", data.ItemIds[0]);
        var again = await AddToThemeAsync(data.ProjectId, [data.ItemIds[0]], newName: "Another");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("The notes you selected have already been put in a theme. Select notes still to theme",
            (await again.ReadPageAsync()).ErrorSummaryLinks().Single());
        Assert.Equal(themeId, await WithDbAsync(db => db.FeedbackItems.Where(i => i.Id == data.ItemIds[0]).Select(i => i.ThemeId).SingleAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.FeedbackThemes.CountAsync(t => t.ProjectId == data.ProjectId)));
        var elsewhere = await FeedbackData.CreateAsync(portal, "Theming: another project's theme");
        var otherTheme = await NewThemeAsync(elsewhere, "Not this project's", elsewhere.ItemIds[0]);
        var wrongTheme = await AddToThemeAsync(data.ProjectId, [data.ItemIds[1]], themeId: Id(otherTheme));
        Assert.Equal(HttpStatusCode.BadRequest, wrongTheme.StatusCode);
        Assert.Contains("#ThemeId Choose one of this project's themes", (await wrongTheme.ReadPageAsync()).ErrorSummaryLinks());
    }

    [Fact]
    public async Task Rename_AndRootCausesAndSuccess_AreSavedWithTheirAudit()
    {
        var data = await FeedbackData.CreateAsync(portal, "Theming: rename and understand");
        var themeId = await NewThemeAsync(data, "Forms", data.ItemIds[0]);
        var client = await CommissionerAsync();
        var path = YouSaidWeDidPaths.Theme(data.ProjectId, themeId);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(path, path + "/rename", [new("ThemeName", "Forms are too hard")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(path, path + "/understand",
            [new("RootCauses", "The form was written for the council's systems."), new("SuccessLooksLike", "Asking for a break takes five minutes.")])).StatusCode);
        var empty = await client.SubmitFormAsync(path, path + "/rename", [new("ThemeName", " ")]);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("#ThemeName Enter the theme's name", (await empty.ReadPageAsync()).ErrorSummaryLinks());
        var theme = await WithDbAsync(db => db.FeedbackThemes.AsNoTracking().SingleAsync(t => t.Id == themeId));
        Assert.Equal(("Forms are too hard", "The form was written for the council's systems.", "Asking for a break takes five minutes."),
            (theme.Name, theme.RootCauses, theme.SuccessLooksLike));
        Assert.Equal(2, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProjectId == data.ProjectId && a.Action == AuditActions.ThemeChanged)));
    }

    [Fact]
    public async Task ThemePage_AdvisesOnHardWordsInTheAnswer_WhichIsPrintedInEasyRead()
    {
        var data = await FeedbackData.CreateAsync(portal, "Theming: plain English");
        var themeId = await NewThemeAsync(data, "Forms", data.ItemIds[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(data.ProjectId, themeId, "WeDid", "We changed the commissioning of the service.")).StatusCode);
        var client = await CommissionerAsync();

        var page = await client.GetPageAsync(YouSaidWeDidPaths.Theme(data.ProjectId, themeId));

        var advice = page.QuerySelector(".app-plain-english-warnings")?.TextContent ?? string.Empty;
        Assert.Contains("Check this wording", advice, StringComparison.Ordinal);
        Assert.Contains("commissioning", advice, StringComparison.Ordinal);
        Assert.Equal("We changed the commissioning of the service.",
            await WithDbAsync(db => db.FeedbackThemes.Where(t => t.Id == themeId).Select(t => t.ResponseText).SingleAsync()));
    }

    [Fact]
    public async Task ATheme_ChangedSinceTheFormWasOpened_IsNotOverwritten()
    {
        var data = await FeedbackData.CreateAsync(portal, "Theming: two people at once");
        var themeId = await NewThemeAsync(data, "Forms", data.ItemIds[0]);
        var client = await CommissionerAsync();
        var path = YouSaidWeDidPaths.Theme(data.ProjectId, themeId);
        var opened = await client.FormAsBrowserWouldSendAsync(path, path + "/answer",
            [new("Kind", "WeDid"), new("Text", "We made the form shorter.")]);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(path, path + "/rename", [new("ThemeName", "Forms are too hard")])).StatusCode);
        using var stale = new FormUrlEncodedContent(opened);
        var response = await client.PostAsync(new Uri(path + "/answer", UriKind.Relative), stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null(await WithDbAsync(db => db.FeedbackThemes.Where(t => t.Id == themeId).Select(t => t.ResponseText).SingleAsync()));
    }

    public static TheoryData<string, string, int?, string?> Answers => new()
    {
        { "WeDid", "We made the form one page long.", null, null },
        { "WeWillDo", "We will start at 11am.", 30, null },
        { "WeCannotDo", "The law says we must check everyone's money.", null, null },
        { "WeWillDo", "We will start at 11am.", null, "#By Enter the date we will do it by" },
        { "WeWillDo", "We will start at 11am.", 0, "#By The date we will do it by must be in the future" },
        { "WeCannotDo", "", null, "#Text Enter why we cannot do it, such as a legal duty or the budget" },
        { "", "Something", null, "#Kind Select what kind of answer this is: we did, we will do, or we cannot do" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Answer_IsSavedWhenHonest_OrRefusedByTheField(string kind, string text, int? byInDays, string? error)
    {
        var data = await FeedbackData.CreateAsync(portal, $"Answers: {kind} {byInDays} {error?.Length}");
        var themeId = await NewThemeAsync(data, "A theme", data.ItemIds[0]);

        var response = await AnswerAsync(data.ProjectId, themeId, kind, text, byInDays is { } days ? Today.AddDays(days) : null);

        var theme = await WithDbAsync(db => db.FeedbackThemes.AsNoTracking().SingleAsync(t => t.Id == themeId));
        if (error is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(new ThemeResponse(Enum.Parse<ResponseKind>(kind), text, byInDays is { } d ? Today.AddDays(d) : null), theme.Response);
            Assert.Null(theme.Published);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadPageAsync();
            Assert.Contains(error, page.ErrorSummaryLinks());
            Assert.Equal(text, page.QuerySelector("textarea#Text")!.TextContent.Trim());
            Assert.Null(theme.Response);
        }
    }

    [Fact]
    public async Task Merge_MovesTheNotes_AndIsRefusedForAPublishedTheme()
    {
        var data = await FeedbackData.CreateAsync(portal, "Merging");
        var first = await NewThemeAsync(data, "Forms", data.ItemIds[0], data.ItemIds[1]);
        var second = await NewThemeAsync(data, "Paperwork", data.ItemIds[2]);
        var client = await CommissionerAsync();
        var secondPath = YouSaidWeDidPaths.Theme(data.ProjectId, second);

        var merged = await client.SubmitFormAsync(secondPath, secondPath + "/merge", [new("IntoThemeId", Id(first))]);

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(3, await WithDbAsync(db => db.FeedbackItems.CountAsync(i => i.ThemeId == first)));
        Assert.Equal(first, await WithDbAsync(db => db.FeedbackThemes.Where(t => t.Id == second).Select(t => t.MergedIntoThemeId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(secondPath, UriKind.Relative))).StatusCode);

        // A published theme stays as people were told about it.
        var third = await NewThemeAsync(data, "Times", data.ItemIds[3]);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(data.ProjectId, first, "WeDid", "We made the form shorter.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(data.ProjectId, third, "WeDid", "We moved the meetings.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(data.ProjectId, false)).StatusCode);
        var firstPath = YouSaidWeDidPaths.Theme(data.ProjectId, first);
        // The page no longer offers to merge it: the request comes from a page opened before publishing.
        Assert.Null((await client.GetPageAsync(firstPath)).QuerySelector($"form[action='{firstPath}/merge']"));
        var token = (await client.GetPageAsync(firstPath)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("IntoThemeId", Id(third))]);
        var refused = await client.PostAsync(new Uri(firstPath + "/merge", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("#IntoThemeId This theme's answer has been published, so people have been told about it: it cannot be merged into another",
            (await refused.ReadPageAsync()).ErrorSummaryLinks());
        Assert.Equal(3, await WithDbAsync(db => db.FeedbackItems.CountAsync(i => i.ThemeId == first)));
    }

    [Fact]
    public async Task Publish_IsRefused_WhileAThemeWithNotesHasNoAnswer()
    {
        var data = await FeedbackData.CreateAsync(portal, "Publishing: unanswered");
        var forms = await NewThemeAsync(data, "Forms", data.ItemIds[0]);
        await NewThemeAsync(data, "Unanswered theme", data.ItemIds[1]);
        await AnswerAsync(data.ProjectId, forms, "WeDid", "We made the form shorter.");

        var response = await PublishAsync(data.ProjectId, true, Today);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadPageAsync()).ErrorSummaryLinks();
        Assert.Contains("#publish Answer the theme \"Unanswered theme\" before publishing: say what we did, will do, or cannot do", errors);
        Assert.Contains("#ReviewOn The date to bring the group back must be in the future", errors);
        Assert.False(await WithDbAsync(db => db.YouSaidWeDidPublications.AnyAsync(p => p.ProjectId == data.ProjectId)));
        Assert.Null(await WithDbAsync(db => db.FeedbackThemes.Where(t => t.Id == forms).Select(t => t.PublishedUtc).SingleAsync()));
        Assert.False(await WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ActivityId == data.ActivityId)));
    }

    [Fact]
    public async Task Publish_TellsEachPersonWhoAttendedOnce_WithTheEasyReadPdfForJo_AndProposesAFollowUp()
    {
        var reviewOn = Today.AddDays(60);
        var data = await PublishedAsync("Publishing: the whole way", showOnPublicPage: false, withJo: true, reviewOn: reviewOn);

        var messages = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ActivityId == data.ActivityId).ToListAsync());
        Assert.Equal(data.Attended.Select(p => p.ProfileId).Order(), messages.Select(m => m.ExpertProfileId!.Value).Order());
        Assert.Equal(data.Attended.Select(p => p.Email).Order(), messages.Select(m => m.To!).Order());
        var jo = DemoUsers.EmailFor(Roles.ExpertByExperience);
        Assert.Equal("you-said-we-did/" + data.ProjectId, messages.Single(m => m.To == jo).AttachDocument);
        Assert.All(messages.Where(m => m.To != jo), m => Assert.Null(m.AttachDocument));

        // Themes and publication.
        var themes = await WithDbAsync(db => db.FeedbackThemes.AsNoTracking().Where(t => t.ProjectId == data.ProjectId).ToListAsync());
        Assert.All(themes, t => Assert.Equal(t.Response, t.Published));
        var publication = await WithDbAsync(db => db.YouSaidWeDidPublications.AsNoTracking().SingleAsync(p => p.ProjectId == data.ProjectId));
        Assert.Equal((2, false, (DateOnly?)reviewOn), (publication.AnswerCount, publication.ShowOnPublicPage, publication.ReviewOn));
        var followUp = await WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == publication.FollowUpActivityId));
        Assert.Equal((YouSaidWeDidService.FollowUpTitle, ActivityStatus.Draft, reviewOn, ActivityMode.InPerson, "Central Library", data.ProjectId),
            (followUp.Title, followUp.Status, followUp.Date, followUp.Mode, followUp.Venue, followUp.ProjectId));
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.ProjectId == data.ProjectId).Select(a => a.Action).ToListAsync());
        Assert.Single(audit, AuditActions.YouSaidWeDidPublished);
        Assert.Equal(4, audit.Count(a => a == AuditActions.ThemeAnswered));

        // The page links to the proposed activity.
        var page = await (await CommissionerAsync()).GetPageAsync(YouSaidWeDidPaths.Feedback(data.ProjectId));
        Assert.Contains("published on", page.QuerySelector("#publish")!.ParentElement!.TextContent, StringComparison.OrdinalIgnoreCase);

        // Sent: Jo's email carries the easy-read PDF; the people who did not attend, or only signed up, get nothing.
        await portal.SendQueuedEmailsAsync();
        var joEmail = Mailbox.To(portal.MailFolder, jo).Single(m => m.Subject is { } subject && subject.Contains(data.Title, StringComparison.Ordinal));
        var pdf = joEmail.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "application/pdf");
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        var easyRead = await (await portal.ClientForAsync(Roles.ExpertByExperience)).GetPageAsync(YouSaidWeDidPaths.Mine(data.ProjectId));
        await PdfChecks.AssertEasyReadAsync(content.ToArray(), easyRead, "you-said-we-did-email");
        var other = Mailbox.To(portal.MailFolder, data.Attended[1].Email).Single();
        Assert.Contains(YouSaidWeDidPaths.Mine(data.ProjectId), other.TextBody, StringComparison.Ordinal);
        Assert.Empty(Mailbox.To(portal.MailFolder, data.DidNotAttend.Email));
        Assert.Empty(Mailbox.To(portal.MailFolder, data.OnlySignedUp.Email));

        // Published again with a changed answer and a review date: the proposal still waiting as a draft stands, no second one.
        var theme = themes.First();
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(data.ProjectId, theme.Id, "WeDid", "We changed it again.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(data.ProjectId, showOnPublicPage: false, reviewOn.AddDays(7))).StatusCode);
        var proposals = await WithDbAsync(db => db.YouSaidWeDidPublications.AsNoTracking().Where(p => p.ProjectId == data.ProjectId)
            .Select(p => p.FollowUpActivityId).ToListAsync());
        Assert.Equal([followUp.Id, followUp.Id], proposals);
        Assert.Equal(1, await WithDbAsync(db => db.Activities.CountAsync(a => a.ProjectId == data.ProjectId && a.Title == YouSaidWeDidService.FollowUpTitle)));
    }

    [Fact]
    public async Task Publish_DoesNotWriteToSomeoneWhoWithdrewTheirConsent()
    {
        var data = await FeedbackData.CreateAsync(portal, "Publishing: consent withdrawn");
        var withdrawn = data.Attended[1];
        await WithDbAsync(async db =>
        {
            var person = await db.ExpertProfiles.SingleAsync(p => p.Id == withdrawn.ProfileId);
            person.WithdrawConsent(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var theme = await NewThemeAsync(data, "Forms are too hard", data.ItemIds[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(data.ProjectId, theme, "WeDid", "We made the form one page long.")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(data.ProjectId, showOnPublicPage: false)).StatusCode);

        var told = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ActivityId == data.ActivityId).Select(m => m.ExpertProfileId).ToListAsync());
        Assert.DoesNotContain((int?)withdrawn.ProfileId, told);
        Assert.Contains((int?)data.Attended[0].ProfileId, told);
    }

    [Fact]
    public async Task TheEasyReadDocument_IsForThePeopleWhoTookPart_AndForEveryoneOnlyWhenPublic()
    {
        var data = await PublishedAsync("Easy read: who may read", showOnPublicPage: false, withJo: true);
        var anonymous = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var jo = await portal.ClientForAsync(Roles.ExpertByExperience);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(YouSaidWeDidPaths.Public(data.ProjectId), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(YouSaidWeDidPaths.PublicEasyRead(data.ProjectId), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(YouSaidWeDidPaths.PublicEasyRead(data.ProjectId) + ".pdf", UriKind.Relative))).StatusCode);
        var list = await anonymous.GetStringAsync(new Uri(YouSaidWeDidPaths.PublicList, UriKind.Relative));
        Assert.DoesNotContain(data.Title, list, StringComparison.Ordinal);

        var mine = await jo.GetAsync(new Uri(YouSaidWeDidPaths.Mine(data.ProjectId), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var page = await mine.ReadPageAsync();
        var text = page.Body!.TextContent;
        Assert.Contains("Forms are too hard", text, StringComparison.Ordinal);
        Assert.Contains("We made the form one page long.", text, StringComparison.Ordinal);
        Assert.Contains("The law says we must plan breaks two weeks ahead.", text, StringComparison.Ordinal);
        var pdf = await jo.GetAsync(new Uri(YouSaidWeDidPaths.Mine(data.ProjectId) + ".pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        await PdfChecks.AssertEasyReadAsync(await pdf.Content.ReadAsByteArrayAsync(), page, "you-said-we-did");

        // Someone who did not take part in this project's feedback is not found.
        var without = await PublishedAsync("Easy read: Jo was not there", showOnPublicPage: false);
        Assert.Equal(HttpStatusCode.NotFound, (await jo.GetAsync(new Uri(YouSaidWeDidPaths.Mine(without.ProjectId), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ThePublicPages_ShowThePublishedAnswers_NotADraft()
    {
        var data = await PublishedAsync("Public: shown", showOnPublicPage: true);
        var forms = await WithDbAsync(db => db.FeedbackThemes.Where(t => t.ProjectId == data.ProjectId && t.Name == "Forms are too hard").Select(t => t.Id).SingleAsync());
        // A later draft answer is not shown until it is published.
        await AnswerAsync(data.ProjectId, forms, "WeWillDo", "A draft nobody should see yet.", Today.AddDays(10));
        var anonymous = await portal.ClientForAsync(AccessExpectations.Anonymous);

        var list = await anonymous.GetPageAsync(YouSaidWeDidPaths.PublicList + "?page=1");
        Assert.NotNull(list.QuerySelector($"a[href='{YouSaidWeDidPaths.Public(data.ProjectId)}']"));
        var page = await anonymous.GetPageAsync(YouSaidWeDidPaths.Public(data.ProjectId));
        var text = page.Body!.TextContent;
        Assert.Contains(data.Title, text, StringComparison.Ordinal);
        Assert.Contains("We made the form one page long.", text, StringComparison.Ordinal);
        Assert.Contains("2 notes on what is not working", text, StringComparison.Ordinal);
        Assert.Contains("About the 7 Keys: Freedom, Help.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A draft nobody should see yet.", text, StringComparison.Ordinal);
        // The notes themselves are counted, never quoted: their words were written down in a room, not for the web.
        Assert.All(FeedbackData.Notes, note => Assert.DoesNotContain(note, page.DocumentElement.OuterHtml, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"a[href='{YouSaidWeDidPaths.PublicEasyRead(data.ProjectId)}']"));

        var easyRead = await anonymous.GetPageAsync(YouSaidWeDidPaths.PublicEasyRead(data.ProjectId));
        Assert.DoesNotContain("A draft nobody should see yet.", easyRead.Body!.TextContent, StringComparison.Ordinal);
        var pdf = await anonymous.GetAsync(new Uri(YouSaidWeDidPaths.PublicEasyRead(data.ProjectId) + ".pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        await PdfChecks.AssertEasyReadAsync(await pdf.Content.ReadAsByteArrayAsync(), easyRead, "you-said-we-did-public");
    }
}
