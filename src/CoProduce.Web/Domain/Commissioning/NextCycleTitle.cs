using System.Globalization;
using System.Text.RegularExpressions;

namespace CoProduce.Web.Domain.Commissioning;

/// <summary>The title a next cycle is offered: the old title with its year moved on, or with "(next cycle)".</summary>
public static partial class NextCycleTitle
{
    public const string Suffix = " (next cycle)";

    /// <summary>
    /// "Home care 2026" becomes "Home care 2027", and "Home care 2026 to 2028" becomes
    /// "Home care 2027 to 2029" (every year moves on by one), and a financial year "2025/26" becomes
    /// "2026/27"; a title without a year gets
    /// " (next cycle)". Never longer than a title may be.
    /// </summary>
    public static string Suggest(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        title = title.Trim();
        var moved = Year().Replace(title, m =>
            (int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)
            + (m.Groups["short"].Success
                ? m.Groups["sep"].Value + ((int.Parse(m.Groups["short"].Value, CultureInfo.InvariantCulture) + 1) % 100).ToString("D2", CultureInfo.InvariantCulture)
                : string.Empty));
        var suggested = moved != title ? moved : title + Suffix;
        return suggested.Length <= CommissioningProject.TitleMaxLength
            ? suggested
            : title[..(CommissioningProject.TitleMaxLength - Suffix.Length)].TrimEnd() + Suffix;
    }

    [GeneratedRegex(@"(?<!\d)(?<year>(?:19|20)\d{2})(?:(?<sep>[/-])(?<short>\d{2}))?(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Year();
}
