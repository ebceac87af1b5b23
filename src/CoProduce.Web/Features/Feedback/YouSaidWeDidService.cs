using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// What happens to feedback after it is written down: grouping it into themes, understanding and
/// answering each theme, and publishing "you said, we did". It loads, lets the domain decide,
/// writes the audit entry beside each change and saves once (twice in one transaction where a
/// new row's id is needed).
/// </summary>
public sealed class YouSaidWeDidService(CoProduceDbContext db, TimeProvider clock, YouSaidWeDidNotifier notifier)
{
    public const string FollowUpTitle = "Back together: what changed since you told us";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<FeedbackTheme?> LoadThemeAsync(int projectId, int themeId, CancellationToken cancellationToken) =>
        db.FeedbackThemes.SingleOrDefaultAsync(t => t.Id == themeId && t.ProjectId == projectId && t.MergedIntoThemeId == null, cancellationToken);

    /// <summary>
    /// Puts the chosen notes of the project that are still to theme into a theme: an existing live
    /// theme, or a new one with the given name. Others (another project's, or themed meanwhile by
    /// someone else) are left alone. Returns the theme, or the field and reason it could not be done.
    /// </summary>
    public async Task<(int? ThemeId, int Added, string? Field, string? Problem)> AddToThemeAsync(int projectId, IReadOnlyCollection<long> itemIds, int? themeId,
        string? newThemeName, string userId, CancellationToken cancellationToken)
    {
        var items = await db.FeedbackItems.Where(i => i.ProjectId == projectId && i.ThemeId == null && itemIds.Contains(i.Id)).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return (null, 0, "ItemIds", "The notes you selected have already been put in a theme. Select notes still to theme");
        }
        FeedbackTheme? theme;
        if (themeId is { } id)
        {
            theme = await LoadThemeAsync(projectId, id, cancellationToken);
            if (theme is null)
            {
                return (null, 0, "ThemeId", "Choose one of this project's themes");
            }
        }
        else
        {
            theme = new FeedbackTheme(projectId, newThemeName!, userId, Now);
            db.FeedbackThemes.Add(theme);
        }
        await InOneTransactionAsync(() =>
        {
            if (themeId is null)
            {
                db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackTheme(theme.Id), projectId, AuditActions.ThemeCreated,
                    $"Theme \"{theme.Name}\" created.", userId, Now));
            }
            foreach (var item in items)
            {
                var before = item.ThemeId;
                item.PutInTheme(theme.Id, Now);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackItem(item.Id), projectId, AuditActions.FeedbackThemed,
                    $"Note put in the theme \"{theme.Name}\".", userId, Now, before?.ToString(System.Globalization.CultureInfo.InvariantCulture), theme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }, cancellationToken);
        return (theme.Id, items.Count, null, null);
    }

    /// <summary>Takes a note out of its theme, back to the notes still to theme. Returns false when it is not in this theme.</summary>
    public async Task<bool> TakeOutAsync(FeedbackTheme theme, long itemId, string userId, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.SingleOrDefaultAsync(i => i.Id == itemId && i.ThemeId == theme.Id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        item.TakeOutOfTheme(Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackItem(item.Id), theme.ProjectId, AuditActions.FeedbackThemed,
            $"Note taken out of the theme \"{theme.Name}\".", userId, Now, theme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task RenameAsync(FeedbackTheme theme, string name, Guid editedVersion, string userId, CancellationToken cancellationToken)
    {
        db.Entry(theme).Property(t => t.Version).OriginalValue = editedVersion;
        var before = theme.Name;
        theme.Rename(name, Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackTheme(theme.Id), theme.ProjectId, AuditActions.ThemeChanged,
            "Theme renamed.", userId, Now, before, theme.Name));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnderstandAsync(FeedbackTheme theme, string? rootCauses, string? successLooksLike, Guid editedVersion, string userId, CancellationToken cancellationToken)
    {
        db.Entry(theme).Property(t => t.Version).OriginalValue = editedVersion;
        theme.Understand(rootCauses, successLooksLike, Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackTheme(theme.Id), theme.ProjectId, AuditActions.ThemeChanged,
            $"Root causes and what success looks like recorded for \"{theme.Name}\".", userId, Now,
            after: $"Root causes: {theme.RootCauses ?? "none"}. Success: {theme.SuccessLooksLike ?? "none"}"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves the theme's answer, which the form's validator has checked against <see cref="ResponseRules"/>.</summary>
    public async Task AnswerAsync(FeedbackTheme theme, ThemeResponse response, Guid editedVersion, string userId, CancellationToken cancellationToken)
    {
        db.Entry(theme).Property(t => t.Version).OriginalValue = editedVersion;
        var before = Describe(theme.Response);
        theme.Respond(response.Kind, response.Text, response.By, UkTime.Today(clock), Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackTheme(theme.Id), theme.ProjectId, AuditActions.ThemeAnswered,
            $"Answer written for \"{theme.Name}\" (not yet published).", userId, Now, before, Describe(theme.Response)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Merges the theme into another of the project's live themes: its notes move there. Returns why
    /// it cannot be merged, or null when it was.
    /// </summary>
    public async Task<string?> MergeAsync(FeedbackTheme theme, int intoThemeId, string userId, CancellationToken cancellationToken)
    {
        if (theme.PublishedUtc is not null)
        {
            return "This theme's answer has been published, so people have been told about it: it cannot be merged into another";
        }
        var into = await LoadThemeAsync(theme.ProjectId, intoThemeId, cancellationToken);
        if (into is null || into.Id == theme.Id)
        {
            return "Select another theme of this project to merge into";
        }
        theme.MergeInto(into, Now);
        var moved = await db.FeedbackItems.Where(i => i.ThemeId == theme.Id).ToListAsync(cancellationToken);
        foreach (var item in moved)
        {
            item.PutInTheme(into.Id, Now);
        }
        db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackTheme(into.Id), theme.ProjectId, AuditActions.ThemesMerged,
            $"Theme \"{theme.Name}\" merged into \"{into.Name}\": {moved.Count} note(s) moved.", userId, Now, theme.Name, into.Name));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Publishes the project's new answers: each theme's answer becomes its published one, a
    /// publication is recorded, everyone who took part is told (through the outbox), and, with a
    /// review date, a draft follow-up activity is proposed. All in one transaction.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(int projectId, bool showOnPublicPage, DateOnly? reviewOn, string userId, CancellationToken cancellationToken)
    {
        var project = await db.CommissioningProjects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return PublishOutcome.NotFound;
        }
        var themes = await db.FeedbackThemes.Where(t => t.ProjectId == projectId && t.MergedIntoThemeId == null).ToListAsync(cancellationToken);
        var counts = await db.FeedbackItems.Where(i => i.ProjectId == projectId && i.ThemeId != null)
            .GroupBy(i => i.ThemeId!.Value).Select(g => new { ThemeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ThemeId, g => g.Count, cancellationToken);
        var problems = YouSaidWeDidRules.CheckPublish(themes.Select(t => (t, counts.GetValueOrDefault(t.Id))), reviewOn, UkTime.Today(clock));
        if (problems.Count > 0)
        {
            return new PublishOutcome(problems, null, 0);
        }

        // A theme with no notes left (all taken out) has nothing people said to answer: it is not published.
        var published = themes.Where(t => counts.GetValueOrDefault(t.Id) > 0 && t.Publish(Now)).ToList();
        var publication = new YouSaidWeDidPublication(projectId, published.Count, showOnPublicPage, reviewOn, userId, Now);
        db.YouSaidWeDidPublications.Add(publication);
        var followUp = reviewOn is { } date ? await ProposeFollowUpAsync(projectId, date, userId, cancellationToken) : null;
        foreach (var theme in published)
        {
            db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackTheme(theme.Id), projectId, AuditActions.ThemeAnswered,
                $"Answer to \"{theme.Name}\" published.", userId, Now, after: Describe(theme.Published)));
        }
        var told = await notifier.EnqueueAsync(projectId, project.Title, reviewOn, cancellationToken);
        await InOneTransactionAsync(() =>
        {
            if (followUp is not null)
            {
                publication.ProposeFollowUp(followUp.Id);
            }
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(projectId), projectId, AuditActions.YouSaidWeDidPublished,
                $"You said, we did published: {published.Count} answer(s); {told} people who took part told" +
                (showOnPublicPage ? "; shown on the public page" : "; not on the public page") +
                (reviewOn is { } on ? $"; the group comes back on {on.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}" : string.Empty) + ".",
                userId, Now, after: followUp is null ? null : $"Follow-up activity {followUp.Id} proposed as a draft"));
        }, cancellationToken);
        return new PublishOutcome([], followUp?.Id, told);
    }

    /// <summary>
    /// A draft activity on the review date, copying how and where from the latest activity that had
    /// feedback. When the last publication's proposal is still a draft, that one stands: publishing
    /// again does not pile up drafts for an organiser to clear.
    /// </summary>
    private async Task<Activity?> ProposeFollowUpAsync(int projectId, DateOnly reviewOn, string userId, CancellationToken cancellationToken)
    {
        var stillDraft = await db.YouSaidWeDidPublications.AsNoTracking()
            .Where(p => p.ProjectId == projectId && p.FollowUpActivityId != null)
            .OrderByDescending(p => p.PublishedUtc).ThenByDescending(p => p.Id)
            .Select(p => p.FollowUpActivityId)
            .Take(1)
            .Join(db.Activities.Where(a => a.Status == ActivityStatus.Draft), id => id, a => a.Id, (_, a) => a)
            .FirstOrDefaultAsync(cancellationToken);
        if (stillDraft is not null)
        {
            return stillDraft;
        }
        var source = await db.Activities.AsNoTracking()
            .Where(a => a.ProjectId == projectId && db.FeedbackItems.Any(i => i.ActivityId == a.Id))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return null;
        }
        var activity = new Activity(projectId, FollowUpTitle, source.Type,
            "We come back together to hear what changed since you told us, and whether it is working. Proposed when \"you said, we did\" was published: complete the details and open it.",
            new ActivitySchedule(reviewOn, source.StartTime, source.EndTime, reviewOn),
            new ActivityPlace(source.Mode, source.Venue, source.AccessInformation, source.JoiningInstructions),
            source.Places, source.LivedExperienceSought, source.Rung, source.IsPaid, userId, Now);
        db.Activities.Add(activity);
        return activity;
    }

    private static string? Describe(ThemeResponse? response) => response is null
        ? null
        : response.Kind.Describe() + (response.By is { } by ? $" by {by.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}" : string.Empty) + ": " + response.Text;

    /// <summary>Saves, then adds what needs the new rows' ids and saves again, in one transaction.</summary>
    private Task InOneTransactionAsync(Action afterIds, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            afterIds();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
}

/// <summary>What publishing did: the problems that stopped it, or the follow-up activity proposed and how many people were told.</summary>
public sealed record PublishOutcome(IReadOnlyList<PublishProblem> Problems, int? FollowUpActivityId, int PeopleTold)
{
    public static readonly PublishOutcome NotFound = new([new PublishProblem(string.Empty, "There is no such project")], null, 0);

    public bool Published => Problems.Count == 0;
}
