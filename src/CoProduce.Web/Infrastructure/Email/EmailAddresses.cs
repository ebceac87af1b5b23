using System.Globalization;
using MimeKit;

namespace CoProduce.Web.Infrastructure.Email;

/// <summary>
/// Whether an email address typed into a form can be sent to. It is read by the same parser
/// that sends the mail (<see cref="EmailSetup.ToMime"/>), so an address that passes here never
/// fails when the email goes.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 256;

    /// <summary>
    /// True for one bare address, like name@example.com: not a name with it ("Jo &lt;jo@example.com&gt;"),
    /// a comment or a list, and without control or invisible formatting characters.
    /// </summary>
    public static bool IsSendable(string? text)
    {
        var address = text?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength || address.Any(IsHidden))
        {
            return false;
        }
        // The parser also accepts a name, angle brackets or a comment around the address (the
        // address it finds must be all that was typed), and a local name with no domain.
        return MailboxAddress.TryParse(address, out var mailbox)
            && string.Equals(mailbox.Address, address, StringComparison.Ordinal)
            && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0;
    }

    private static bool IsHidden(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
