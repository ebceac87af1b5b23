using CoProduce.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace CoProduce.UnitTests;

/// <summary>Every link in an email comes from the configured public address, never from a request.</summary>
public sealed class PublicLinksTests
{
    [Theory]
    [InlineData("https://coproduce.brackenfield.gov.uk", "/reset-password?userId=a&token=b", "https://coproduce.brackenfield.gov.uk/reset-password?userId=a&token=b")]
    [InlineData("https://coproduce.brackenfield.gov.uk/", "/sign-in", "https://coproduce.brackenfield.gov.uk/sign-in")]
    [InlineData("https://www.brackenfield.gov.uk/coproduce", "/sign-in", "https://www.brackenfield.gov.uk/coproduce/sign-in")]
    [InlineData("https://www.brackenfield.gov.uk/coproduce/", "/activities/7", "https://www.brackenfield.gov.uk/coproduce/activities/7")]
    public void To_BuildsFromThePublicAddress_KeepingItsPath(string baseUrl, string path, string expected) =>
        Assert.Equal(expected, Links(baseUrl, Environments.Production).To(path));

    [Theory]
    [InlineData("https://coproduce.example.gov.uk", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://coproduce.example.gov.uk/?x=1", false)]
    [InlineData("https://coproduce.example.gov.uk/#top", false)]
    [InlineData("ftp://coproduce.example.gov.uk", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_TakesOnlyAnAbsoluteWebAddress(string? value, bool expected) =>
        Assert.Equal(expected, PublicAddress.TryParse(value, out _));

    [Fact]
    public void MissingAddressOutsideDevelopment_IsAnError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Links(null, Environments.Production).To("/sign-in"));
        Assert.Contains("Portal:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    private static PublicLinks Links(string? baseUrl, string environment)
    {
        var host = new Mock<IWebHostEnvironment>();
        host.Setup(h => h.EnvironmentName).Returns(environment);
        var server = new Mock<IServer>();
        server.Setup(s => s.Features).Returns(new FeatureCollection());
        return new PublicLinks(Options.Create(new PortalOptions { PublicBaseUrl = baseUrl }), host.Object, server.Object);
    }
}
