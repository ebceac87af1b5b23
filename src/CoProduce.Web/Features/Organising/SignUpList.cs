using System.Globalization;
using System.Linq.Expressions;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Infrastructure.Mvc;

namespace CoProduce.Web.Features.Organising;

/// <summary>
/// Which of an activity's sign-ups its organiser's page lists: those with one status or
/// attendance (or all), sorted by when they asked or by least recent involvement, one page at a
/// time. Bound from the page's address, and posted back with each change made on that page, so
/// the organiser comes back to the same place in the list.
/// </summary>
public sealed record SignUpListView
{
    public const string LeastInvolved = "least-involved";

    /// <summary>A key of <see cref="SignUpFilter.All"/>, or none for everyone.</summary>
    public string? Show { get; init; }

    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public bool LeastInvolvedFirst => Sort == LeastInvolved;

    /// <summary>The activity page's address for this view, or another page, filter or sort of it.</summary>
    public string Href(int activityId, int? page = null, string? show = "", string? sort = "")
    {
        var parts = new List<string>();
        var filter = SignUpFilter.Find(show == string.Empty ? Show : show)?.Key;
        if (filter is not null)
        {
            parts.Add("show=" + filter);
        }
        if ((sort == string.Empty ? Sort : sort) == LeastInvolved)
        {
            parts.Add("sort=" + LeastInvolved);
        }
        if ((page ?? Page) is var p and > 1)
        {
            parts.Add("page=" + p.ToString(CultureInfo.InvariantCulture));
        }
        return $"/manage/activities/{activityId.ToString(CultureInfo.InvariantCulture)}" + (parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts));
    }

    /// <summary>The same view for links from a sign-up's own pages (decline, attendance) and their forms.</summary>
    public string Query(int activityId) => Href(activityId) is var href && href.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? href[q..] : string.Empty;
}

/// <summary>
/// A group of sign-ups the organiser can list on its own: a status, or (for those with a place)
/// what their attendance was. Its count comes from the database's count by status and attendance.
/// </summary>
public sealed record SignUpFilter(string Key, string Label, Expression<Func<SignUp, bool>> Matches, Func<SignUpTally, bool> Counts)
{
    public static readonly IReadOnlyList<SignUpFilter> All =
    [
        ByStatus("confirmed", SignUpStatus.Confirmed),
        ByStatus("offered", SignUpStatus.Offered),
        ByStatus("requested", SignUpStatus.Requested),
        ByStatus("waiting-list", SignUpStatus.WaitingList),
        ByStatus("invited", SignUpStatus.Invited),
        ByStatus("declined", SignUpStatus.Declined),
        ByStatus("withdrawn", SignUpStatus.Withdrawn),
        ByAttendance("attended", "Attended", Attendance.Attended),
        ByAttendance("did-not-attend", "Did not attend", Attendance.DidNotAttend),
        ByAttendance("cancelled-by-council", "Cancelled by the council", Attendance.CancelledByCouncil),
    ];

    /// <summary>The filter with this key, or null for everyone (an unknown key shows everyone).</summary>
    public static SignUpFilter? Find(string? key) => All.FirstOrDefault(f => f.Key == key);

    private static SignUpFilter ByStatus(string key, SignUpStatus status) =>
        new(key, Words.Status(status), s => s.Status == status, t => t.Status == status);

    private static SignUpFilter ByAttendance(string key, string label, Attendance attendance) =>
        new(key, label, s => s.Attendance == attendance, t => t.Attendance == attendance);
}

/// <summary>How many of an activity's sign-ups have one status and attendance: counted by the database.</summary>
public sealed record SignUpTally(SignUpStatus Status, Attendance Attendance, int Count);

/// <summary>One line of the activity page's count of sign-ups: a group, how many, and whether it is the one listed.</summary>
public sealed record SignUpGroupRow(string Label, int Count, string Href, bool IsListed);

/// <summary>The page of sign-ups the activity page lists, with the counts of every group.</summary>
public sealed record SignUpListPage(
    IReadOnlyList<SignUpRow> Rows,
    Paging Paging,
    SignUpListView View,
    string? Listing,
    int Everyone,
    IReadOnlyList<SignUpGroupRow> Groups);
