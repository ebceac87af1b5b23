using CoProduce.Web.Features.Admin;

namespace CoProduce.UnitTests;

public sealed class CreateLeadCommandLineTests
{
    [Fact]
    public void Parse_NotTheCommand_LeavesEveryArgumentToTheApp()
    {
        string[] args = ["--urls", "http://127.0.0.1:5111", "create-lead"];

        var line = CreateLeadCommand.Parse(args);

        Assert.Null(line.CreateLead);
        Assert.Null(line.Error);
        Assert.False(line.ShowHelp);
        Assert.Equal(args, line.HostArguments);
    }

    [Fact]
    public void Parse_NoArguments_IsTheApp() =>
        Assert.Null(CreateLeadCommand.Parse([]).CreateLead);

    [Theory]
    [InlineData(new[] { "create-lead", "--email", "lead@council.example", "--name", "Alex Morgan" }, false)]
    [InlineData(new[] { "create-lead", "--name", "Alex Morgan", "--email", "lead@council.example" }, false)]
    [InlineData(new[] { "create-lead", "--email=lead@council.example", "--name=Alex Morgan", "--migrate" }, true)]
    [InlineData(new[] { "create-lead", "--migrate", "--email", " lead@council.example ", "--name", " Alex Morgan " }, true)]
    public void Parse_TheCommand_ReadsItsOptions(string[] args, bool migrate)
    {
        var line = CreateLeadCommand.Parse(args);

        Assert.Equal(new CreateLeadArguments("lead@council.example", "Alex Morgan", migrate), line.CreateLead);
        Assert.Null(line.Error);
        Assert.Empty(line.HostArguments);
    }

    [Fact]
    public void Parse_OtherOptions_GoToTheAppsConfiguration()
    {
        var line = CreateLeadCommand.Parse(["create-lead", "--Database:Provider", "SqlServer", "--email", "a@council.example", "--name", "A", "--environment=Production"]);

        Assert.NotNull(line.CreateLead);
        Assert.Equal(["--Database:Provider", "SqlServer", "--environment=Production"], line.HostArguments);
    }

    [Theory]
    [InlineData("create-lead")]
    [InlineData("create-lead|--email|a@council.example")]
    [InlineData("create-lead|--name|Alex Morgan")]
    [InlineData("create-lead|--name|Alex Morgan|--email")]
    [InlineData("create-lead|--name|  |--email|a@council.example")]
    public void Parse_MissingEmailOrName_IsAnError(string commandLine)
    {
        var line = CreateLeadCommand.Parse(commandLine.Split('|'));

        Assert.Null(line.CreateLead);
        Assert.NotNull(line.Error);
    }

    [Fact]
    public void Parse_Help_ShowsUsage()
    {
        var line = CreateLeadCommand.Parse(["create-lead", "--help"]);

        Assert.True(line.ShowHelp);
        Assert.Null(line.CreateLead);
        Assert.Contains("--migrate", CreateLeadCommand.Usage, StringComparison.Ordinal);
    }
}
