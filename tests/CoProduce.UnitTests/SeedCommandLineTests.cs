using CoProduce.Web.Features.Admin;

namespace CoProduce.UnitTests;

public sealed class SeedCommandLineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls|http://127.0.0.1:5111|seed")]
    [InlineData("create-lead|--email|a@council.example|--name|A")]
    public void Parse_NotTheCommand_LeavesEveryArgumentToTheApp(string commandLine)
    {
        var args = commandLine.Length == 0 ? Array.Empty<string>() : commandLine.Split('|');

        var line = SeedCommand.Parse(args);

        Assert.False(line.IsSeed);
        Assert.Null(line.Seed);
        Assert.Null(line.Error);
        Assert.False(line.ShowHelp);
        Assert.Equal(args, line.HostArguments);
    }

    [Theory]
    [InlineData(new[] { "seed", "--scale", "1" }, 1)]
    [InlineData(new[] { "seed", "--scale=100" }, 100)]
    [InlineData(new[] { "seed", "--scale", " 7 " }, 7)]
    [InlineData(new[] { "seed", "--scale", "1000" }, 1000)]
    public void Parse_TheCommand_ReadsTheScale(string[] args, int scale)
    {
        var line = SeedCommand.Parse(args);

        Assert.True(line.IsSeed);
        Assert.Equal(new SeedArguments(scale), line.Seed);
        Assert.Null(line.Error);
        Assert.Empty(line.HostArguments);
    }

    [Fact]
    public void Parse_OtherOptions_GoToTheAppsConfiguration()
    {
        var line = SeedCommand.Parse(["seed", "--Database:Provider", "SqlServer", "--scale", "2", "--environment=Production"]);

        Assert.Equal(new SeedArguments(2), line.Seed);
        Assert.Equal(["--Database:Provider", "SqlServer", "--environment=Production"], line.HostArguments);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("seed|--scale")]
    [InlineData("seed|--scale|0")]
    [InlineData("seed|--scale|1001")]
    [InlineData("seed|--scale|-1")]
    [InlineData("seed|--scale|1.5")]
    [InlineData("seed|--scale|ten")]
    [InlineData("seed|--scale=")]
    [InlineData("seed|--scale|99999999999")]
    public void Parse_MissingOrBadScale_IsAnError(string commandLine)
    {
        var line = SeedCommand.Parse(commandLine.Split('|'));

        Assert.True(line.IsSeed);
        Assert.Null(line.Seed);
        Assert.NotNull(line.Error);
    }

    [Fact]
    public void Parse_Help_ShowsUsage()
    {
        var line = SeedCommand.Parse(["seed", "--help"]);

        Assert.True(line.ShowHelp);
        Assert.Null(line.Seed);
        Assert.Contains("--scale", SeedCommand.Usage, StringComparison.Ordinal);
    }
}
