namespace CoProduce.BrowserTests;

/// <summary>All browser tests share one running app and one Chromium: starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
