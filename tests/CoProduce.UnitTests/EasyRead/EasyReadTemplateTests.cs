using CoProduce.Web.Domain.EasyRead;

namespace CoProduce.UnitTests.EasyRead;

/// <summary>Recording that a template was checked with people, at an activity that took place.</summary>
public sealed class EasyReadTemplateTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime Now = new(2026, 11, 30, 14, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string, string?> Days() => new()
    {
        // checked on, activity on, the problem
        { "2026-11-30", "2026-11-30", null },
        { "2026-11-30", "2026-11-01", null },
        { "2026-11-02", "2026-11-01", null },
        { "2026-11-01", "2026-11-01", null },
        { "2026-12-01", "2026-11-01", "The date of the check must be today or in the past" },
        { "2027-01-01", "2026-12-31", "The date of the check must be today or in the past" },
        { "2026-10-31", "2026-11-01", "The date of the check must be on or after the day of the activity" },
        { "2026-11-29", "2026-11-30", "The date of the check must be on or after the day of the activity" },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void RecordCheck_OnlyOnOrAfterTheActivityAndNotInTheFuture(string checkedOn, string activityOn, string? problem)
    {
        var template = new EasyReadTemplate(EasyReadDocumentKind.Payments);
        var on = DateOnly.Parse(checkedOn, System.Globalization.CultureInfo.InvariantCulture);
        var activity = DateOnly.Parse(activityOn, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(problem, EasyReadTemplate.ProblemWith(on, activity, Today));
        if (problem is null)
        {
            template.RecordCheck(on, 7, activity, null, "lead", Today, Now);
            Assert.Equal((on, 7, "lead", Now), (template.LastCheckedOn!.Value, template.CheckedAtActivityId!.Value, template.RecordedByUserId!, template.RecordedUtc!.Value));
            Assert.True(template.WasEverChecked);
        }
        else
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(() => template.RecordCheck(on, 7, activity, null, "lead", Today, Now));
            Assert.StartsWith(problem, refused.Message, StringComparison.Ordinal);
            Assert.False(template.WasEverChecked);
            Assert.Null(template.CheckedAtActivityId);
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   \n ", null)]
    [InlineData("  They wanted bigger pictures.  ", "They wanted bigger pictures.")]
    [InlineData("Fine", "Fine")]
    public void RecordCheck_KeepsTheNoteTrimmed(string? note, string? kept)
    {
        var template = new EasyReadTemplate(EasyReadDocumentKind.HowWePay);

        template.RecordCheck(Today, 3, Today, note, "lead", Today, Now);

        Assert.Equal(kept, template.Note);
    }

    [Fact]
    public void RecordCheck_Again_ReplacesTheLastCheck()
    {
        var template = new EasyReadTemplate(EasyReadDocumentKind.YouSaidWeDid);
        template.RecordCheck(Today.AddDays(-10), 1, Today.AddDays(-10), "First", "lead", Today, Now);

        template.RecordCheck(Today, 2, Today.AddDays(-1), null, "other lead", Today, Now);

        Assert.Equal((Today, 2, null, "other lead"), (template.LastCheckedOn!.Value, template.CheckedAtActivityId!.Value, template.Note, template.RecordedByUserId));
    }

    [Fact]
    public void RecordCheck_ByNobody_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new EasyReadTemplate(EasyReadDocumentKind.Payments).RecordCheck(Today, 1, Today, null, " ", Today, Now));

    [Theory]
    [InlineData("2026-11-20", null)]
    [InlineData("2026-11-10", null)]
    [InlineData("2026-11-09", "A later check is already recorded, on 10 November 2026. Enter that day or a later one")]
    public void RecordCheck_LastCheckedNeverGoesBack(string checkedOn, string? problem)
    {
        var template = new EasyReadTemplate(EasyReadDocumentKind.Invitation);
        var activity = new DateOnly(2026, 11, 1);
        template.RecordCheck(new DateOnly(2026, 11, 10), 7, activity, null, "lead", Today, Now);
        var on = DateOnly.Parse(checkedOn, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(problem, template.ProblemWithCheck(on, activity, Today));
        if (problem is null)
        {
            template.RecordCheck(on, 8, activity, null, "lead", Today, Now);
            Assert.Equal(on, template.LastCheckedOn);
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => template.RecordCheck(on, 8, activity, null, "lead", Today, Now));
            Assert.Equal(new DateOnly(2026, 11, 10), template.LastCheckedOn);
        }
    }
}
