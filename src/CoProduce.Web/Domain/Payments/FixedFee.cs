using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// The fee a person was promised when their place was confirmed: a copy of the rate item's terms
/// at that moment, so that a later change to the rate card never changes what they are paid.
/// </summary>
public sealed record FixedFee(int RateItemId, int RateVersion, RateKind Kind, Money Amount, bool PaysPreparation, bool PaysTravel)
{
    /// <summary>"£25 an hour, including travel time": what the person was told.</summary>
    public string Describe() => new RateTerms(Amount, PaysPreparation, PaysTravel).Describe(Kind);

    /// <summary>
    /// The fee for the time someone gave, or nothing when they did not attend (no time recorded).
    /// An hourly fee pays every minute, rounded to the nearest penny once, at the end, with a half
    /// penny rounded up. A session pays its amount to anyone who attended. A day rate pays for the
    /// part of a day given at the activity itself (see <see cref="DayParts"/>).
    /// </summary>
    public Fee For(TimeGiven? time)
    {
        if (time is null)
        {
            return new Fee(Money.Zero, "No fee: they did not attend.");
        }
        var halfDay = DayParts.IsHalfDay(time.ActivityMinutes);
        var limit = PaidTime.Describe(DayParts.HalfDayMaxMinutes);
        return Kind switch
        {
            RateKind.PerHour => Hourly(time),
            RateKind.PerSession => new Fee(Amount, $"One session at {Amount.Format()}."),
            RateKind.PerHalfDay when halfDay => new Fee(Amount, $"A half day ({limit} or less) at {Amount.Format()}."),
            RateKind.PerHalfDay => new Fee(Times(2), $"A full day (more than {limit}): two half days at {Amount.Format()}."),
            RateKind.PerFullDay when halfDay => new Fee(Half(), $"A half day ({limit} or less): half of {Amount.Format()} a full day."),
            _ => new Fee(Amount, $"A full day (more than {limit}) at {Amount.Format()}."),
        };
    }

    private Fee Hourly(TimeGiven time)
    {
        var parts = new List<string> { $"{PaidTime.Describe(time.ActivityMinutes)} of the activity" };
        var minutes = time.ActivityMinutes;
        if (PaysPreparation)
        {
            minutes += time.PreparationMinutes;
            parts.Add($"{PaidTime.Describe(time.PreparationMinutes)} of preparation");
        }
        if (PaysTravel)
        {
            minutes += time.TravelMinutes;
            parts.Add($"{PaidTime.Describe(time.TravelMinutes)} of travel");
        }
        var pence = Pence.DivideRoundingHalfUp(checked(Amount.Pence * minutes), 60);
        var made = parts.Count == 1 ? string.Empty : $" ({string.Join(", ", parts)})";
        return new Fee(Money.FromPence(pence), $"{PaidTime.Describe(minutes)}{made} at {Amount.Format()} an hour.");
    }

    private Money Times(int count) => Money.FromPence(checked(Amount.Pence * count));

    private Money Half() => Money.FromPence(Pence.DivideRoundingHalfUp(Amount.Pence, 2));
}

/// <summary>A fee and how it was worked out, in words the person can check.</summary>
public sealed record Fee(Money Amount, string Working);

/// <summary>Whole-penny arithmetic without floating point.</summary>
internal static class Pence
{
    /// <summary>An amount of £0 or more divided exactly, then rounded to the nearest penny, a half penny up.</summary>
    public static long DivideRoundingHalfUp(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        return Math.DivRem(numerator, denominator, out var remainder) + (remainder * 2 >= denominator ? 1 : 0);
    }
}

/// <summary>Minutes as people read them: "0 minutes", "1 minute", "1 hour", "3 hours 30 minutes".</summary>
internal static class PaidTime
{
    public static string Describe(int minutes)
    {
        var (hours, rest) = Math.DivRem(minutes, 60);
        var h = hours == 1 ? "1 hour" : $"{hours} hours";
        var m = rest == 1 ? "1 minute" : $"{rest} minutes";
        return (hours, rest) switch
        {
            (0, _) => m,
            (_, 0) => h,
            _ => $"{h} {m}",
        };
    }
}
