namespace CoProduce.Web.Domain.Audit;

/// <summary>
/// The kinds of special category data (and bank details) a page can show about a person. Staff
/// seeing any of them is recorded in the audit log, one entry per person, naming the kinds shown
/// and where, never the data.
/// </summary>
[Flags]
public enum SpecialCategory
{
    None = 0,

    /// <summary>Access needs, their words and the language wanted, or what would help them take part.</summary>
    AccessNeeds = 1,

    /// <summary>The areas of lived experience and their words.</summary>
    LivedExperience = 2,

    /// <summary>Warnings worked out from the benefits a person said they get.</summary>
    BenefitWarnings = 4,

    /// <summary>The bank account, masked: only its last digits.</summary>
    MaskedBankAccount = 8,

    /// <summary>The whole bank details: name on the account, sort code and account number.</summary>
    BankDetails = 16,
}

/// <summary>Which kinds a page showed, and how an audit entry says so.</summary>
public static class SpecialCategories
{
    /// <summary>The kinds <paramref name="shown"/> holds, each only when something of it was actually on the page.</summary>
    public static SpecialCategory Of(bool accessNeeds = false, bool livedExperience = false, bool benefitWarnings = false, bool maskedBankAccount = false, bool bankDetails = false) =>
        (accessNeeds ? SpecialCategory.AccessNeeds : SpecialCategory.None)
        | (livedExperience ? SpecialCategory.LivedExperience : SpecialCategory.None)
        | (benefitWarnings ? SpecialCategory.BenefitWarnings : SpecialCategory.None)
        | (maskedBankAccount ? SpecialCategory.MaskedBankAccount : SpecialCategory.None)
        | (bankDetails ? SpecialCategory.BankDetails : SpecialCategory.None);

    /// <summary>
    /// What the audit entry says: "Access needs and lived experience shown on the organiser's page of
    /// activity 12". <paramref name="where"/> starts with a verb and a place ("shown on the roster").
    /// </summary>
    public static string Summary(SpecialCategory shown, string where)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(where);
        if (shown == SpecialCategory.None)
        {
            throw new ArgumentException("Nothing of a special category was shown, so there is nothing to record.", nameof(shown));
        }
        var kinds = Enum.GetValues<SpecialCategory>().Where(k => k != SpecialCategory.None && shown.HasFlag(k)).Select(Words).ToList();
        var list = kinds.Count == 1 ? kinds[0] : string.Join(", ", kinds[..^1]) + " and " + kinds[^1];
        return char.ToUpperInvariant(list[0]) + list[1..] + " " + where.Trim() + ".";
    }

    /// <summary>The subject of the entry: the person's profile, or their payment details for benefits and bank details.</summary>
    public static AuditSubject SubjectFor(SpecialCategory shown, int expertProfileId) =>
        (shown & (SpecialCategory.BenefitWarnings | SpecialCategory.MaskedBankAccount | SpecialCategory.BankDetails)) != 0
            ? AuditSubject.PaymentDetails(expertProfileId)
            : AuditSubject.Profile(expertProfileId);

    private static string Words(SpecialCategory kind) => kind switch
    {
        SpecialCategory.AccessNeeds => "access needs",
        SpecialCategory.LivedExperience => "lived experience",
        SpecialCategory.BenefitWarnings => "benefit warnings",
        SpecialCategory.MaskedBankAccount => "bank account (masked)",
        SpecialCategory.BankDetails => "bank details in full",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
