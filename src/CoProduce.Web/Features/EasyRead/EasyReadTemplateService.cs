using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.EasyRead;

/// <summary>A reason a check was not recorded, and the field it is about.</summary>
public sealed record EasyReadCheckProblem(string Field, string Message);

/// <summary>
/// Records that an easy-read template was checked with people with a learning disability: loads
/// the template's row (or starts it, the first time), lets <see cref="EasyReadTemplate.RecordCheck"/>
/// decide, adds the audit entry and saves once. Recording the same check twice does no harm.
/// </summary>
public sealed class EasyReadTemplateService(CoProduceDbContext db, TimeProvider clock)
{
    /// <summary>Returns the problems by field, or none when the check was recorded.</summary>
    public async Task<IReadOnlyList<EasyReadCheckProblem>> RecordCheckAsync(EasyReadDocumentKind kind, DateOnly checkedOn, int activityId, string? note,
        string userId, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var activity = await EasyReadTemplatePages.Held(db, today).Where(a => a.Id == activityId)
            .Select(a => new { a.Id, a.Date }).SingleOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            return [new(nameof(EasyReadCheckForm.ActivityId), "Select the activity where people checked the template")];
        }
        var template = await db.EasyReadTemplates.SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken);
        if ((template ?? new EasyReadTemplate(kind)).ProblemWithCheck(checkedOn, activity.Date, today) is { } problem)
        {
            return [new(nameof(EasyReadCheckForm.CheckedOn), problem)];
        }
        if (template is null)
        {
            template = new EasyReadTemplate(kind);
            db.EasyReadTemplates.Add(template);
        }
        var before = Describe(template);
        template.RecordCheck(checkedOn, activity.Id, activity.Date, note, userId, today, now);
        // What people said stays on the template: the log says only that there was a note.
        db.AuditEntries.Add(new AuditEntry(AuditSubject.EasyReadTemplate(kind), null, AuditActions.EasyReadTemplateChecked,
            $"Easy read template \"{EasyReadTemplateNames.Name(kind)}\" checked with people.", userId, now, before, Describe(template)));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static string Describe(EasyReadTemplate t) => t.LastCheckedOn is { } on
        ? string.Create(CultureInfo.InvariantCulture, $"checked on {on:yyyy-MM-dd} at activity {t.CheckedAtActivityId}{(t.Note is null ? string.Empty : ", with a note")}")
        : "never checked";
}
