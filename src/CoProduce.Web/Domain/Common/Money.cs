using System.Globalization;
using System.Text.RegularExpressions;

namespace CoProduce.Web.Domain.Common;

/// <summary>
/// An amount of money in pounds and pence, held as a whole number of pence. It is exact (never
/// floating point), and a database stores it as a plain integer that it can add up, compare and
/// sort. An amount may be negative, as a difference can be: each rule that needs £0 or more
/// says so itself.
/// </summary>
public readonly partial record struct Money : IComparable<Money>, IComparable
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The most a <see cref="Money"/> can hold, about £92 million billion.</summary>
    public static readonly Money MaxValue = new(long.MaxValue);

    /// <summary>The least a <see cref="Money"/> can hold.</summary>
    public static readonly Money MinValue = new(long.MinValue);

    public static readonly Money Zero;

    private Money(long pence) => Pence = pence;

    /// <summary>The whole amount in pence: £1,250.50 is 125050.</summary>
    public long Pence { get; }

    /// <summary>The same amount in pounds, exactly: 125050 pence is 1250.50.</summary>
    public decimal Pounds => Pence / 100m;

    public bool IsNegative => Pence < 0;

    public bool IsWholePounds => Pence % 100 == 0;

    public static Money FromPence(long pence) => new(pence);

    /// <summary>
    /// Pounds and pence as a decimal, like 1250.50. Refuses a part of a penny (more than two
    /// decimal places) and an amount too big to hold.
    /// </summary>
    public static Money FromPounds(decimal pounds)
    {
        if (decimal.Round(pounds, 2) != pounds)
        {
            throw new ArgumentException("An amount in pounds has at most two decimal places.", nameof(pounds));
        }
        if (!CanHold(pounds))
        {
            throw new ArgumentOutOfRangeException(nameof(pounds), pounds, "The amount is too big to hold.");
        }
        return new((long)(pounds * 100m));
    }

    public static Money operator +(Money left, Money right) => new(checked(left.Pence + right.Pence));

    public static Money operator -(Money left, Money right) => new(checked(left.Pence - right.Pence));

    public static Money operator -(Money amount) => new(checked(-amount.Pence));

    public static bool operator <(Money left, Money right) => left.Pence < right.Pence;

    public static bool operator >(Money left, Money right) => left.Pence > right.Pence;

    public static bool operator <=(Money left, Money right) => left.Pence <= right.Pence;

    public static bool operator >=(Money left, Money right) => left.Pence >= right.Pence;

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Negate(Money amount) => -amount;

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("Money can only be compared with money.", nameof(obj)),
    };

    /// <summary>"£650,000" for whole pounds, "£1,250.50" otherwise.</summary>
    public string Format() => Pounds.ToString(IsWholePounds ? "C0" : "C2", UkCulture);

    /// <summary>The amount as people read it: see <see cref="Format"/>.</summary>
    public override string ToString() => Format();

    /// <summary>
    /// Reads what a person typed: "£1,250,000", "1250000", " 1,250.50 ". Returns false for
    /// anything else, including more than two decimal places, and an amount too big to hold.
    /// "-0" is nought pounds.
    /// </summary>
    public static bool TryParse(string? text, out Money amount)
    {
        amount = Zero;
        if (!TryParsePounds(text, out var pounds) || !CanHold(pounds))
        {
            return false;
        }
        amount = FromPounds(pounds);
        return true;
    }

    /// <summary>
    /// Reads what a person typed as pounds, whatever its size, so that a form can say whether an
    /// amount is too big or too small before it becomes <see cref="Money"/>. Returns false for
    /// anything that is not pounds and pence.
    /// </summary>
    public static bool TryParsePounds(string? text, out decimal pounds)
    {
        pounds = 0;
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
        pounds = parsed == 0m ? 0m : parsed;
        return true;
    }

    private static bool CanHold(decimal pounds) => pounds >= MinValue.Pounds && pounds <= MaxValue.Pounds;

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d*)?$")]
    private static partial Regex ThousandsPattern();
}
