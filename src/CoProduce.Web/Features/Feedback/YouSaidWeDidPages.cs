using CoProduce.Web.Data;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Feedback;

/// <summary>Where the "you said, we did" pages are.</summary>
public static class YouSaidWeDidPaths
{
    public const string PublicList = "/you-said-we-did";

    public static string Public(int projectId) => FormattableString.Invariant($"/you-said-we-did/{projectId}");

    public static string PublicEasyRead(int projectId) => FormattableString.Invariant($"/you-said-we-did/{projectId}/easy-read");

    public static string Mine(int projectId) => FormattableString.Invariant($"/my-involvement/you-said-we-did/{projectId}");

    public static string Feedback(int projectId) => FormattableString.Invariant($"/projects/{projectId}/feedback");

    public static string Theme(int projectId, int themeId) => FormattableString.Invariant($"/projects/{projectId}/feedback/themes/{themeId}");
}

/// <summary>
/// Reads the feedback and "you said, we did" pages as flat records. Staff pages never show who
/// said a note (themes are worked on from what was said); public pages show no personal data at
/// all. Each page sends the same number of SQL commands whatever the project holds.
/// </summary>
public sealed class YouSaidWeDidPages(CoProduceDbContext db)
{
    public const int PublicPageSize = 20;

    /// <summary>The project's feedback page, or null when there is no such project.</summary>
    /// <param name="publishForm">The publish form being shown again, or null for a fresh one (public or not as last time).</param>
    public async Task<FeedbackPageModel?> FeedbackAsync(int projectId, AddToThemeForm addForm, PublishForm? publishForm, CancellationToken cancellationToken)
    {
        var project = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Title, p.ServiceArea,
                Latest = db.YouSaidWeDidPublications.Where(y => y.ProjectId == p.Id)
                    .OrderByDescending(y => y.PublishedUtc).ThenByDescending(y => y.Id)
                    .Select(y => new PublicationSummary(y.PublishedUtc, y.AnswerCount, y.ShowOnPublicPage, y.ReviewOn, y.FollowUpActivityId))
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }
        // Never who said it: the speaker is not read at all.
        var items = await db.FeedbackItems.AsNoTracking().Where(i => i.ProjectId == projectId)
            .Join(db.Activities, i => i.ActivityId, a => a.Id, (i, a) => new { i.Id, i.ActivityId, a.Title, a.Date, i.Kind, i.Text, i.Keys, i.ThemeId })
            .OrderBy(i => i.Date).ThenBy(i => i.ActivityId).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var themes = await db.FeedbackThemes.AsNoTracking().Where(t => t.ProjectId == projectId && t.MergedIntoThemeId == null)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);

        var unthemed = items.Where(i => i.ThemeId is null)
            .GroupBy(i => new { i.ActivityId, i.Title, i.Date })
            .Select(g => new ActivityNotes(g.Key.ActivityId, g.Key.Title, g.Key.Date,
                g.GroupBy(i => i.Kind).OrderBy(k => k.Key).Select(k => new KindNotes(k.Key, k.Select(i => new UnthemedNote(i.Id, i.Text, i.Keys, i.Title)).ToList())).ToList()))
            .ToList();
        var byTheme = items.Where(i => i.ThemeId is not null).ToLookup(i => i.ThemeId!.Value);
        var themeRows = themes.Select(t => new ThemeSummary(t.Id, t.Name, t.RootCauses, t.SuccessLooksLike, t.Response, t.Published, t.HasUnpublishedResponse,
                byTheme[t.Id].OrderBy(i => i.Kind).Select(i => new UnthemedNote(i.Id, i.Text, i.Keys, i.Title, i.Kind)).ToList()))
            .ToList();
        return new FeedbackPageModel(projectId, project.Title, project.ServiceArea, unthemed, themeRows, project.Latest, addForm,
            publishForm ?? new PublishForm { ShowOnPublicPage = project.Latest?.ShowOnPublicPage ?? false });
    }

    /// <summary>One theme's page, or null when it is not a live theme of the project.</summary>
    public async Task<ThemePageModel?> ThemeAsync(int projectId, int themeId, ThemeForms forms, CancellationToken cancellationToken)
    {
        var themes = await db.FeedbackThemes.AsNoTracking().Where(t => t.ProjectId == projectId && t.MergedIntoThemeId == null)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        if (themes.SingleOrDefault(t => t.Id == themeId) is not { } theme)
        {
            return null;
        }
        var projectTitle = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var notes = await db.FeedbackItems.AsNoTracking().Where(i => i.ThemeId == themeId)
            .Join(db.Activities, i => i.ActivityId, a => a.Id, (i, a) => new { i.Id, i.Kind, i.Text, i.Keys, a.Title, a.Date })
            .OrderBy(i => i.Date).ThenBy(i => i.Id)
            .Select(i => new UnthemedNote(i.Id, i.Text, i.Keys, i.Title, i.Kind))
            .ToListAsync(cancellationToken);
        // The questions in their own order (the database holds their names).
        notes = [.. notes.OrderBy(n => n.Kind)];
        return new ThemePageModel(projectId, projectTitle, theme.Id, theme.Name, theme.Version, theme.RootCauses, theme.SuccessLooksLike,
            theme.Response, theme.Published, theme.PublishedUtc, notes,
            themes.Where(t => t.Id != themeId).Select(t => new ThemeChoice(t.Id, t.Name)).ToList(),
            forms with
            {
                Rename = forms.Rename ?? new RenameThemeForm { ThemeName = theme.Name, Version = theme.Version },
                Understand = forms.Understand ?? new UnderstandThemeForm { RootCauses = theme.RootCauses, SuccessLooksLike = theme.SuccessLooksLike, Version = theme.Version },
                Answer = forms.Answer ?? AnswerThemeForm.From(theme),
                Merge = forms.Merge ?? new MergeThemeForm(),
            })
        {
            // The theme's name and answer are printed as they are in the easy-read "you said, we did".
            EasyReadWarnings = [.. Domain.EasyRead.PlainEnglishChecker.Check(theme.Name), .. Domain.EasyRead.PlainEnglishChecker.Check(theme.ResponseText ?? string.Empty)],
        };
    }

    /// <summary>Projects whose latest publication is public, newest first, paged by the database.</summary>
    public async Task<PublicListModel> PublicListAsync(int page, CancellationToken cancellationToken)
    {
        var latest = db.YouSaidWeDidPublications.AsNoTracking()
            .Where(y => !db.YouSaidWeDidPublications.Any(later => later.ProjectId == y.ProjectId
                && (later.PublishedUtc > y.PublishedUtc || (later.PublishedUtc == y.PublishedUtc && later.Id > y.Id))))
            .Where(y => y.ShowOnPublicPage);
        var paging = Paging.Of(await latest.CountAsync(cancellationToken), PublicPageSize, page);
        var rows = await latest.OrderByDescending(y => y.PublishedUtc).ThenByDescending(y => y.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Join(db.CommissioningProjects, y => y.ProjectId, p => p.Id, (y, p) => new PublicProjectRow(p.Id, p.Title, p.ServiceArea, y.PublishedUtc, y.AnswerCount))
            .ToListAsync(cancellationToken);
        return new PublicListModel(rows, paging);
    }

    /// <summary>A project's public "you said, we did", or null when its latest publication is not public. No personal data.</summary>
    public async Task<PublicProjectModel?> PublicProjectAsync(int projectId, CancellationToken cancellationToken)
    {
        var project = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Title, p.ServiceArea, p.Summary,
                Latest = db.YouSaidWeDidPublications.Where(y => y.ProjectId == p.Id)
                    .OrderByDescending(y => y.PublishedUtc).ThenByDescending(y => y.Id)
                    .Select(y => new { y.PublishedUtc, y.ShowOnPublicPage, y.ReviewOn }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (project?.Latest is not { ShowOnPublicPage: true } latest)
        {
            return null;
        }
        var themes = await db.FeedbackThemes.AsNoTracking()
            .Where(t => t.ProjectId == projectId && t.MergedIntoThemeId == null && t.PublishedKind != null)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.PublishedKind, t.PublishedText, t.PublishedBy })
            .ToListAsync(cancellationToken);
        var themeIds = themes.Select(t => t.Id).ToList();
        // What people said, in summary, counted by the database: never their words (a note can hold
        // details about a person that were fine in a room but not on the web) and never who said it.
        var counts = await db.FeedbackItems.AsNoTracking().Where(i => i.ThemeId != null && themeIds.Contains(i.ThemeId.Value))
            .GroupBy(i => new { ThemeId = i.ThemeId!.Value, i.Kind, i.Keys })
            .Select(g => new { g.Key.ThemeId, g.Key.Kind, g.Key.Keys, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byTheme = counts.ToLookup(c => c.ThemeId);
        return new PublicProjectModel(projectId, project.Title, project.ServiceArea, project.Summary, latest.PublishedUtc, latest.ReviewOn,
            themes.Select(t => new PublicTheme(t.Name,
                FeedbackKinds.InOrder.Select(k => new KindCount(k, byTheme[t.Id].Where(c => c.Kind == k).Sum(c => c.Count))).Where(k => k.Count > 0).ToList(),
                SevenKeysInfo.Combine(byTheme[t.Id].Select(c => c.Keys)),
                new ThemeResponse(t.PublishedKind!.Value, t.PublishedText ?? string.Empty, t.PublishedBy))).ToList());
    }
}

public sealed record PublicationSummary(DateTime PublishedUtc, int AnswerCount, bool ShowOnPublicPage, DateOnly? ReviewOn, int? FollowUpActivityId);

public sealed record UnthemedNote(long Id, string Text, SevenKeys Keys, string ActivityTitle, FeedbackKind Kind = FeedbackKind.Working);

public sealed record KindNotes(FeedbackKind Kind, IReadOnlyList<UnthemedNote> Notes);

public sealed record ActivityNotes(int ActivityId, string Title, DateOnly Date, IReadOnlyList<KindNotes> Kinds);

public sealed record ThemeSummary(int Id, string Name, string? RootCauses, string? SuccessLooksLike, ThemeResponse? Response, ThemeResponse? Published,
    bool HasUnpublishedResponse, IReadOnlyList<UnthemedNote> Notes);

public sealed record FeedbackPageModel(int ProjectId, string ProjectTitle, string ServiceArea, IReadOnlyList<ActivityNotes> Unthemed,
    IReadOnlyList<ThemeSummary> Themes, PublicationSummary? Latest, AddToThemeForm AddForm, PublishForm PublishForm)
{
    public int UnthemedCount => Unthemed.Sum(a => a.Kinds.Sum(k => k.Notes.Count));
}

public sealed record ThemeChoice(int Id, string Name);

/// <summary>The forms of a theme's page; a form being shown again after a mistake keeps what was typed.</summary>
public sealed record ThemeForms(RenameThemeForm? Rename = null, UnderstandThemeForm? Understand = null, AnswerThemeForm? Answer = null, MergeThemeForm? Merge = null);

public sealed record ThemePageModel(int ProjectId, string ProjectTitle, int ThemeId, string Name, Guid Version, string? RootCauses, string? SuccessLooksLike,
    ThemeResponse? Response, ThemeResponse? Published, DateTime? PublishedUtc, IReadOnlyList<UnthemedNote> Notes, IReadOnlyList<ThemeChoice> OtherThemes, ThemeForms Forms)
{
    /// <summary>The plain-English checker's advice on the name and answer, which people read in easy read.</summary>
    public IReadOnlyList<Domain.EasyRead.PlainEnglishWarning> EasyReadWarnings { get; init; } = [];
}

public sealed record PublicProjectRow(int ProjectId, string Title, string ServiceArea, DateTime PublishedUtc, int AnswerCount);

public sealed record PublicListModel(IReadOnlyList<PublicProjectRow> Rows, Paging Paging);

public sealed record KindCount(FeedbackKind Kind, int Count);

public sealed record PublicTheme(string Name, IReadOnlyList<KindCount> Said, SevenKeys Keys, ThemeResponse Answer);

public sealed record PublicProjectModel(int ProjectId, string Title, string ServiceArea, string Summary, DateTime PublishedUtc, DateOnly? ReviewOn,
    IReadOnlyList<PublicTheme> Themes);
