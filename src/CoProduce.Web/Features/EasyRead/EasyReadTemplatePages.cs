using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>The easy-read templates as the lead sees them: their names and their addresses ("how-we-pay").</summary>
public static class EasyReadTemplateNames
{
    public static string Name(EasyReadDocumentKind kind) => kind switch
    {
        EasyReadDocumentKind.Invitation => "Invitation to an activity",
        EasyReadDocumentKind.Bookings => "My bookings",
        EasyReadDocumentKind.Programme => "Public programme of activities",
        EasyReadDocumentKind.Payments => "My payments for a tax year",
        EasyReadDocumentKind.HowWePay => "How we pay you",
        EasyReadDocumentKind.YouSaidWeDid => "You said, we did",
        _ => kind.ToString(),
    };

    /// <summary>"HowWePay" is "how-we-pay" in an address.</summary>
    public static string Slug(EasyReadDocumentKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The kind an address names, or null.</summary>
    public static EasyReadDocumentKind? FromSlug(string? slug) =>
        Enum.GetValues<EasyReadDocumentKind>().Cast<EasyReadDocumentKind?>().FirstOrDefault(k => string.Equals(Slug(k!.Value), slug, StringComparison.Ordinal));
}

/// <summary>The lead's list of easy-read templates and when each was last checked with people.</summary>
public sealed record EasyReadTemplatesPage(IReadOnlyList<EasyReadTemplateRow> Templates);

/// <param name="CheckedOn">The day of the last check, in words; null when it was never checked.</param>
/// <param name="SampleLink">Where to preview it with made-up content; null when there is no preview yet.</param>
public sealed record EasyReadTemplateRow(string Slug, string Name, string? CheckedOn, int? ActivityId, string? ActivityTitle, string? Note, string? SampleLink)
{
    public string CheckLink => $"/easy-read/templates/{Slug}/check";

    public string? ActivityLink => ActivityId is { } id ? $"/manage/activities/{id.ToString(CultureInfo.InvariantCulture)}" : null;
}

/// <summary>The form to record a check, with the activities it could have been done at.</summary>
public sealed record EasyReadCheckPage(string Slug, string Name, EasyReadCheckForm Form, IReadOnlyList<SelectListItem> Activities)
{
    // The form's fields, named as they are posted.
    public Infrastructure.GovUk.DateParts CheckedOn => Form.CheckedOn;
    public string? ActivityId => Form.ActivityId;
    public string? Note => Form.Note;
}

/// <summary>Reads the templates page (two commands) and the check form (one command).</summary>
public sealed class EasyReadTemplatePages(CoProduceDbContext db, TimeProvider clock)
{
    /// <summary>The activities offered on the form: the most recent this many.</summary>
    public const int MostActivities = 50;

    /// <summary>Activities that took place in the last 12 months, up to today: where a check can have been done.</summary>
    public static IQueryable<Activity> Held(CoProduceDbContext db, DateOnly today)
    {
        var since = today.AddMonths(-12);
        return db.Activities.AsNoTracking()
            .Where(a => a.Date <= today && a.Date >= since && a.Status != ActivityStatus.Draft && a.Status != ActivityStatus.Cancelled);
    }

    public async Task<EasyReadTemplatesPage> ListAsync(CancellationToken cancellationToken)
    {
        var checks = await db.EasyReadTemplates.AsNoTracking()
            .Select(t => new { t.Kind, t.LastCheckedOn, t.CheckedAtActivityId, t.Note })
            .ToListAsync(cancellationToken);
        var activityIds = checks.Where(c => c.CheckedAtActivityId is not null).Select(c => c.CheckedAtActivityId!.Value).Distinct().ToList();
        var titles = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        var rows = Enum.GetValues<EasyReadDocumentKind>().Select(kind =>
        {
            var check = checks.SingleOrDefault(c => c.Kind == kind);
            var activityId = check?.CheckedAtActivityId;
            return new EasyReadTemplateRow(
                EasyReadTemplateNames.Slug(kind),
                EasyReadTemplateNames.Name(kind),
                check?.LastCheckedOn is { } on ? Payments.PaymentWords.Date(on) : null,
                activityId,
                activityId is { } id ? titles.GetValueOrDefault(id) : null,
                check?.Note,
                Documents.SampleDocuments.Has(kind) ? $"/easy-read/templates/{EasyReadTemplateNames.Slug(kind)}/sample" : null);
        }).ToList();
        return new EasyReadTemplatesPage(rows);
    }

    public async Task<EasyReadCheckPage> CheckAsync(EasyReadDocumentKind kind, EasyReadCheckForm form, CancellationToken cancellationToken)
    {
        var activities = await Held(db, UkTime.Today(clock))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .Take(MostActivities)
            .Select(a => new { a.Id, a.Title, a.Date })
            .ToListAsync(cancellationToken);
        var items = activities
            .Select(a => new SelectListItem($"{a.Title}, {Payments.PaymentWords.Date(a.Date)}", a.Id.ToString(CultureInfo.InvariantCulture), a.Id.ToString(CultureInfo.InvariantCulture) == form.ActivityId))
            .Prepend(new SelectListItem("Select an activity", string.Empty))
            .ToList();
        return new EasyReadCheckPage(EasyReadTemplateNames.Slug(kind), EasyReadTemplateNames.Name(kind), form, items);
    }
}
