using CoProduce.Web.Infrastructure.Mvc;

namespace CoProduce.Web.Features.Reports;

/// <summary>A figure stated in words above a report's table, such as "Median wait: 12 days".</summary>
public sealed record ReportFact(string Name, string Value, string? Id = null);

/// <summary>The financial year a report covers (April to March), with the years either side to move to.</summary>
public sealed record ReportYear(int StartYear, string Name, int? Previous, int? Next);

/// <summary>
/// One table on a report page, with its chart (drawn from the same figures), its CSV download and,
/// for a long list, its pages. A section that sums up tables shown above it (<see cref="ShowTable"/> false)
/// gives only its chart and the CSV of all their rows.
/// </summary>
public sealed record ReportSection(string Id, string Heading, ReportTable Table, string? CsvHref, BarChart? Chart = null,
    IReadOnlyList<ReportFact>? Facts = null, string? Note = null, Paging? Paging = null, string? PageLinkBase = null, bool ShowTable = true)
{
    public string PageLink(int page) => $"{PageLinkBase}{(PageLinkBase?.Contains('?', StringComparison.Ordinal) == true ? "&" : "?")}page={page}#{Id}";
}

/// <summary>A report: what it shows in plain English, the year it covers when it has one, then its tables.</summary>
public sealed record ReportPage(string Path, string Title, IReadOnlyList<string> Explanation, ReportYear? Year, IReadOnlyList<ReportSection> Sections);

/// <summary>A report on the index: where it is and what it answers.</summary>
public sealed record ReportLink(string Href, string Title, string Summary);
