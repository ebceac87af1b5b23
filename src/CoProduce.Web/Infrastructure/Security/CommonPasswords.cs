using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>
/// The password rule the National Cyber Security Centre advises: length over complexity (no
/// "must contain a digit or a symbol"), a generous maximum, and not one of the passwords
/// attackers try first. The list (common-passwords.txt) is bundled: there is no look-up over
/// the network.
/// </summary>
public sealed class CommonPasswords
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    public const string CommonMessage = "Choose a password that is harder to guess: this one is on a list of common passwords";

    private const string ResourceName = "CoProduce.Web.CommonPasswords.txt";

    /// <summary>What people add to the end of a word to meet an old composition rule.</summary>
    private static readonly char[] Additions = "0123456789!?£$%&*#@+=~^".ToCharArray();

    private readonly FrozenSet<string> _list;

    public CommonPasswords(IEnumerable<string> list) =>
        _list = list.Select(Normalise).Where(p => p.Length > 0).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many passwords are on the list.</summary>
    public int Count => _list.Count;

    /// <summary>The bundled list.</summary>
    public static CommonPasswords Bundled()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The list of common passwords ({ResourceName}) is not in the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }
        return new CommonPasswords(lines);
    }

    /// <summary>
    /// True when the password is on the list, ignoring case, spaces and the separators people put
    /// between words ("Correct horse battery staple"), and ignoring digits and symbols added at
    /// the end ("Password2026!" is "password" with a year on).
    /// </summary>
    public bool IsCommon(string password)
    {
        var normal = Normalise(password);
        if (normal.Length == 0)
        {
            return false;
        }
        if (_list.Contains(normal))
        {
            return true;
        }
        var stem = normal.TrimEnd(Additions);
        return stem.Length > 0 && stem.Length < normal.Length && _list.Contains(stem);
    }

    private static string Normalise(string password)
    {
        var builder = new StringBuilder(password.Length);
        foreach (var c in password.Trim().ToLower(CultureInfo.InvariantCulture))
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '_' or '.'))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

/// <summary>Identity's check of every new password: registration, password reset and staff account set-up.</summary>
public sealed class CommonPasswordValidator(CommonPasswords commonPasswords) : IPasswordValidator<CoProduceUser>
{
    public const string TooLongCode = "PasswordTooLong";
    public const string CommonCode = "PasswordCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<CoProduceUser> manager, CoProduceUser user, string? password)
    {
        // Too short or empty is Identity's own length rule (RequiredLength).
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password.Length > CommonPasswords.MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = TooLongCode,
                Description = $"Password must be {CommonPasswords.MaxLength} characters or fewer",
            }));
        }
        return Task.FromResult(commonPasswords.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = CommonPasswords.CommonMessage })
            : IdentityResult.Success);
    }
}
