using System.Security.Cryptography;
using System.Text.Json;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Account;

/// <summary>
/// Registration as an expert by experience, confirmed by an emailed link. Nothing is saved until
/// the link is used: the link itself carries the address and name, signed and time-limited. So
/// the person who registers sees the same page, and the portal does the same work (one email),
/// whether or not the address already has an account (being on the roster can reveal lived
/// experience); nobody can make an account, or choose its password, for an address they cannot
/// read; and unused registrations leave nothing behind.
/// </summary>
public sealed class RegistrationService(
    UserManager<CoProduceUser> users,
    CoProduceDbContext db,
    IEmailOutbox outbox,
    PublicLinks links,
    IDataProtectionProvider protection,
    TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(3);

    public enum Outcome
    {
        Completed,
        LinkProblem,
        AlreadyRegistered,
        PasswordRefused,
    }

    /// <summary>What a registration link carries.</summary>
    public sealed record Registration(string Email, string DisplayName);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("CoProduce.Registration.v1").ToTimeLimitedDataProtector();

    public async Task RegisterAsync(string displayName, string address, CancellationToken cancellationToken)
    {
        var existing = await users.FindByEmailAsync(address);
        if (existing is null)
        {
            var token = Protector.Protect(JsonSerializer.Serialize(new Registration(address, displayName)), LinkLifetime);
            // "Hello" without the name: the name was typed by whoever filled in the form, who may not own the address.
            outbox.Add(new EmailMessage(address, "Finish making your CoProduce account",
                "Hello,\n\n" +
                "Someone asked to make a CoProduce account with this email address. If it was you, use this link to choose your password and finish:\n\n" +
                $"{links.To("/register/confirm?token=" + Uri.EscapeDataString(token))}\n\n" +
                $"The link works for {LinkLifetime.TotalDays:0} days. If it was not you, you can ignore this email: no account has been made.\n\nCoProduce"));
        }
        else
        {
            outbox.Add(new EmailMessage(existing.Email!, "Someone tried to make a CoProduce account with your email address",
                "Hello,\n\n" +
                "Someone tried to make a new CoProduce account with this email address. You already have an account, so we did not make another.\n\n" +
                $"If it was you, sign in here:\n\n{links.To("/sign-in")}\n\n" +
                $"If you have forgotten your password, you can choose a new one here:\n\n{links.To("/forgot-password")}\n\n" +
                "If it was not you, you can ignore this email. Nobody can get into your account with it.\n\nCoProduce"));
        }
        // Either way one message is stored and nothing else: the same work, whether or not the account exists.
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the link says, or why it cannot be used.</summary>
    public async Task<(Outcome Outcome, Registration? Registration)> ReadLinkAsync(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (Outcome.LinkProblem, null);
        }
        Registration? registration;
        try
        {
            registration = JsonSerializer.Deserialize<Registration>(Protector.Unprotect(token));
        }
        catch (Exception notOurs) when (notOurs is CryptographicException or JsonException or FormatException)
        {
            return (Outcome.LinkProblem, null);
        }
        if (registration is null)
        {
            return (Outcome.LinkProblem, null);
        }
        return await users.FindByEmailAsync(registration.Email) is null
            ? (Outcome.Completed, registration)
            : (Outcome.AlreadyRegistered, registration);
    }

    /// <summary>Makes the account, with its role, profile and password, all together or not at all.</summary>
    public async Task<(Outcome Outcome, CoProduceUser? User, IEnumerable<IdentityError> Errors)> CompleteAsync(
        string? token, string displayName, string password, CancellationToken cancellationToken)
    {
        var (outcome, registration) = await ReadLinkAsync(token);
        if (outcome != Outcome.Completed)
        {
            return (outcome, null, []);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new CoProduceUser
        {
            UserName = registration!.Email,
            Email = registration.Email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedUtc = now,
        };
        IdentityResult result = IdentityResult.Success;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    return;
                }
                result = await users.AddToRoleAsync(user, Roles.ExpertByExperience);
                if (!result.Succeeded)
                {
                    return;
                }
                // Every expert by experience has a profile; consent and the rest come next.
                db.ExpertProfiles.Add(new ExpertProfile(user.Id, user.DisplayName, user.Email, now));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException)
        {
            // The same link (or two links for one address) used twice at once: the other made the account.
            return (Outcome.AlreadyRegistered, null, []);
        }
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return (Outcome.AlreadyRegistered, null, []);
        }
        return result.Succeeded ? (Outcome.Completed, user, []) : (Outcome.PasswordRefused, null, result.Errors);
    }
}
