namespace CoProduce.Web.Domain.Accounts;

/// <summary>
/// Who must sign in with a second factor, and how long a session lasts without a request. Roles
/// are passed by name, as Identity keeps them.
/// </summary>
public static class SignInRules
{
    public const string Commissioner = "Commissioner";
    public const string ExpertByExperience = "ExpertByExperience";
    public const string FinanceOfficer = "FinanceOfficer";
    public const string CoProductionLead = "CoProductionLead";

    /// <summary>Staff are signed out after this long without a request.</summary>
    public static readonly TimeSpan StaffIdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Experts by experience get longer: their own pages hold only their own data, and some take
    /// longer to read, type, or take a break while filling in a claim or their profile.
    /// </summary>
    public static readonly TimeSpan ExpertIdleTimeout = TimeSpan.FromMinutes(120);

    /// <summary>The warning comes this long before the session ends.</summary>
    public static readonly TimeSpan WarningBefore = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Finance officers move public money and leads run the rules and staff accounts: they must use
    /// an authenticator app, unless the setting is off (the embedded demo only).
    /// </summary>
    public static bool MustUseTwoFactor(IEnumerable<string> roles, bool requiredForStaff) =>
        requiredForStaff && roles.Any(r => r is FinanceOfficer or CoProductionLead);

    /// <summary>Anyone may choose to turn it on; only those who must cannot turn it off.</summary>
    public static bool MayTurnOffTwoFactor(IEnumerable<string> roles, bool requiredForStaff) =>
        !MustUseTwoFactor(roles, requiredForStaff);

    /// <summary>The shortest timeout of the person's roles: any staff role makes it the staff one.</summary>
    public static TimeSpan IdleTimeout(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return list.Count > 0 && list.All(r => r == ExpertByExperience) ? ExpertIdleTimeout : StaffIdleTimeout;
    }

    /// <summary>The shared key as people type it: groups of four, lower case.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var plain = key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return string.Join(' ', Enumerable.Range(0, (plain.Length + 3) / 4).Select(i => plain.Substring(i * 4, Math.Min(4, plain.Length - (i * 4)))));
    }

    /// <summary>A code as typed: spaces and hyphens dropped.</summary>
    public static string CleanCode(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    /// <summary>
    /// A recovery code as Identity keeps it ("BCDFG-23456", in capitals, compared exactly): spaces
    /// dropped, letters in capitals (people type them in small letters), and the hyphen put back if
    /// it was left out.
    /// </summary>
    public static string CleanRecoveryCode(string? code)
    {
        var clean = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        return clean.Length == 10 && !clean.Contains('-', StringComparison.Ordinal) ? clean[..5] + "-" + clean[5..] : clean;
    }

    /// <summary>An authenticator code: exactly six digits.</summary>
    public static bool IsAuthenticatorCode(string? code)
    {
        var clean = CleanCode(code);
        return clean.Length == 6 && clean.All(char.IsAsciiDigit);
    }
}
