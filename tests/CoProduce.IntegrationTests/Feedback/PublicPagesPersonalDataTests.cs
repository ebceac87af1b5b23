using System.Net;
using System.Text.RegularExpressions;
using CoProduce.IntegrationTests.EasyRead;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Features.Feedback;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests.Feedback;

/// <summary>
/// Public pages hold no personal data: every page anyone can open without signing in is rendered
/// over the demo data plus a published, public "you said, we did" (whose notes were said by named
/// people, who attended, with emails), and no seeded person's name or email, nor any staff
/// member's, appears in its HTML or its PDF.
/// </summary>
public sealed class PublicPagesPersonalDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] PublicPages =
    [
        "/", "/programme", "/how-we-pay", "/how-we-pay/easy-read", "/co-production-rules", "/accessibility-statement", "/privacy", "/cookies",
        "/sign-in", "/register", YouSaidWeDidPaths.PublicList,
    ];

    private static readonly string[] PublicPdfs = ["/programme.pdf", "/how-we-pay/easy-read.pdf"];

    [Fact]
    public async Task PublicPages_HoldNoPersonalData()
    {
        var data = await PublishAsync();
        var anonymous = await portal.ClientForAsync(AccessExpectations.Anonymous);
        // The demo's carers' project has its own published answers, from notes said by the demo's people.
        int carers;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            carers = await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().CommissioningProjects
                .Where(p => p.Title == "Carers' support service").Select(p => p.Id).SingleAsync();
        }
        var pages = PublicPages.Concat([YouSaidWeDidPaths.Public(data.ProjectId), YouSaidWeDidPaths.PublicEasyRead(data.ProjectId),
            YouSaidWeDidPaths.Public(carers), YouSaidWeDidPaths.PublicEasyRead(carers)]).ToList();
        var pdfs = PublicPdfs.Append(YouSaidWeDidPaths.PublicEasyRead(data.ProjectId) + ".pdf").ToList();

        var rendered = new Dictionary<string, string>();
        foreach (var url in pages)
        {
            var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            rendered[url] = await response.Content.ReadAsStringAsync();
        }
        foreach (var url in pdfs)
        {
            var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            rendered[url] = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        }
        // The pages do show what was published: the check is not passing over empty pages.
        Assert.Contains("We made the form one page long.", rendered[YouSaidWeDidPaths.Public(data.ProjectId)], StringComparison.Ordinal);
        Assert.Contains("Forms are too hard", rendered[YouSaidWeDidPaths.Public(data.ProjectId)], StringComparison.Ordinal);
        // The notes' own words are never published: a note can hold details about a person.
        Assert.All(rendered.Values, html => Assert.All(FeedbackData.Notes, note => Assert.DoesNotContain(note, html, StringComparison.Ordinal)));
        Assert.Contains(data.Title, rendered[YouSaidWeDidPaths.PublicList], StringComparison.Ordinal);

        var personal = await PersonalValuesAsync();
        Assert.Contains(data.Attended[0].Name, personal);
        Assert.Contains(DemoUsers.EmailFor(Roles.ExpertByExperience), personal);
        var found = new List<string>();
        foreach (var value in personal)
        {
            // As a whole word: "Jo" is a name, "join" is not.
            var word = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(value) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(5));
            found.AddRange(rendered.Where(page => word.IsMatch(page.Value)).Select(page => $"{page.Key} shows \"{value}\""));
        }
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    /// <summary>Every person's name and email, and every account's (staff included).</summary>
    private async Task<List<string>> PersonalValuesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var people = await db.ExpertProfiles.Select(p => new { p.PreferredName, p.ContactEmail, p.ContactPhone }).ToListAsync();
        var accounts = await db.Users.Select(u => new { u.DisplayName, u.Email }).ToListAsync();
        return people.SelectMany(p => new[] { p.PreferredName, p.ContactEmail, p.ContactPhone })
            .Concat(accounts.SelectMany(a => new[] { a.DisplayName, a.Email }))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct().ToList();
    }

    /// <summary>A project whose notes were said by named people who attended, themed, answered and published to the public page.</summary>
    private async Task<FeedbackProject> PublishAsync()
    {
        var data = await FeedbackData.CreateAsync(portal, "Personal data: short breaks", withJo: true);
        var client = await portal.ClientForAsync(Roles.Commissioner);
        var feedback = YouSaidWeDidPaths.Feedback(data.ProjectId);
        var themed = await client.SubmitFormAsync(feedback, $"/projects/{data.ProjectId}/feedback/themes",
            [.. data.ItemIds.Select(i => new KeyValuePair<string, string>("ItemIds", i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                new("ThemeId", string.Empty), new("NewThemeName", "Forms are too hard")]);
        Assert.Equal(HttpStatusCode.Redirect, themed.StatusCode);
        var themeId = int.Parse(themed.Location()!.Split("#theme-")[1], System.Globalization.CultureInfo.InvariantCulture);
        var theme = YouSaidWeDidPaths.Theme(data.ProjectId, themeId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(theme, theme + "/answer",
            [new("Kind", "WeDid"), new("Text", "We made the form one page long.")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(feedback, $"/projects/{data.ProjectId}/feedback/publish",
            [new("ShowOnPublicPage", "true")])).StatusCode);
        return data;
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"public-{Guid.NewGuid():N}.pdf");
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
