using CoProduce.Web.Domain.Retention;

namespace CoProduce.Web.Features.Retention;

/// <summary>
/// The council's retention policy, from the "Retention" section of the settings. Checked at
/// start-up: a period of 0 years, or a time of day that is not one, stops the portal starting
/// rather than deleting everything.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>The daily run does its work (true), or nothing at all (false).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When true, the daily run only works out what it would do and deletes nothing.</summary>
    public bool DryRunOnly { get; set; }

    /// <summary>The UK time of day the daily run starts, "HH:mm".</summary>
    public string RunAtUkTime { get; set; } = "03:00";

    /// <summary>An expert by experience who has done nothing for this long is anonymised.</summary>
    public int ExpertsInactiveYears { get; set; } = 3;

    /// <summary>Receipt files are deleted this long after their claim was paid or rejected (the finance retention period).</summary>
    public int ReceiptsKeepYears { get; set; } = 6;

    /// <summary>Claims and payment batches are kept at least this long. The portal does not delete them yet.</summary>
    public int FinanceRecordsKeepYears { get; set; } = 6;

    /// <summary>A note of what someone said forgets who said it this long after its activity.</summary>
    public int NoteSpeakersKeepYears { get; set; } = 2;

    /// <summary>
    /// A deleted person's bank details are deleted as soon as no claim still has to be paid into
    /// their account. Not a period: the value is whether the rule runs (true), and is documented here.
    /// </summary>
    public bool DeletedPeoplesBankDetails { get; set; } = true;

    public RetentionPolicy Policy => new(ExpertsInactiveYears, ReceiptsKeepYears, FinanceRecordsKeepYears, NoteSpeakersKeepYears);

    public TimeOnly RunAt => TimeOnly.ParseExact(RunAtUkTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public bool IsValid =>
        ExpertsInactiveYears is >= 1 and <= 100
        && ReceiptsKeepYears is >= 1 and <= 100
        && FinanceRecordsKeepYears is >= 1 and <= 100
        && NoteSpeakersKeepYears is >= 1 and <= 100
        // Receipts are finance records: they are not deleted before the finance records' period ends.
        && ReceiptsKeepYears >= FinanceRecordsKeepYears
        && TimeOnly.TryParseExact(RunAtUkTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    public const string InvalidMessage =
        "Retention settings: ExpertsInactiveYears, ReceiptsKeepYears, FinanceRecordsKeepYears and NoteSpeakersKeepYears must be whole years "
        + "from 1 to 100, ReceiptsKeepYears at least FinanceRecordsKeepYears, and RunAtUkTime a time such as 03:00";
}
