using System.Globalization;

namespace CoProduce.Web.Domain.Common;

/// <summary>Money is pounds and pence in a decimal. This shows it the way people write it.</summary>
public static partial class Money
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d*)?$")]
    private static partial System.Text.RegularExpressions.Regex ThousandsPattern();

    /// <summary>"£650,000" for whole pounds, "£1,250.50" otherwise.</summary>
    public static string Format(decimal amount) =>
        decimal.Truncate(amount) == amount
            ? amount.ToString("C0", UkCulture)
            : amount.ToString("C2", UkCulture);

    /// <summary>
    /// Reads what a person typed: "£1,250,000", "1250000", " 1,250.50 ". Returns false for
    /// anything else, including more than two decimal places.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var cleaned = text.Trim().Replace("£", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (cleaned.Length == 0 || cleaned.Length > 30)
        {
            return false;
        }
        // Commas only as thousands separators: "1,250,000" yes, "12,50" (a decimal comma) no.
        if (cleaned.Contains(',', StringComparison.Ordinal) && !ThousandsPattern().IsMatch(cleaned))
        {
            return false;
        }
        if (!decimal.TryParse(cleaned, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, UkCulture, out var parsed))
        {
            return false;
        }
        if (decimal.Round(parsed, 2) != parsed)
        {
            return false;
        }
        // "-0" is nought pounds: keep no minus sign on a zero, which a decimal would otherwise carry.
        amount = parsed == 0m ? 0m : parsed;
        return true;
    }
}
