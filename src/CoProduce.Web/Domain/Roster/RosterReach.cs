namespace CoProduce.Web.Domain.Roster;

/// <summary>How widely involvement is spread: who took part, and how much of it fell to the few most involved.</summary>
public sealed record ReachSummary(
    int PeopleOnRoster,
    int PeopleInvolved,
    int Attendances,
    int ReachPercent,
    int MostInvolvedCount,
    int MostInvolvedAttendances,
    int MostInvolvedSharePercent,
    decimal Gini)
{
    /// <summary>Involvement is concentrated when the most involved tenth of people took half or more of it.</summary>
    public bool IsConcentrated => PeopleInvolved >= 5 && MostInvolvedSharePercent >= 50;
}

/// <summary>
/// Roster reach over a period: how many different people were involved out of everyone on the roster,
/// and how concentrated involvement was. Concentration is told two ways: the share of attendances by
/// the most involved tenth of people (rounded up, at least one), which anyone can check by hand, and
/// the Gini coefficient of attendances per involved person (0: everyone equal; near 1: one person did
/// it all), rounded to two places.
/// </summary>
public static class RosterReach
{
    public static ReachSummary Summarise(int peopleOnRoster, IEnumerable<int> attendancesPerInvolvedPerson)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleOnRoster);
        ArgumentNullException.ThrowIfNull(attendancesPerInvolvedPerson);
        var counts = attendancesPerInvolvedPerson.ToList();
        if (counts.Any(c => c < 1))
        {
            throw new ArgumentException("An involved person attended at least once.", nameof(attendancesPerInvolvedPerson));
        }
        var involved = counts.Count;
        // People who left the roster may still have been involved in the period.
        var onRoster = Math.Max(peopleOnRoster, involved);
        long total = counts.Sum(c => (long)c);
        var mostInvolvedCount = involved == 0 ? 0 : Math.Max(1, (involved + 9) / 10);
        long mostInvolved = counts.OrderByDescending(c => c).Take(mostInvolvedCount).Sum(c => (long)c);
        return new ReachSummary(
            onRoster,
            involved,
            (int)total,
            Commissioning.Percentages.Of(involved, onRoster),
            mostInvolvedCount,
            (int)mostInvolved,
            Commissioning.Percentages.Of(mostInvolved, total),
            Gini(counts, total));
    }

    /// <summary>G = Σ (2i − n − 1)·xᵢ / (n · Σx), with x sorted ascending and i from 1; 0 for fewer than two people.</summary>
    private static decimal Gini(List<int> counts, long total)
    {
        var n = counts.Count;
        if (n < 2 || total == 0)
        {
            return 0m;
        }
        var sorted = counts.OrderBy(c => c).ToArray();
        decimal sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += (2m * (i + 1) - n - 1) * sorted[i];
        }
        return Math.Round(sum / (n * (decimal)total), 2, MidpointRounding.AwayFromZero);
    }
}
