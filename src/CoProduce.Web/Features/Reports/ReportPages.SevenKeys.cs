using CoProduce.Web.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Reports;

public sealed partial class ReportPages
{
    /// <summary>The rows for "all feedback" and "no key", beside the keys' own flag values.</summary>
    private const int AllRows = -1;

    private const int NoKey = 0;

    /// <summary>One item or activity under one key (or under all, or none): what it is.</summary>
    private sealed class KeyedRow
    {
        public int Key { get; init; }
        public FeedbackKind? Kind { get; init; }
    }

    /// <summary>One activity under one key (or under all, or none).</summary>
    private sealed class KeyedActivity
    {
        public int Key { get; init; }

        /// <summary>A column from the table, so that the database (not the client) carries the constant key beside it.</summary>
        public int Id { get; init; }
    }

    /// <summary>
    /// For each of the 7 Keys, how many feedback items from activities in the year carry it, by question,
    /// and how many of the year's activities are tagged with it. The keys are flags in one number: each
    /// key is a bitwise test the database runs, and the database counts.
    /// </summary>
    public async Task<ReportPage> SevenKeysAsync(int? year, CancellationToken cancellationToken)
    {
        var period = YearOf(year);
        var (first, last) = Dates(period);
        var activities = db.Activities.Where(a => a.Date >= first && a.Date <= last);
        var items = db.FeedbackItems.Join(activities, i => i.ActivityId, a => a.Id, (i, a) => i);

        var itemRows = items.Select(i => new KeyedRow { Key = AllRows, Kind = i.Kind })
            .Concat(items.Where(i => (int)i.Keys == NoKey).Select(i => new KeyedRow { Key = NoKey, Kind = i.Kind }));
        var activityRows = activities.Select(a => new KeyedActivity { Key = AllRows, Id = a.Id })
            .Concat(activities.Where(a => (int)a.Keys == NoKey).Select(a => new KeyedActivity { Key = NoKey, Id = a.Id }));
        foreach (var key in SevenKeysInfo.All)
        {
            var bit = (int)key;
            itemRows = itemRows.Concat(items.Where(i => ((int)i.Keys & bit) != 0).Select(i => new KeyedRow { Key = bit, Kind = i.Kind }));
            activityRows = activityRows.Concat(activities.Where(a => ((int)a.Keys & bit) != 0).Select(a => new KeyedActivity { Key = bit, Id = a.Id }));
        }
        var itemCounts = await itemRows.GroupBy(r => new { r.Key, r.Kind }).Select(g => new { g.Key.Key, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var activityCounts = await activityRows.GroupBy(r => r.Key).Select(g => new { Key = g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count, cancellationToken);

        var kinds = Enum.GetValues<FeedbackKind>();
        int Items(int key, FeedbackKind? kind) => itemCounts.Where(c => c.Key == key && (kind is null || c.Kind == kind)).Sum(c => c.Count);
        IReadOnlyList<ReportCell> Row(string name, int key) =>
            [ReportCell.Of(name), ReportCell.Of(activityCounts.GetValueOrDefault(key)), ReportCell.Of(Items(key, null)), .. kinds.Select(k => ReportCell.Of(Items(key, k)))];

        var rows = SevenKeysInfo.All.Select(k => Row(k.ToString(), (int)k)).Append(Row("No key", NoKey)).ToList();
        var table = new ReportTable($"Activities and feedback items for each of the 7 Keys, {period.Name}",
            [new("Key"), new("Activities tagged", true), new("Feedback items", true), .. kinds.Select(k => new ReportColumn(k.Describe(), true))],
            rows, Row("All (an item can carry several keys)", AllRows));
        var allItems = Items(AllRows, null);
        var most = SevenKeysInfo.All.MaxBy(k => Items((int)k, null));
        var chart = new BarChart("seven-keys-chart", $"Feedback items for each of the 7 Keys, {period.Name}",
            allItems == 0
                ? $"No feedback was recorded for activities in {period.Name}."
                : $"{Plural(allItems, "feedback item", "feedback items")} in all; {Items(NoKey, null):N0} with no key. The key most talked about was {most}, with {Items((int)most, null):N0}. "
                  + string.Join(" ", SevenKeysInfo.All.Select(k => $"{k}: {Items((int)k, null):N0}.")),
            [.. SevenKeysInfo.All.Select(k => new ChartBar(k.ToString(), Items((int)k, null), Items((int)k, null).ToString("N0", Uk))),
                new ChartBar("No key", Items(NoKey, null), Items(NoKey, null).ToString("N0", Uk))]);
        return new ReportPage("/reports/seven-keys", "The 7 Keys in feedback",
            [
                "Cornwall's 7 Keys to Citizenship are Love, Freedom, Home, Money, Help, Life and Meaning. Feedback and activities can be tagged with any of them.",
                "This report counts the feedback items recorded at activities in the year, by key and by the question they answer, and the activities tagged with each key. An item with several keys counts under each, so the keys add up to more than all the items.",
            ],
            period,
            [new ReportSection("seven-keys", "By key and question", table, $"/reports/seven-keys.csv?year={period.StartYear}", chart)]);
    }
}
