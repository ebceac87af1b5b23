using System.Text;
using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CoProduce.Web.Features.Account;

/// <summary>
/// Emails a one-time link to choose a password: for a forgotten password, and for a new staff
/// account (staff never receive a password by email). The email goes in the outbox.
/// </summary>
public sealed class PasswordLinkSender(UserManager<CoProduceUser> userManager, IEmailOutbox outbox, CoProduceDbContext db, PublicLinks links)
{
    public enum Purpose
    {
        ForgottenPassword,
        NewStaffAccount,
    }

    /// <summary>Puts the email in the outbox; the caller's save stores it, with the change it belongs to.</summary>
    public async Task AddToOutboxAsync(CoProduceUser user, Purpose purpose)
    {
        var link = await LinkAsync(user);
        var (subject, introduction) = purpose switch
        {
            Purpose.NewStaffAccount => ("Your CoProduce account",
                "A CoProduce account has been made for you. Use this link to choose your password:"),
            _ => ("Reset your CoProduce password",
                "Someone asked to reset the password for your CoProduce account. If it was you, use this link to choose a new password:"),
        };
        var body = $"Hello {user.DisplayName},\n\n{introduction}\n\n{link}\n\n" +
                   "The link works for 2 hours. If you did not expect this email, you can ignore it.\n\nCoProduce";
        outbox.Add(new EmailMessage(user.Email!, subject, body));
    }

    /// <summary>
    /// The one-time link to choose a password, on the portal's public address. It works once,
    /// for the token lifetime Identity is given (2 hours).
    /// </summary>
    public async Task<string> LinkAsync(CoProduceUser user)
    {
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        return links.To($"/reset-password?userId={Uri.EscapeDataString(user.Id)}&token={EncodeToken(token)}");
    }

    /// <summary>A forgotten password changes nothing else: the email is saved on its own.</summary>
    public async Task SendForgottenPasswordLinkAsync(CoProduceUser user, CancellationToken cancellationToken)
    {
        await AddToOutboxAsync(user, Purpose.ForgottenPassword);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
