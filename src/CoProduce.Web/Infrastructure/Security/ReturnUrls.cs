using System.Text;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>Where to send someone back to after signing in: only ever an address on this site.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// The return address, if it is local (checked by <paramref name="isLocalUrl"/>, which refuses
    /// other sites and control characters), with anything a Location header cannot carry
    /// percent-encoded as UTF-8: "/café" becomes "/caf%C3%A9". Otherwise the home page.
    /// </summary>
    public static string SafeLocal(string? returnUrl, Func<string, bool> isLocalUrl)
    {
        ArgumentNullException.ThrowIfNull(isLocalUrl);
        if (string.IsNullOrEmpty(returnUrl) || !isLocalUrl(returnUrl))
        {
            return "/";
        }
        var encoded = EncodeForHeader(returnUrl);
        return isLocalUrl(encoded) ? encoded : "/";
    }

    /// <summary>Percent-encodes every character outside printable ASCII; the rest is kept as it is.</summary>
    public static string EncodeForHeader(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var result = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        // A lone surrogate becomes U+FFFD, so the result is always valid UTF-8.
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                result.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }
}
