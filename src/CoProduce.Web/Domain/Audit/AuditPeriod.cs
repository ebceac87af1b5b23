using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Audit;

/// <summary>
/// The days of the audit log someone asked to see, from and to UK dates, both included. Either end
/// may be left open. The database compares UTC moments, so the period gives the first moment of the
/// "from" day and the first moment after the "to" day, in UK time (a day in summer starts at 23:00 UTC
/// the evening before).
/// </summary>
public sealed record AuditPeriod(DateOnly? From, DateOnly? To)
{
    public static readonly AuditPeriod Always = new(null, null);

    /// <summary>Why the period cannot be used, or null when it can: a "to" day before the "from" day.</summary>
    public string? Problem => From is { } from && To is { } to && to < from ? "Date to must be the same as or after date from" : null;

    /// <summary>The first UTC moment of the "from" day, or null for no lower bound.</summary>
    public DateTime? StartUtc => From is { } from ? UkTime.ToUtc(from, TimeOnly.MinValue) : null;

    /// <summary>
    /// The first UTC moment after the "to" day (entries must be before it), or null for no upper bound.
    /// The last day a date can be (31 December 9999) has no day after it: it bounds nothing.
    /// </summary>
    public DateTime? EndUtcExclusive => To is { } to && to < DateOnly.MaxValue ? UkTime.ToUtc(to.AddDays(1), TimeOnly.MinValue) : null;

    public bool Contains(DateTime atUtc) =>
        (StartUtc is not { } start || atUtc >= start) && (EndUtcExclusive is not { } end || atUtc < end);
}
