namespace CoProduce.Web.Infrastructure.Background;

/// <summary>When a job is next due after a run that failed.</summary>
public static class JobSchedule
{
    /// <summary>The shortest wait after a failure, so that a broken job does not fill the log every few seconds.</summary>
    public static readonly TimeSpan ShortestBackOff = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait after a failure, so that a daily job is tried again the same day.</summary>
    public static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(15);

    /// <summary>
    /// After a failure the job is due again when it would have been anyway, but never sooner than
    /// <see cref="ShortestBackOff"/> and never later than <see cref="LongestBackOff"/> from now.
    /// </summary>
    /// <param name="nowUtc">When the run failed.</param>
    /// <param name="usualNextUtc">When the job would next have run had it succeeded.</param>
    public static DateTime NextRunAfterFailure(DateTime nowUtc, DateTime usualNextUtc)
    {
        var wait = usualNextUtc - nowUtc;
        if (wait < ShortestBackOff)
        {
            wait = ShortestBackOff;
        }
        else if (wait > LongestBackOff)
        {
            wait = LongestBackOff;
        }
        return nowUtc + wait;
    }

    /// <summary>An outcome cut to fit <see cref="JobLease.LastOutcome"/>.</summary>
    public static string Outcome(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > JobLease.OutcomeMaxLength ? text[..(JobLease.OutcomeMaxLength - 1)] + "…" : text;
    }
}
