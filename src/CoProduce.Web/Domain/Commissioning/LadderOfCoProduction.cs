using CoProduce.Web.Domain.Activities;

namespace CoProduce.Web.Domain.Commissioning;

/// <summary>The three groups of the TLAP ladder.</summary>
public enum LadderGroup
{
    /// <summary>Coercion and educating.</summary>
    DoingTo = 1,

    /// <summary>Informing, consultation and engagement.</summary>
    DoingFor = 2,

    /// <summary>Co-design and co-production.</summary>
    DoingWith = 3,
}

/// <summary>Involvement at one rung: different people who attended, attendances, and minutes of activity they took part in.</summary>
public sealed record RungInvolvement(LadderRung Rung, int People, int Attendances, int Minutes);

/// <summary>Involvement in one group, with its share of all the hours (whole per cent, summing to 100).</summary>
public sealed record GroupInvolvement(LadderGroup Group, int Attendances, int Minutes, int SharePercent);

public sealed record LadderSummary(IReadOnlyList<RungInvolvement> Rungs, IReadOnlyList<GroupInvolvement> Groups, int Attendances, int Minutes)
{
    public bool HasInvolvement => Minutes > 0;

    public int DoingWithPercent => Groups.Single(g => g.Group == LadderGroup.DoingWith).SharePercent;

    public GroupInvolvement Group(LadderGroup group) => Groups.Single(g => g.Group == group);
}

/// <summary>
/// The ladder of co-production for a project (or several): how much involvement happened at each
/// rung, and the share of it that was "doing with" against "doing for" and "doing to". Shares are of
/// the hours people spent (minutes of attended activity), because a four-hour co-design day is more
/// involvement than a half-hour briefing; whole per cents by largest remainder, so they add to 100.
/// </summary>
public static class LadderOfCoProduction
{
    public static readonly IReadOnlyList<LadderRung> RungsTopDown =
        [LadderRung.CoProduction, LadderRung.CoDesign, LadderRung.Engagement, LadderRung.Consultation, LadderRung.Informing, LadderRung.Educating, LadderRung.Coercion];

    public static LadderGroup GroupOf(LadderRung rung) => rung switch
    {
        LadderRung.Coercion or LadderRung.Educating => LadderGroup.DoingTo,
        LadderRung.Informing or LadderRung.Consultation or LadderRung.Engagement => LadderGroup.DoingFor,
        LadderRung.CoDesign or LadderRung.CoProduction => LadderGroup.DoingWith,
        _ => throw new ArgumentOutOfRangeException(nameof(rung), rung, null),
    };

    public static string Describe(this LadderGroup group) => group switch
    {
        LadderGroup.DoingTo => "Doing to",
        LadderGroup.DoingFor => "Doing for",
        LadderGroup.DoingWith => "Doing with",
        _ => group.ToString(),
    };

    /// <summary>The rungs a group spans, for the text beside a share ("co-design and co-production").</summary>
    public static string Rungs(this LadderGroup group) => group switch
    {
        LadderGroup.DoingTo => "coercion and educating",
        LadderGroup.DoingFor => "informing, consultation and engagement",
        LadderGroup.DoingWith => "co-design and co-production",
        _ => group.ToString(),
    };

    /// <summary>
    /// Summarises involvement per rung (rows may repeat a rung, for example one per project; they are
    /// added). Every rung appears, top rung first, with zeros where nothing happened.
    /// </summary>
    public static LadderSummary Summarise(IEnumerable<RungInvolvement> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byRung = rows.GroupBy(r => r.Rung).ToDictionary(g => g.Key, g => g.ToList());
        var rungs = RungsTopDown.Select(rung => byRung.TryGetValue(rung, out var list)
            ? new RungInvolvement(rung, list.Sum(r => r.People), list.Sum(r => r.Attendances), list.Sum(r => r.Minutes))
            : new RungInvolvement(rung, 0, 0, 0)).ToList();
        if (rungs.Any(r => r.People < 0 || r.Attendances < 0 || r.Minutes < 0))
        {
            throw new ArgumentException("Involvement is never negative.", nameof(rows));
        }

        LadderGroup[] groups = [LadderGroup.DoingWith, LadderGroup.DoingFor, LadderGroup.DoingTo];
        var minutes = groups.Select(g => rungs.Where(r => GroupOf(r.Rung) == g).Sum(r => r.Minutes)).ToArray();
        var shares = Percentages.LargestRemainder(minutes);
        var groupRows = groups.Select((g, i) => new GroupInvolvement(
            g, rungs.Where(r => GroupOf(r.Rung) == g).Sum(r => r.Attendances), minutes[i], shares[i])).ToList();
        return new LadderSummary(rungs, groupRows, rungs.Sum(r => r.Attendances), rungs.Sum(r => r.Minutes));
    }
}

/// <summary>Whole per cents that add up to exactly 100.</summary>
public static class Percentages
{
    /// <summary>
    /// Hamilton's largest-remainder method: each part gets the whole per cent below its exact share,
    /// then the per cents left over go to the largest remainders (ties to the earlier part). All
    /// zeros when the total is zero.
    /// </summary>
    public static int[] LargestRemainder(IReadOnlyList<int> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        long total = parts.Sum(p => (long)p);
        var result = new int[parts.Count];
        if (total == 0)
        {
            return result;
        }
        var remainders = new long[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var scaled = parts[i] * 100L;
            result[i] = (int)(scaled / total);
            remainders[i] = scaled % total;
        }
        var left = 100 - result.Sum();
        foreach (var i in Enumerable.Range(0, parts.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
        {
            result[i]++;
        }
        return result;
    }

    /// <summary>One part's whole per cent of a total, rounded half away from zero; 0 when the total is 0.</summary>
    public static int Of(long part, long total) =>
        total == 0 ? 0 : (int)Math.Round(part * 100m / total, MidpointRounding.AwayFromZero);
}
