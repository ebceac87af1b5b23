using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Features.Feedback;
using CoProduce.Web.Infrastructure.GovUk;

namespace CoProduce.UnitTests.Feedback;

/// <summary>The feedback forms' checks: each problem by its field, in the words people read.</summary>
public sealed class FeedbackFormsTests
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private static DateParts Parts(string day, string month, string year) => new() { Day = day, Month = month, Year = year };

    public static TheoryData<ResponseKind?, string, string, string, string, string?> Answers()
    {
        var soon = Today.AddDays(10);
        string D(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            { ResponseKind.WeDid, "We changed it.", "", "", "", null },
            { ResponseKind.WeWillDo, "We will change it.", D(soon.Day), D(soon.Month), D(soon.Year), null },
            { ResponseKind.WeCannotDo, "The law says we must.", "", "", "", null },
            // A date typed for another kind is not looked at.
            { ResponseKind.WeDid, "We changed it.", "31", "2", "2027", null },
            { ResponseKind.WeWillDo, "We will change it.", "", "", "", "By: Enter the date we will do it by" },
            { ResponseKind.WeWillDo, "We will change it.", "31", "2", "2027", "By: The date we will do it by must be a real date, like 27 3 2027" },
            { ResponseKind.WeWillDo, "We will change it.", D(Today.Day), D(Today.Month), D(Today.Year), "By: The date we will do it by must be in the future" },
            { ResponseKind.WeWillDo, "", D(soon.Day), D(soon.Month), D(soon.Year), "Text: Enter what we will do" },
            { ResponseKind.WeCannotDo, " ", "", "", "", "Text: Enter why we cannot do it, such as a legal duty or the budget" },
            { ResponseKind.WeDid, new string('a', ResponseRules.TextMaxLength + 1), "", "", "", "Text: The answer must be 2000 characters or fewer" },
            { null, "Anything", "", "", "", "Kind: Select what kind of answer this is: we did, we will do, or we cannot do" },
        };
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void Answer_IsCheckedByResponseRules_ByTheField(ResponseKind? kind, string text, string day, string month, string year, string? problem)
    {
        var form = new AnswerThemeForm { Kind = kind, Text = text, By = Parts(day, month, year) };

        var errors = new AnswerThemeFormValidator(TimeProvider.System).Validate(form).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToList();

        if (problem is null)
        {
            Assert.Empty(errors);
            Assert.Equal(kind == ResponseKind.WeWillDo ? Today.AddDays(10) : null, form.ToResponse().By);
        }
        else
        {
            Assert.Equal([problem], errors);
        }
    }

    public static TheoryData<long[], int?, string?, string[]> Themings() => new()
    {
        { [1, 2], 5, null, [] },
        { [1], null, "Forms are too hard", [] },
        { [], 5, null, ["ItemIds: Select the notes to add to a theme"] },
        { [1], null, " ", ["ThemeId: Choose a theme, or enter a name for a new theme"] },
        { [], null, null, ["ItemIds: Select the notes to add to a theme", "ThemeId: Choose a theme, or enter a name for a new theme"] },
        { [1], 5, "Both", ["NewThemeName: Choose a theme or enter a name for a new one, not both"] },
        { [1], null, new string('a', FeedbackTheme.NameMaxLength + 1), ["NewThemeName: The theme's name must be 200 characters or fewer"] },
    };

    [Theory]
    [MemberData(nameof(Themings))]
    public void AddingToATheme_NeedsNotesAndOneTheme(long[] itemIds, int? themeId, string? newName, string[] problems)
    {
        var form = new AddToThemeForm { ItemIds = [.. itemIds], ThemeId = themeId, NewThemeName = newName };

        var errors = new AddToThemeFormValidator().Validate(form).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToList();

        Assert.Equal(problems, errors);
    }

    [Theory]
    [InlineData("", "", "", null)]
    [InlineData("1", "4", "2027", null)]
    [InlineData("31", "4", "2027", "The date to bring the group back must be a real date, like 27 3 2027")]
    [InlineData("1", "", "", "The date to bring the group back must be a real date, like 27 3 2027")]
    public void Publishing_TakesAnOptionalRealReviewDate(string day, string month, string year, string? problem)
    {
        var errors = new PublishFormValidator().Validate(new PublishForm { ReviewOn = Parts(day, month, year) }).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Equal(problem is null ? [] : [problem], errors);
    }
}
