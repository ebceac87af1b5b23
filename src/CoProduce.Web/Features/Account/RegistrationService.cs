using CoProduce.Web.Data;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Account;

/// <summary>
/// Registration as an expert by experience, confirmed by an emailed link. The person who registers
/// sees the same page whether or not the address already has an account (being on the roster can
/// reveal lived experience); the address's owner gets the email that fits. A password is chosen
/// only from the emailed link, so nobody can set one up in advance for someone else's address.
/// </summary>
public sealed class RegistrationService(
    UserManager<CoProduceUser> users,
    CoProduceDbContext db,
    IEmailOutbox outbox,
    PublicLinks links,
    TimeProvider clock)
{
    public enum Outcome
    {
        Completed,
        LinkProblem,
        PasswordRefused,
    }

    public async Task RegisterAsync(string displayName, string address, CancellationToken cancellationToken)
    {
        var existing = await users.FindByEmailAsync(address);
        if (existing is null)
        {
            try
            {
                // The account and the email with its link are saved together.
                await CreateAsync(displayName, address, cancellationToken);
                return;
            }
            catch (Exception raced) when (raced is InvalidOperationException or DbUpdateException)
            {
                // The same address registered twice at once: the other request made the account.
                db.ChangeTracker.Clear();
                existing = await users.FindByEmailAsync(address);
                if (existing is null)
                {
                    throw;
                }
            }
        }
        if (!existing.EmailConfirmed && existing.PasswordHash is null)
        {
            // They registered before and have not used the link yet: send a new one.
            await AddConfirmationToOutboxAsync(existing);
        }
        else
        {
            outbox.Add(new EmailMessage(existing.Email!, "Someone tried to make a CoProduce account with your email address",
                $"Hello {existing.DisplayName},\n\n" +
                "Someone tried to make a new CoProduce account with this email address. You already have an account, so we did not make another.\n\n" +
                $"If it was you, sign in here:\n\n{links.To("/sign-in")}\n\n" +
                $"If you have forgotten your password, you can choose a new one here:\n\n{links.To("/forgot-password")}\n\n" +
                "If it was not you, you can ignore this email. Nobody can get into your account with it.\n\nCoProduce"));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether a confirmation link is still good (before asking for a password).</summary>
    public async Task<bool> IsValidLinkAsync(string? userId, string? encodedToken)
    {
        var (user, token) = await FromLinkAsync(userId, encodedToken);
        return user is not null && await users.VerifyUserTokenAsync(user, RegistrationTokenProviderOptions.ProviderName,
            UserManager<CoProduceUser>.ConfirmEmailTokenPurpose, token!);
    }

    /// <summary>Confirms the address and sets the first password; the link then stops working.</summary>
    public async Task<(Outcome Outcome, CoProduceUser? User, IEnumerable<IdentityError> Errors)> CompleteAsync(
        string? userId, string? encodedToken, string password)
    {
        var (user, token) = await FromLinkAsync(userId, encodedToken);
        if (user is null || !await users.VerifyUserTokenAsync(user, RegistrationTokenProviderOptions.ProviderName,
                UserManager<CoProduceUser>.ConfirmEmailTokenPurpose, token!))
        {
            return (Outcome.LinkProblem, null, []);
        }
        // Adding the password changes the security stamp, so the link cannot be used again.
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return (Outcome.PasswordRefused, null, added.Errors);
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return (Outcome.Completed, user, []);
    }

    private async Task<(CoProduceUser? User, string? Token)> FromLinkAsync(string? userId, string? encodedToken)
    {
        var token = string.IsNullOrEmpty(encodedToken) ? null : PasswordLinkSender.DecodeToken(encodedToken);
        var user = string.IsNullOrEmpty(userId) || token is null ? null : await users.FindByIdAsync(userId);
        // Only an account still waiting for its first password can be completed by a link.
        return user is { EmailConfirmed: false, PasswordHash: null } ? (user, token) : (null, null);
    }

    /// <summary>The account, its role, its (empty) profile and the email with the link are saved together or not at all.</summary>
    private async Task<CoProduceUser> CreateAsync(string displayName, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new CoProduceUser
        {
            UserName = address,
            Email = address,
            DisplayName = displayName,
            CreatedUtc = now,
        };
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.ExpertByExperience));
            // Every expert by experience has a profile; consent and the rest come after they sign in.
            db.ExpertProfiles.Add(new ExpertProfile(user.Id, user.DisplayName, user.Email, now));
            await AddConfirmationToOutboxAsync(user);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return user;
    }

    private async Task AddConfirmationToOutboxAsync(CoProduceUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, RegistrationTokenProviderOptions.ProviderName, UserManager<CoProduceUser>.ConfirmEmailTokenPurpose);
        var link = links.To($"/register/confirm?userId={Uri.EscapeDataString(user.Id)}&token={PasswordLinkSender.EncodeToken(token)}");
        outbox.Add(new EmailMessage(user.Email!, "Finish making your CoProduce account",
            $"Hello {user.DisplayName},\n\n" +
            "Thank you for making a CoProduce account. Use this link to choose your password and finish:\n\n" +
            $"{link}\n\n" +
            $"The link works for {RegistrationTokenProviderOptions.Lifespan.TotalDays:0} days. " +
            "If you did not ask for an account, you can ignore this email.\n\nCoProduce"));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not make the account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
