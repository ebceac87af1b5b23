using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using CoProduce.IntegrationTests.Payments;
using CsvHelper;

namespace CoProduce.IntegrationTests.Reports;

/// <summary>Reading a report's HTML table and its CSV, and checking they hold the same figures.</summary>
internal static class ReportAssertions
{
    /// <summary>The table's rows as the page shows them, headings first: each cell's text, trimmed.</summary>
    public static List<string[]> TableRows(IHtmlDocument page, string tableId)
    {
        var table = page.QuerySelector($"table#{tableId}") ?? throw new InvalidOperationException($"No table #{tableId} on the page");
        return table.QuerySelectorAll("tr").Select(tr => tr.QuerySelectorAll("th, td").Select(Text).ToArray()).ToList();
    }

    /// <summary>A row by its first cell (the row's heading).</summary>
    public static string[] Row(List<string[]> rows, string name) => rows.Single(r => r[0] == name);

    public static async Task<List<string[]>> CsvRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(bytes));
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }
        return [csv.Headers.ToArray(), .. rows];
    }

    /// <summary>
    /// Every cell of the CSV is the page's cell: the same words, or the same figure (the page writes
    /// £1,250.50, 80% and 1,250 where the CSV has 1250.50, 80 and 1250).
    /// </summary>
    public static void SameFigures(List<string[]> html, List<string[]> csv)
    {
        Assert.Equal(html.Count, csv.Count);
        for (var r = 0; r < html.Count; r++)
        {
            Assert.Equal(html[r].Length, csv[r].Length);
            for (var c = 0; c < html[r].Length; c++)
            {
                var (page, file) = (html[r][c], csv[r][c]);
                if (Figure(page) is { } figure && Figure(file) is { } number)
                {
                    Assert.True(figure == number, $"Row {r}, column {c}: the page says {page}, the CSV {file}");
                }
                else
                {
                    Assert.True(page == file || (page == "None due yet" && file.Length == 0) || string.Equals(page, file, StringComparison.OrdinalIgnoreCase),
                        $"Row {r}, column {c}: the page says \"{page}\", the CSV \"{file}\"");
                }
            }
        }
    }

    private static decimal? Figure(string text)
    {
        var bare = text.Replace(" days", string.Empty, StringComparison.Ordinal).Replace(" day", string.Empty, StringComparison.Ordinal).Replace("£", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('%');
        return bare.Length > 0 && decimal.TryParse(bare, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The chart is an image whose title and description (which it is labelled by) say the figures in words.</summary>
    public static string ChartText(IHtmlDocument page, string chartId)
    {
        var svg = page.QuerySelector($"svg#{chartId}") ?? throw new InvalidOperationException($"No chart #{chartId}");
        Assert.Equal("img", svg.GetAttribute("role"));
        var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal([$"{chartId}-title", $"{chartId}-desc"], labelledBy);
        var title = svg.QuerySelector($"title#{chartId}-title")!.TextContent;
        var description = svg.QuerySelector($"desc#{chartId}-desc")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(title));
        return title + " " + description;
    }

    private static string Text(IElement cell) => cell.TextContent.Trim();

    public static async Task<(PaymentsWorld World, HttpClient Lead, Staff LeadStaff)> LeadAsync(PaymentsPortal portal)
    {
        var world = new PaymentsWorld(portal.Services);
        var lead = await world.StaffAsync("Lee Lead", Roles.CoProductionLead);
        return (world, await PaymentsWorld.SignedInAsync(portal, lead), lead);
    }

    /// <summary>A person on the roster (consent given) with the areas of lived experience given.</summary>
    public static Task<(int ProfileId, string UserId)> PersonAsync(PaymentsWorld world, params LivedExperienceArea[] areas) => world.WithDbAsync(async db =>
    {
        var user = new CoProduce.Web.Data.CoProduceUser { UserName = $"p-{Guid.NewGuid():N}@example.org", Email = $"p-{Guid.NewGuid():N}@example.org", DisplayName = "Person", CreatedUtc = PaymentsWorld.Now };
        db.Users.Add(user);
        var profile = new ExpertProfile(user.Id, "Reach person", user.Email, PaymentsWorld.Now);
        profile.GiveConsent("2026-11", PaymentsWorld.Now);
        profile.SetLivedExperience(areas, null, PaymentsWorld.Now);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync();
        return (profile.Id, user.Id);
    });

    public static DateOnly Today => UkTime.Today(TimeProvider.System);
}
