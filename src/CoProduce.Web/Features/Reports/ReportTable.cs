using System.Globalization;
using CoProduce.Web.Domain.Common;
using CsvHelper;

namespace CoProduce.Web.Features.Reports;

/// <summary>A column: its heading, and whether it holds figures (set to the right, as GOV.UK tables do).</summary>
public sealed record ReportColumn(string Header, bool IsNumeric = false);

/// <summary>
/// One cell: the text the page shows, and the value the CSV holds. They differ only for money and
/// percentages, which the CSV gives as plain numbers (12.50, not £12.50) so a spreadsheet can add them up.
/// </summary>
public sealed record ReportCell(string Text, string Csv)
{
    public static ReportCell Of(string text) => new(text, text);

    public static ReportCell Of(int number) => new(number.ToString("N0", CultureInfo.GetCultureInfo("en-GB")), number.ToString(CultureInfo.InvariantCulture));

    public static ReportCell Of(Money amount) => new(amount.Format(), amount.Pounds.ToString("0.00", CultureInfo.InvariantCulture));

    public static ReportCell Percent(int percent) => new($"{percent}%", percent.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// A report's table: what the page shows and what its CSV download holds, from the same rows, so the
/// two cannot differ. The first cell of each row names the row. An optional last row holds totals.
/// </summary>
public sealed record ReportTable(string Caption, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<ReportCell>? Totals = null)
{
    /// <summary>
    /// The table as CSV: RFC 4180, UTF-8 without a byte order mark, the headings first and the totals
    /// last. Text that starts like a spreadsheet formula (= + - @, a tab or CR) is escaped with ' so
    /// that it never runs; plain numbers are written as numbers.
    /// </summary>
    public byte[] ToCsv()
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = false, FormatProvider = CultureInfo.InvariantCulture };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteHeader(Columns.Select(c => c.Header).ToArray());
            foreach (var row in Totals is null ? Rows : [.. Rows, Totals])
            {
                foreach (var cell in row)
                {
                    // A figure (even below 0, such as money owed back) is a number, not a formula.
                    if (decimal.TryParse(cell.Csv, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    {
                        csv.WriteField(number, default);
                    }
                    else
                    {
                        csv.WriteField(cell.Csv);
                    }
                }
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }
}
