using System.Reflection;
using CoProduce.Tests.Shared;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Every page of the running app has a SQL command-count test, or says in
/// <see cref="QueryCountCoverage.Pages"/> why it reads no data that grows.
/// </summary>
public sealed class QueryCountCoverageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private List<AccessExpectations.PortalAction> Pages() =>
        AccessExpectations.Discover(portal.Services).Where(a => a.Method is "GET" or "ANY").ToList();

    [Fact]
    public void EveryPage_IsCountedOrReadsNoGrowingData()
    {
        var pages = Pages();

        var uncovered = pages.Where(p => !QueryCountCoverage.Pages.ContainsKey(p.Key)).Select(p => $"{p.Key} ({p.Url})").ToList();
        var stale = QueryCountCoverage.Pages.Keys.Where(key => pages.All(p => p.Key != key)).ToList();

        Assert.True(uncovered.Count == 0,
            "These pages have no SQL command-count test. Write one (grow the data the page could list ten times, assert the same count) "
            + "and name it in QueryCountCoverage.Pages, or say there why the page reads no growing data:\n" + string.Join("\n", uncovered));
        Assert.True(stale.Count == 0, "QueryCountCoverage.Pages names pages that no longer exist: " + string.Join(", ", stale));
    }

    public static TheoryData<string> CountedPages() =>
        [.. QueryCountCoverage.Pages.Where(p => p.Value is QueryCountCoverage.CountedBy).Select(p => p.Key)];

    [Theory]
    [MemberData(nameof(CountedPages))]
    public void CountedPage_NamesATestThatExists(string page)
    {
        var (testClass, test) = (QueryCountCoverage.CountedBy)QueryCountCoverage.Pages[page];

        var method = testClass.GetMethod(test, BindingFlags.Public | BindingFlags.Instance);

        Assert.True(method?.GetCustomAttribute<FactAttribute>() is { Skip: null }, $"{page}: {testClass.Name}.{test} is not a test that runs");
    }

}
