using System.Globalization;

namespace CoProduce.Web.Domain.Common;

/// <summary>
/// Counts of people by something sensitive (lived experience is health and special category data)
/// are shown as "fewer than 5" when they are 1 to 4, as UK official statistics do, so that a
/// published document cannot single a person out. Zero is shown as 0: it says nothing about anyone.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    public static bool IsSuppressed(int count) => count is > 0 and < Threshold;

    public static string Describe(int count) =>
        IsSuppressed(count) ? $"fewer than {Threshold}" : count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
}
