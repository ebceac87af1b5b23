using CoProduce.Web.Data;
using CoProduce.Web.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>
/// Fills a project's easy-read "you said, we did" from what was PUBLISHED (never a draft answer):
/// each live theme with a published answer, and the review date of the latest publication. Who
/// may read it is decided here: anyone when the latest publication is shown on the public page,
/// and the people who took part (attended an activity of the project that has feedback) always.
/// As an email attachment, "you-said-we-did/12" is project 12's. It names nobody.
/// </summary>
public sealed class YouSaidWeDidSource(CoProduceDbContext db, YouSaidWeDidDocument template) : IAttachableDocument
{
    public const string ReferenceKind = "you-said-we-did";

    public string Kind => ReferenceKind;

    public Task<EasyReadDocument?> BuildAsync(IReadOnlyList<int> ids, EasyReadLanguage language, CancellationToken cancellationToken) =>
        ids is [var projectId] ? BuildAsync(projectId, language, cancellationToken) : Task.FromResult<EasyReadDocument?>(null);

    /// <summary>The document for anyone, or null when the project's latest publication is not public.</summary>
    public async Task<EasyReadDocument?> ForPublicAsync(int projectId, EasyReadLanguage language, CancellationToken cancellationToken) =>
        await db.YouSaidWeDidPublications.AsNoTracking().Where(p => p.ProjectId == projectId)
            .OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id).Select(p => (bool?)p.ShowOnPublicPage)
            .FirstOrDefaultAsync(cancellationToken) == true
            ? await BuildAsync(projectId, language, cancellationToken)
            : null;

    /// <summary>The document for someone who took part, or null when the signed-in person did not.</summary>
    public async Task<EasyReadDocument?> ForAccountAsync(int projectId, string userId, EasyReadLanguage language, CancellationToken cancellationToken) =>
        await TookPartAsync(projectId, userId, cancellationToken) ? await BuildAsync(projectId, language, cancellationToken) : null;

    /// <summary>Whether the person attended an activity of the project that has feedback notes.</summary>
    public Task<bool> TookPartAsync(int projectId, string userId, CancellationToken cancellationToken) =>
        Feedback.TookPart.In(db, projectId).AsNoTracking()
            .AnyAsync(s => db.ExpertProfiles.Any(p => p.Id == s.ExpertProfileId && p.UserId == userId), cancellationToken);

    /// <summary>The document from the published answers, or null when nothing has been published for the project.</summary>
    public async Task<EasyReadDocument?> BuildAsync(int projectId, EasyReadLanguage language, CancellationToken cancellationToken) =>
        await ContentAsync(projectId, cancellationToken) is { } content ? template.Build(content, language) : null;

    public async Task<YouSaidWeDidContent?> ContentAsync(int projectId, CancellationToken cancellationToken)
    {
        var project = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Title,
                Latest = db.YouSaidWeDidPublications.Where(y => y.ProjectId == p.Id)
                    .OrderByDescending(y => y.PublishedUtc).ThenByDescending(y => y.Id)
                    .Select(y => new { y.ReviewOn }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (project?.Latest is null)
        {
            return null;
        }
        var themes = await db.FeedbackThemes.AsNoTracking()
            .Where(t => t.ProjectId == projectId && t.MergedIntoThemeId == null && t.PublishedKind != null)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Name, t.PublishedKind, t.PublishedText, t.PublishedBy })
            .ToListAsync(cancellationToken);
        return new YouSaidWeDidContent(project.Title, project.Latest.ReviewOn, themes
            .Select(t => new YouSaidWeDidTheme(t.Name, t.PublishedKind switch
            {
                ResponseKind.WeDid => YouSaidWeDidResponse.Did(t.PublishedText ?? string.Empty),
                ResponseKind.WeWillDo when t.PublishedBy is { } by => YouSaidWeDidResponse.WillDo(t.PublishedText ?? string.Empty, by),
                ResponseKind.WeWillDo => YouSaidWeDidResponse.Did(t.PublishedText ?? string.Empty) with { Answer = YouSaidWeDidAnswer.WillDo },
                _ => YouSaidWeDidResponse.CannotDo(t.Name, t.PublishedText ?? string.Empty),
            }))
            .ToList());
    }
}
