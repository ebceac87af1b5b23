using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Roster;

public enum LivedExperienceArea
{
    Carer, YoungCarer, LearningDisability, Autism, MentalHealth, PhysicalDisability, SensoryImpairment,
    OlderPeople, DomesticAbuse, Homelessness, SubstanceUse, RefugeeOrAsylum, Other,
}

/// <summary>Access and communication needs, after the Accessible Information Standard.</summary>
public enum AccessNeed
{
    EasyRead, LargePrint, BslInterpreter, AnotherLanguage, HearingLoop, StepFreeAccess, SupportWorker, QuietSpace, RegularBreaks, Other,
}

public enum ContactMethod { Email, Phone, TextMessage }

public enum TimeOfDay { Morning, Afternoon, Evening }

public enum TakingPart { InPerson, Online, Either }

public enum PaymentPreference { BankTransfer, Voucher, NoPayment }

/// <summary>
/// What an expert by experience tells the council about themselves. Lived experience and
/// health information is special category data: it is only kept with explicit consent, and a
/// person without consent (or who withdrew it) is not on the roster.
/// </summary>
public sealed class ExpertProfile : IConcurrencyVersioned
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 500;

    /// <summary>The name a deleted person's profile and account are left with.</summary>
    public const string DeletedName = "Deleted person";

    private readonly List<ConsentEvent> _consentHistory = [];

    private ExpertProfile()
    {
    }

    public ExpertProfile(string userId, string preferredName, string contactEmail, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        PreferredName = preferredName;
        ContactEmail = contactEmail;
        PreferredContact = ContactMethod.Email;
        Mode = TakingPart.Either;
        CreatedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public string PreferredName { get; private set; } = string.Empty;
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }
    public ContactMethod PreferredContact { get; private set; }

    public IReadOnlySet<LivedExperienceArea> LivedExperience { get; private set; } = new HashSet<LivedExperienceArea>();
    public string? LivedExperienceOther { get; private set; }

    public IReadOnlySet<AccessNeed> AccessNeeds { get; private set; } = new HashSet<AccessNeed>();
    public string? Language { get; private set; }
    public string? AccessNeedsOther { get; private set; }

    public IReadOnlySet<DayOfWeek> AvailableDays { get; private set; } = new HashSet<DayOfWeek>();
    public IReadOnlySet<TimeOfDay> TimesOfDay { get; private set; } = new HashSet<TimeOfDay>();
    public TakingPart Mode { get; private set; }
    public int? TravelMiles { get; private set; }

    public PaymentPreference? PaymentPreference { get; private set; }

    /// <summary>Every time the person gave or withdrew consent, in order.</summary>
    public IReadOnlyList<ConsentEvent> ConsentHistory => [.. _consentHistory.OrderBy(e => e.Number)];

    /// <summary>The latest change to the person's consent, which says whether they consent now.</summary>
    public ConsentEvent? LatestConsentEvent => _consentHistory.MaxBy(e => e.Number);

    /// <summary>The consent that stands now, with the privacy notice version and when it was given; none if withdrawn or never given.</summary>
    public ConsentEvent? CurrentConsent => LatestConsentEvent is { Change: ConsentChange.Given } given && AnonymisedUtc is null ? given : null;

    public DateTime? AnonymisedUtc { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    /// <summary>A change saved from a page loaded before a consent withdrawal must not bring data back.</summary>
    public Guid Version { get; set; }

    public bool HasConsent => CurrentConsent is not null;

    /// <summary>
    /// The reference finance knows the person by, which never changes and stays after their name
    /// is deleted: "P000042". Made from the profile's id, so nothing extra is stored.
    /// </summary>
    public string PayeeReference => PayeeReferenceOf(Id);

    /// <summary>The name finance shows: the person's own, or their payee reference once they deleted their information.</summary>
    public string PayeeName => AnonymisedUtc is null ? PreferredName : PayeeReference;

    /// <summary>Only people who have consented appear on the roster organisers search.</summary>
    public bool IsOnRoster => HasConsent;

    public void SetContact(string preferredName, string? email, string? phone, ContactMethod preferred, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(preferredName);
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone))
        {
            throw new ArgumentException("Give an email address or a phone number, or both.");
        }
        PreferredName = preferredName;
        ContactEmail = Blank(email);
        ContactPhone = Blank(phone);
        PreferredContact = preferred;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Lived experience is special category data: it can only be recorded with consent.</summary>
    public void SetLivedExperience(IEnumerable<LivedExperienceArea> areas, string? other, DateTime nowUtc)
    {
        RequireConsent();
        LivedExperience = areas.ToHashSet();
        LivedExperienceOther = LivedExperience.Contains(LivedExperienceArea.Other) ? Blank(other) : null;
        UpdatedUtc = nowUtc;
    }

    public void SetAccessNeeds(IEnumerable<AccessNeed> needs, string? language, string? other, DateTime nowUtc)
    {
        RequireConsent();
        AccessNeeds = needs.ToHashSet();
        Language = AccessNeeds.Contains(AccessNeed.AnotherLanguage) ? Blank(language) : null;
        AccessNeedsOther = AccessNeeds.Contains(AccessNeed.Other) ? Blank(other) : null;
        UpdatedUtc = nowUtc;
    }

    public void SetAvailability(IEnumerable<DayOfWeek> days, IEnumerable<TimeOfDay> times, TakingPart mode, int? travelMiles, DateTime nowUtc)
    {
        if (travelMiles is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(travelMiles));
        }
        AvailableDays = days.ToHashSet();
        TimesOfDay = times.ToHashSet();
        Mode = mode;
        TravelMiles = travelMiles;
        UpdatedUtc = nowUtc;
    }

    /// <summary>The payee reference of the profile with this id, for a query that reads only ids.</summary>
    public static string PayeeReferenceOf(int profileId) =>
        "P" + profileId.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public void SetPaymentPreference(PaymentPreference preference, DateTime nowUtc)
    {
        PaymentPreference = preference;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// Records that the person agrees to the given privacy notice version. Agreeing again to the
    /// version they already agree to changes nothing; agreeing to a new version, or after a
    /// withdrawal, adds an event and keeps every earlier one.
    /// </summary>
    public void GiveConsent(string privacyNoticeVersion, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privacyNoticeVersion);
        if (AnonymisedUtc is not null)
        {
            throw new InvalidOperationException("A deleted person's information cannot be kept again.");
        }
        if (CurrentConsent?.PrivacyNoticeVersion == privacyNoticeVersion)
        {
            return;
        }
        AddConsentEvent(ConsentChange.Given, privacyNoticeVersion, nowUtc);
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// Withdrawing consent takes the person off the roster at once and clears their special
    /// category data. Withdrawing when there is no consent to withdraw records nothing.
    /// </summary>
    public void WithdrawConsent(DateTime nowUtc)
    {
        if (LatestConsentEvent is { Change: ConsentChange.Given })
        {
            AddConsentEvent(ConsentChange.Withdrawn, null, nowUtc);
        }
        LivedExperience = new HashSet<LivedExperienceArea>();
        LivedExperienceOther = null;
        AccessNeeds = new HashSet<AccessNeed>();
        Language = null;
        AccessNeedsOther = null;
        UpdatedUtc = nowUtc;
    }

    /// <summary>
    /// Deletion: personal data goes. The consent history stays, without a name, as the record that
    /// what was done with the person's information was done with their consent.
    /// </summary>
    public void Anonymise(DateTime nowUtc)
    {
        WithdrawConsent(nowUtc);
        PreferredName = DeletedName;
        ContactEmail = null;
        ContactPhone = null;
        AvailableDays = new HashSet<DayOfWeek>();
        TimesOfDay = new HashSet<TimeOfDay>();
        TravelMiles = null;
        PaymentPreference = null;
        AnonymisedUtc = nowUtc;
    }

    private void AddConsentEvent(ConsentChange change, string? privacyNoticeVersion, DateTime nowUtc) =>
        _consentHistory.Add(new ConsentEvent((LatestConsentEvent?.Number ?? 0) + 1, change, privacyNoticeVersion, nowUtc));

    private void RequireConsent()
    {
        if (!HasConsent)
        {
            throw new InvalidOperationException("Lived experience and access needs can only be recorded with the person's consent.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
