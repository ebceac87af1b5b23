using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;

namespace CoProduce.Web.Features.CoProductionStatement;

/// <summary>Records that a project's co-production statement was downloaded, in the project's history.</summary>
public sealed class CoProductionStatementService(CoProduceDbContext db, TimeProvider clock)
{
    public async Task RecordDownloadAsync(int projectId, string userId, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Project(projectId), projectId, AuditActions.StatementDownloaded,
            "Co-production statement downloaded as a PDF.", userId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
