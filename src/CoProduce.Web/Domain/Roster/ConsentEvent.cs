namespace CoProduce.Web.Domain.Roster;

public enum ConsentChange { Given, Withdrawn }

/// <summary>
/// One change to a person's consent to us keeping special category data: given (to a version of
/// the privacy notice) or withdrawn, and when. Events are only ever added, so the history shows
/// every time the person agreed and every time they withdrew.
/// </summary>
public sealed class ConsentEvent
{
    public const int NoticeVersionMaxLength = 20;

    private ConsentEvent()
    {
    }

    internal ConsentEvent(int number, ConsentChange change, string? privacyNoticeVersion, DateTime atUtc)
    {
        Number = number;
        Change = change;
        PrivacyNoticeVersion = privacyNoticeVersion;
        AtUtc = atUtc;
    }

    /// <summary>The event's place in the person's history: 1 for the first, and so on.</summary>
    public int Number { get; private set; }

    public ConsentChange Change { get; private set; }

    /// <summary>The privacy notice the person agreed to. Only a given consent has one.</summary>
    public string? PrivacyNoticeVersion { get; private set; }

    public DateTime AtUtc { get; private set; }
}
