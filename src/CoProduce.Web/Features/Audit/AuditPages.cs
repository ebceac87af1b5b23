using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.GovUk;
using CoProduce.Web.Infrastructure.Mvc;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Audit;

/// <summary>A person who may have done something: the value is their user id, the text their name (never their email).</summary>
public sealed record AuditPersonOption(string UserId, string Name);

/// <summary>One line of the log as the page shows it.</summary>
public sealed record AuditLogRow(
    long Id, DateTime AtUtc, string By, string ByUserId, AuditSubjectType SubjectType, string SubjectId, string SubjectName,
    string? SubjectHref, string Action, string Summary, string? Before, string? After);

/// <summary>The audit log page: the filters as typed, the people to choose from, and one page of entries.</summary>
public sealed record AuditLogPage(
    string? Subject, string? Id, string? Person, string? Act, DateParts From, DateParts To,
    IReadOnlyList<AuditPersonOption> People, IReadOnlyList<AuditLogRow> Rows, Paging Paging, bool FiltersValid)
{
    public const int PageSize = 25;

    /// <summary>The address of the log with these filters, on another page or as CSV.</summary>
    public string Link(int page, bool csv = false)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("subject", Subject);
        Add("id", Id);
        Add("person", Person);
        Add("act", Act);
        Add("From.Day", From.Day);
        Add("From.Month", From.Month);
        Add("From.Year", From.Year);
        Add("To.Day", To.Day);
        Add("To.Month", To.Month);
        Add("To.Year", To.Year);
        if (!csv && page > 1)
        {
            query.Add($"page={page}");
        }
        return (csv ? "/audit.csv" : "/audit") + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }
}

/// <summary>
/// Reads the audit log for co-production leads: filtered, sorted newest first and paged by the
/// database, in the same number of SQL commands however long the log is. The CSV is written as the
/// database reads it, a row at a time, never held whole in memory.
/// </summary>
public sealed class AuditPages(CoProduceDbContext db)
{
    private const string NoLongerListed = "Someone no longer listed";

    public async Task<AuditLogPage> ListAsync(AuditFilter filter, bool filtersValid, bool readerIsFinance, CancellationToken cancellationToken)
    {
        // Only people who have done something recorded: not every expert on the roster.
        var people = await db.Users.AsNoTracking()
            .Where(u => db.AuditEntries.Any(a => a.ByUserId == u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new AuditPersonOption(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
        if (!filtersValid)
        {
            // Entries are not shown for dates that could not be read: the list would not be the one asked for.
            return Page(filter, people, [], Paging.Of(0, AuditLogPage.PageSize, 1), filtersValid: false);
        }

        var query = filter.ToQuery();
        var matching = query.Apply(db.AuditEntries.AsNoTracking());
        var paging = Paging.Of(await matching.CountAsync(cancellationToken), AuditLogPage.PageSize, query.Page);
        var rows = await Project(AuditQuery.NewestFirst(matching).Skip(paging.Skip).Take(paging.Size)).ToListAsync(cancellationToken);
        return Page(filter, people, rows.Select(r => Row(r, readerIsFinance)).ToList(), paging, filtersValid: true);
    }

    /// <summary>The CSV's headings. Names, never emails; the acting user id so that a person can be told apart from a namesake.</summary>
    public static readonly string[] CsvHeader =
        ["When (UK time)", "Who", "User id", "Subject type", "Subject id", "Subject", "Project", "Action", "Summary", "Before", "After"];

    /// <summary>
    /// Writes every matching entry up to and including <paramref name="upToId"/>, newest first, as CSV
    /// (RFC 4180, UTF-8 without a byte order mark). Text that starts like a formula is escaped so that
    /// a spreadsheet never runs it.
    /// </summary>
    public async Task WriteCsvAsync(AuditQuery query, long upToId, Stream destination, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = false, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        await csv.WriteRecordAsync(CsvHeader, cancellationToken);
        var matching = query.Apply(db.AuditEntries.AsNoTracking()).Where(a => a.Id <= upToId);
        await foreach (var r in Project(AuditQuery.NewestFirst(matching)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
            [
                UkTime.ToUk(r.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ByName(r), r.ByUserId, r.SubjectType.ToString(), r.SubjectId, SubjectName(r),
                r.ProjectId?.ToString(CultureInfo.InvariantCulture), AuditText.Plain(r.Action), r.Summary, r.Before, r.After,
            ], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    private sealed record Read(
        long Id, DateTime AtUtc, string ByUserId, string? By, AuditSubjectType SubjectType, string SubjectId, string? StaffName,
        int? ProjectId, string Action, string Summary, string? Before, string? After);

    private IQueryable<Read> Project(IQueryable<AuditEntry> entries) => entries.Select(a => new Read(
        a.Id, a.AtUtc, a.ByUserId,
        db.Users.Where(u => u.Id == a.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
        a.SubjectType, a.SubjectId,
        a.SubjectType == AuditSubjectType.StaffAccount ? db.Users.Where(u => u.Id == a.SubjectId).Select(u => u.DisplayName).FirstOrDefault() : null,
        a.ProjectId, a.Action, a.Summary, a.Before, a.After));

    /// <summary>Who did it: the person's name, the portal itself for its own work (the create-lead command, scheduled jobs), or someone since removed.</summary>
    private static string ByName(Read r) =>
        r.By ?? (r.ByUserId == Admin.StaffAccountService.CommandLineUserId ? "The portal itself" : NoLongerListed);

    private static string SubjectName(Read r) =>
        r.SubjectType == AuditSubjectType.StaffAccount ? $"Staff account: {r.StaffName ?? NoLongerListed}" : AuditText.Subject(r.SubjectType, r.SubjectId);

    private static AuditLogRow Row(Read r, bool readerIsFinance) => new(
        r.Id, r.AtUtc, ByName(r), r.ByUserId, r.SubjectType, r.SubjectId, SubjectName(r),
        AuditText.Href(r.SubjectType, r.SubjectId, r.ProjectId, readerIsFinance), AuditText.Plain(r.Action), r.Summary, r.Before, r.After);

    private static AuditLogPage Page(AuditFilter f, IReadOnlyList<AuditPersonOption> people, IReadOnlyList<AuditLogRow> rows, Paging paging, bool filtersValid) =>
        new(f.Subject, f.Id, f.Person, f.Act, f.From, f.To, people, rows, paging, filtersValid);
}
