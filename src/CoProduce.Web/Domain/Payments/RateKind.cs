using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>What a rate item's amount pays for.</summary>
public enum RateKind { PerHour, PerHalfDay, PerFullDay, PerSession }

/// <summary>
/// Where a half day ends. Time at the activity itself (not preparation or travel) of up to and
/// including 4 hours is a half day; more than 4 hours is a full day. A day rate is paid for the
/// part of a day the person actually gave, so an activity that runs long is paid as a full day,
/// and someone who could only stay for the morning is paid a half day.
/// </summary>
public static class DayParts
{
    public const int HalfDayMaxMinutes = 4 * 60;

    public static bool IsHalfDay(int activityMinutes) => activityMinutes <= HalfDayMaxMinutes;
}

/// <summary>
/// The terms of one version of a rate item: the amount, and for an hourly rate whether paid
/// preparation and travel time count as well as the activity itself.
/// </summary>
public sealed record RateTerms(Money Amount, bool PaysPreparation = false, bool PaysTravel = false)
{
    /// <summary>Why these terms cannot be used for a rate of that kind, or null when they can.</summary>
    public string? ProblemFor(RateKind kind)
    {
        if (Amount <= Money.Zero)
        {
            return "The amount must be more than £0.";
        }
        if (kind != RateKind.PerHour && (PaysPreparation || PaysTravel))
        {
            return "Preparation and travel time are paid only with an hourly rate.";
        }
        return null;
    }

    /// <summary>"£25 an hour, including preparation and travel time", "£75 a half day".</summary>
    public string Describe(RateKind kind)
    {
        var rate = kind switch
        {
            RateKind.PerHour => $"{Amount.Format()} an hour",
            RateKind.PerHalfDay => $"{Amount.Format()} a half day",
            RateKind.PerFullDay => $"{Amount.Format()} a full day",
            _ => $"{Amount.Format()} a session",
        };
        return (PaysPreparation, PaysTravel) switch
        {
            (true, true) => $"{rate}, including preparation and travel time",
            (true, false) => $"{rate}, including preparation time",
            (false, true) => $"{rate}, including travel time",
            _ => rate,
        };
    }
}
