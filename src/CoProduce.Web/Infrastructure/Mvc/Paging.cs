namespace CoProduce.Web.Infrastructure.Mvc;

/// <summary>
/// One page of a list that the database filters, sorts and pages: count the matches, then ask
/// for just this page with Skip(<see cref="Skip"/>).Take(<see cref="Size"/>). A page number
/// outside the list is brought inside it.
/// </summary>
public sealed record Paging(int Page, int PageCount, int Total, int Size)
{
    public int Skip => (Page - 1) * Size;

    public static Paging Of(int total, int size, int requestedPage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        return new(Math.Clamp(requestedPage, 1, pageCount), pageCount, total, size);
    }

    /// <summary>
    /// The page numbers to link to, GOV.UK style: the first, the last, and the pages either side
    /// of this one, with null where the list skips two or more (shown as an ellipsis).
    /// 1 … 4 [5] 6 … 500.
    /// </summary>
    public IReadOnlyList<int?> Numbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = Page - 1; p <= Page + 1; p++)
        {
            if (p >= 1 && p <= PageCount)
            {
                shown.Add(p);
            }
        }
        var numbers = new List<int?>();
        var previous = 0;
        foreach (var p in shown)
        {
            if (p == previous + 2)
            {
                numbers.Add(previous + 1); // an ellipsis would hide only one page
            }
            else if (p > previous + 2)
            {
                numbers.Add(null);
            }
            numbers.Add(p);
            previous = p;
        }
        return numbers;
    }
}
