using System.Net;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>The public programme: open activities in easy read, as a page and a tagged PDF, for anyone.</summary>
public sealed class ProgrammeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Programme_Anonymous_ListsTheOpenActivitiesInEasyRead()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var response = await client.GetAsync(new Uri("/programme", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var today = CoProduce.Web.Domain.Common.UkTime.Today(TimeProvider.System);
        var open = await db.Activities.Where(a => a.Status == CoProduce.Web.Domain.Activities.ActivityStatus.Open && a.Date >= today && a.SignUpClosesOn >= today)
            .Select(a => a.Title).ToListAsync();
        Assert.NotEmpty(open);
        var headings = page.QuerySelectorAll(".app-easy-read__heading").Select(h => h.TextContent.Trim()).ToList();
        Assert.All(open, title => Assert.Contains(title, headings));
        Assert.All(page.QuerySelectorAll(".app-easy-read__section img"), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
        Assert.NotNull(page.QuerySelector("a.app-easy-read__pdf-link[href='/programme.pdf']"));
    }

    [Fact]
    public async Task Programme_NamesNobody()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var html = await client.GetStringAsync(new Uri("/programme", UriKind.Relative));
        var pdfText = await PdfTextAsync(await client.GetByteArrayAsync(new Uri("/programme.pdf", UriKind.Relative)));

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var people = await db.ExpertProfiles.Select(p => new { p.PreferredName, p.ContactEmail }).ToListAsync();
        var accounts = await db.Users.Select(u => new { u.DisplayName, u.Email }).ToListAsync();
        var personal = people.SelectMany(p => new[] { p.PreferredName, p.ContactEmail })
            .Concat(accounts.SelectMany(a => new[] { a.DisplayName, a.Email }))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        Assert.NotEmpty(personal);
        foreach (var value in personal)
        {
            // As a whole word: "Jo" is a name, "join" is not.
            var word = new System.Text.RegularExpressions.Regex(@"(?<![\p{L}\p{N}])" + System.Text.RegularExpressions.Regex.Escape(value!) + @"(?![\p{L}\p{N}])",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.False(word.IsMatch(html), $"The programme page names {value}.");
            Assert.False(word.IsMatch(pdfText), $"The programme PDF names {value}.");
        }
    }

    [Fact]
    public async Task ProgrammePdf_Anonymous_IsATaggedEasyReadPdfOfThePage()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var page = await client.GetPageAsync("/programme");
        var response = await client.GetAsync(new Uri("/programme.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("programme.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        await PdfChecks.AssertEasyReadAsync(await response.Content.ReadAsByteArrayAsync(), page, "programme");
    }

    [Fact]
    public async Task HomePage_LinksToTheProgramme()
    {
        var client = await portal.ClientForAsync(AccessExpectations.Anonymous);
        var home = await client.GetPageAsync("/");

        Assert.NotNull(home.QuerySelector("a[href='/programme']"));
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"programme-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return await PdfChecks.RunAsync("pdftotext", "-enc", "UTF-8", file, "-");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
