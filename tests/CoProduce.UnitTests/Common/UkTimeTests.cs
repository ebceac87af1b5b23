using System.Globalization;
using CoProduce.Web.Domain.Common;

namespace CoProduce.UnitTests.Common;

/// <summary>UK wall-clock times and dates, across the clock changes (in 2027: 28 March and 31 October, at 01:00 UTC).</summary>
public sealed class UkTimeTests
{
    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("2027-01-15", "10:00", "2027-01-15T10:00:00Z")]
    [InlineData("2027-06-15", "10:00", "2027-06-15T09:00:00Z")]
    [InlineData("2027-06-15", "00:00", "2027-06-14T23:00:00Z")]
    [InlineData("2027-03-28", "00:59", "2027-03-28T00:59:00Z")]
    [InlineData("2027-03-28", "02:00", "2027-03-28T01:00:00Z")]
    // The hour the clocks skip: read as the wall clock reads it after the jump (01:30 is 02:30 BST).
    [InlineData("2027-03-28", "01:00", "2027-03-28T01:00:00Z")]
    [InlineData("2027-03-28", "01:30", "2027-03-28T01:30:00Z")]
    [InlineData("2027-03-28", "01:59", "2027-03-28T01:59:00Z")]
    // The hour that happens twice: the later, GMT one.
    [InlineData("2027-10-31", "00:59", "2027-10-30T23:59:00Z")]
    [InlineData("2027-10-31", "01:30", "2027-10-31T01:30:00Z")]
    [InlineData("2027-10-31", "02:00", "2027-10-31T02:00:00Z")]
    public void ToUtc_AUkWallClockTime(string date, string time, string utc)
    {
        var moment = UkTime.ToUtc(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeOnly.Parse(time, CultureInfo.InvariantCulture));

        Assert.Equal(Utc(utc), moment);
        Assert.Equal(DateTimeKind.Utc, moment.Kind);
    }

    [Theory]
    [InlineData("2027-01-14T23:59:59Z", "2027-01-14T23:59:59")]
    [InlineData("2027-01-15T00:00:00Z", "2027-01-15T00:00:00")]
    [InlineData("2027-06-14T22:59:59Z", "2027-06-14T23:59:59")]
    [InlineData("2027-06-14T23:00:00Z", "2027-06-15T00:00:00")]
    [InlineData("2027-03-28T00:59:59Z", "2027-03-28T00:59:59")]
    [InlineData("2027-03-28T01:00:00Z", "2027-03-28T02:00:00")]
    [InlineData("2027-10-31T00:59:59Z", "2027-10-31T01:59:59")]
    [InlineData("2027-10-31T01:00:00Z", "2027-10-31T01:00:00")]
    public void ToUk_AMoment(string utc, string uk)
    {
        Assert.Equal(DateTime.Parse(uk, CultureInfo.InvariantCulture), UkTime.ToUk(Utc(utc)));
    }
}
