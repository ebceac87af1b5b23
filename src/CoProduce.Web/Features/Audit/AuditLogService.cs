using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Audit;

/// <summary>
/// Records that someone took a copy of the audit log. Reading the log on screen is not recorded
/// (it holds no personal details, and every page view would bury the changes it is there to show);
/// a CSV export takes the log out of the portal, so it is.
/// </summary>
public sealed class AuditLogService(CoProduceDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds the export's own entry and returns the id of the last entry the CSV should hold: the log
    /// as it was when the export was asked for, so the file matches the page the person was looking at.
    /// </summary>
    public async Task<long> RecordExportAsync(AuditQuery query, string byUserId, CancellationToken cancellationToken)
    {
        var upTo = await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        var count = await query.Apply(db.AuditEntries.AsNoTracking()).CountAsync(a => a.Id <= upTo, cancellationToken);
        db.AuditEntries.Add(new AuditEntry(
            AuditSubject.StaffAccount(byUserId), null, AuditActions.AuditLogExported,
            $"Exported {count} audit {(count == 1 ? "entry" : "entries")} as CSV ({query.Describe()}).",
            byUserId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return upTo;
    }
}
