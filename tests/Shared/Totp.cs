using System.Security.Cryptography;

namespace CoProduce.Tests.Shared;

/// <summary>
/// An authenticator app in a few lines: RFC 6238 time-based codes (HMAC-SHA1, 30-second steps,
/// 6 digits) from the shared key the set-up page shows (base32, in groups of four).
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string sharedKey, DateTimeOffset at)
    {
        var key = Base32(sharedKey);
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1: the standard, not a choice.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var number = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (number % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Code(string sharedKey) => Code(sharedKey, DateTimeOffset.UtcNow);

    private static byte[] Base32(string text)
    {
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }
        return [.. bytes];
    }
}
