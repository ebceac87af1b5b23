using System.Globalization;
using System.Text;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduce.Web.Features.Audit;

/// <summary>One person whose special category data a page showed, and which kinds.</summary>
public sealed record SpecialCategoryView(int ExpertProfileId, SpecialCategory Shown);

/// <summary>
/// Records every time a member of staff is shown a person's special category data (access needs,
/// lived experience, benefit warnings, bank details): one audit entry per person shown, action
/// <see cref="AuditActions.SpecialCategoryViewed"/>, naming the kinds and the page, never the
/// data. Nothing is recorded for a person looking at their own data, or for a page that showed
/// none.
/// </summary>
/// <remarks>
/// A list page shows many people, and a page must send the same number of SQL commands however
/// many it shows. EF Core sends one INSERT for each new row on SQLite (it does not batch them, and
/// each must read back its id), so the entries are written with one INSERT … SELECT instead: it
/// reads the people from ExpertProfiles by id, leaves out the viewer's own profile in the same
/// statement, and adds a row for each. A page that showed no one sends the same statement, adding
/// nothing. Up to <see cref="PeoplePerCommand"/> people go in one
/// command (SQL Server accepts far longer lists; it keeps a huge page's statement reasonable).
/// </remarks>
public sealed class SpecialCategoryViewsService(CoProduceDbContext db, TimeProvider clock)
{
    public const int PeoplePerCommand = 1000;

    /// <param name="where">Where it was seen, as the entry says it: "shown on the roster".</param>
    /// <param name="viewerUserId">The member of staff who saw it.</param>
    public async Task RecordAsync(IEnumerable<SpecialCategoryView> views, string where, string viewerUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewerUserId);
        // A person shown twice on one page (two claims in a batch) is one view, of everything shown.
        var people = views.Where(v => v.Shown != SpecialCategory.None)
            .GroupBy(v => v.ExpertProfileId)
            .Select(g => new SpecialCategoryView(g.Key, g.Aggregate(SpecialCategory.None, (all, v) => all | v.Shown)))
            .OrderBy(v => v.ExpertProfileId)
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // A page that showed no one still sends its one command (which adds nothing), so that the
        // page sends the same commands whoever it shows.
        foreach (var chunk in people.Count == 0 ? [[]] : people.Chunk(PeoplePerCommand))
        {
            var (sql, parameters) = InsertStatement(chunk, where, viewerUserId, now);
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    /// <summary>
    /// INSERT INTO AuditEntries (…) SELECT … FROM ExpertProfiles WHERE Id IN (…) AND UserId is not
    /// the viewer's, with a SELECT for each distinct set of kinds shown, joined by UNION ALL. Ids
    /// are whole numbers written into the statement; every text is a parameter.
    /// </summary>
    public (string Sql, object[] Parameters) InsertStatement(IReadOnlyList<SpecialCategoryView> people, string where, string viewerUserId, DateTime now)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var audit = db.Model.FindEntityType(typeof(AuditEntry))!;
        var auditTable = StoreObjectIdentifier.Table(audit.GetTableName()!, audit.GetSchema());
        string Column(IEntityType type, StoreObjectIdentifier table, string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);
        var profiles = db.Model.FindEntityType(typeof(ExpertProfile))!;
        var profileTable = StoreObjectIdentifier.Table(profiles.GetTableName()!, profiles.GetSchema());
        var id = "p." + Column(profiles, profileTable, nameof(ExpertProfile.Id));
        var userId = "p." + Column(profiles, profileTable, nameof(ExpertProfile.UserId));
        var idAsText = db.Database.IsSqlServer() ? $"CAST({id} AS nvarchar({AuditSubject.IdMaxLength}))" : $"CAST({id} AS TEXT)";

        // {0} the action, {1} the viewer, {2} the time; then a subject type and a summary for each set of kinds.
        var parameters = new List<object> { AuditActions.SpecialCategoryViewed, viewerUserId, now };
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(auditTable.Name, auditTable.Schema)).Append(" (")
            .AppendJoin(", ", new[]
            {
                nameof(AuditEntry.SubjectType), nameof(AuditEntry.SubjectId), nameof(AuditEntry.ProjectId), nameof(AuditEntry.Action),
                nameof(AuditEntry.Summary), nameof(AuditEntry.ByUserId), nameof(AuditEntry.AtUtc), nameof(AuditEntry.Before), nameof(AuditEntry.After),
            }.Select(p => Column(audit, auditTable, p)))
            .Append(')');
        var first = true;
        foreach (var kinds in people.GroupBy(p => p.Shown))
        {
            var subjectType = SpecialCategories.SubjectFor(kinds.Key, kinds.First().ExpertProfileId).Type;
            var summary = SpecialCategories.Summary(kinds.Key, where);
            if (summary.Length > AuditEntry.SummaryMaxLength)
            {
                summary = summary[..AuditEntry.SummaryMaxLength];
            }
            parameters.Add(subjectType.ToString());
            parameters.Add(summary);
            text.Append(first ? " " : " UNION ALL ")
                .Append(CultureInfo.InvariantCulture, $"SELECT {{{parameters.Count - 2}}}, {idAsText}, NULL, {{0}}, {{{parameters.Count - 1}}}, {{1}}, {{2}}, NULL, NULL")
                .Append(" FROM ").Append(sql.DelimitIdentifier(profileTable.Name, profileTable.Schema)).Append(" AS p")
                .Append(" WHERE ").Append(id).Append(" IN (")
                .AppendJoin(", ", kinds.Select(k => k.ExpertProfileId.ToString(CultureInfo.InvariantCulture)))
                .Append(") AND ").Append(userId).Append(" <> {1}");
            first = false;
        }
        if (first)
        {
            text.Append(CultureInfo.InvariantCulture, $" SELECT {{0}}, {idAsText}, NULL, {{0}}, {{0}}, {{1}}, {{2}}, NULL, NULL")
                .Append(" FROM ").Append(sql.DelimitIdentifier(profileTable.Name, profileTable.Schema)).Append(" AS p WHERE 1 = 0");
        }
        return (text.ToString(), parameters.ToArray());
    }
}
