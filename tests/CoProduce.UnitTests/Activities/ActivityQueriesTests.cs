using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Features.Activities;
using static CoProduce.UnitTests.Activities.TestActivities;

namespace CoProduce.UnitTests.Activities;

/// <summary>The database's form of "not over" says what <see cref="Activity.IsOver"/> says, at UK midnight and across the clock changes.</summary>
public sealed class ActivityQueriesTests
{
    [Theory]
    [InlineData("2027-06-15", "10:00", "12:00", "2027-06-14T22:59:59Z")] // still the 14th in the UK
    [InlineData("2027-06-15", "10:00", "12:00", "2027-06-15T10:59:59Z")] // 11:59:59 BST
    [InlineData("2027-06-15", "10:00", "12:00", "2027-06-15T11:00:00Z")] // 12:00 BST: over
    [InlineData("2027-01-15", "10:00", "12:00", "2027-01-15T11:59:59Z")] // GMT
    [InlineData("2027-01-15", "10:00", "12:00", "2027-01-15T12:00:00Z")]
    [InlineData("2027-03-28", "10:00", "12:00", "2027-03-28T10:59:59Z")] // the day the clocks go forward
    [InlineData("2027-03-28", "10:00", "12:00", "2027-03-28T11:00:00Z")]
    [InlineData("2027-10-31", "10:00", "12:00", "2027-10-31T11:59:59Z")] // the day the clocks go back
    [InlineData("2027-10-31", "10:00", "12:00", "2027-10-31T12:00:00Z")]
    [InlineData("2027-06-15", "22:00", "23:30", "2027-06-15T22:29:59Z")]
    [InlineData("2027-06-15", "22:00", "23:30", "2027-06-15T22:30:00Z")]
    public void NotYetEnded_AgreesWithIsOver(string date, string start, string end, string now)
    {
        var activity = Open(Day(date), start, end);
        var moment = Utc(now);

        Assert.Equal(!activity.IsOver(moment), ActivityQueries.NotYetEnded(moment).Compile()(activity));
    }
}
