using CoProduce.Web.Infrastructure.GovUk;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CoProduce.UnitTests;

/// <summary>Lists are paged by the database; these are the page numbers and the GOV.UK links to them.</summary>
public sealed class PagingTests
{
    public static TheoryData<int, int, int, int, int, int> OfCases => new()
    {
        // total, size, page asked for → page, page count, rows to skip
        { 0, 20, 1, 1, 1, 0 },
        { 1, 20, 1, 1, 1, 0 },
        { 20, 20, 2, 1, 1, 0 },
        { 21, 20, 2, 2, 2, 20 },
        { 10_003, 20, 9999, 501, 501, 10_000 },
        { 100, 20, 0, 1, 5, 0 },
        { 100, 20, -3, 1, 5, 0 },
    };

    [Theory]
    [MemberData(nameof(OfCases))]
    public void Of_BringsThePageInsideTheList(int total, int size, int asked, int page, int pageCount, int skip)
    {
        var paging = Paging.Of(total, size, asked);

        Assert.Equal((page, pageCount, skip, total, size), (paging.Page, paging.PageCount, paging.Skip, paging.Total, paging.Size));
    }

    public static TheoryData<int, int, string> NumberCases => new()
    {
        // page, page count, the numbers shown (… for an ellipsis)
        { 1, 1, "1" },
        { 1, 2, "1 2" },
        { 1, 3, "1 2 3" },
        { 1, 5, "1 2 … 5" },
        { 3, 5, "1 2 3 4 5" },
        { 4, 7, "1 2 3 4 5 6 7" },
        { 3, 7, "1 2 3 4 … 7" },
        { 4, 8, "1 2 3 4 5 … 8" },
        { 5, 500, "1 … 4 5 6 … 500" },
        { 500, 500, "1 … 499 500" },
        { 2, 500, "1 2 3 … 500" },
    };

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void Numbers_FirstLastAndEitherSideOfThisPage(int page, int pageCount, string expected)
    {
        var numbers = new Paging(page, pageCount, pageCount * 20, 20).Numbers();

        Assert.Equal(expected, string.Join(' ', numbers.Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }

    private static string Render(Paging paging)
    {
        var helper = new PaginationTagHelper { Paging = paging, Label = "Pages of the roster", Link = page => $"/roster?area=Carer&page={page}" };
        var output = new TagHelperOutput("govuk-pagination", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "id"), output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Pagination_OnePage_ShowsNothing() => Assert.Equal(string.Empty, Render(Paging.Of(5, 20, 1)));

    [Fact]
    public void Pagination_MiddlePage_IsGovUkMarkupWithAccessibleNames()
    {
        var html = Render(Paging.Of(200, 20, 5));

        Assert.StartsWith("<nav class=\"govuk-pagination\" aria-label=\"Pages of the roster\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"govuk-link govuk-pagination__link\" href=\"/roster?area=Carer&amp;page=4\" rel=\"prev\">", html, StringComparison.Ordinal);
        Assert.Contains("Previous<span class=\"govuk-visually-hidden\"> page</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/roster?area=Carer&amp;page=5\" aria-label=\"Page 5\" aria-current=\"page\">5</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Page 10\">10</a>", html, StringComparison.Ordinal);
        Assert.Contains("govuk-pagination__item--ellipses", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/roster?area=Carer&amp;page=6\" rel=\"next\">", html, StringComparison.Ordinal);
        Assert.Single(html.Split("aria-current").Skip(1));
    }

    [Fact]
    public void Pagination_FirstAndLastPages_HaveNoPreviousOrNextRespectively()
    {
        Assert.DoesNotContain("rel=\"prev\"", Render(Paging.Of(200, 20, 1)), StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", Render(Paging.Of(200, 20, 10)), StringComparison.Ordinal);
    }
}
