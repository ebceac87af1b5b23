using CoProduce.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CoProduce.Web.Features.Account;

/// <summary>
/// Signs in with an email address and password, spending the same work whatever the outcome.
/// Checking a password hash is the slow step (about 100 ms by design): an unknown address, an
/// account with no password yet and a locked account would otherwise answer at once, and the
/// difference would tell anyone who is registered, which can reveal a person's lived experience.
/// </summary>
public sealed class PasswordSignIn(SignInManager<CoProduceUser> signInManager, IPasswordHasher<CoProduceUser> hasher)
{
    // A hash of a random password, made once, to check against when there is no real one.
    private static string? s_standInHash;

    /// <summary>Succeeded, or RequiresTwoFactor when the account uses an authenticator app, or failed.</summary>
    public async Task<SignInResult> SignInAsync(string email, string password)
    {
        var user = await signInManager.UserManager.FindByEmailAsync(email);
        if (user?.PasswordHash is null)
        {
            CheckStandIn(password);
            return SignInResult.Failed;
        }
        // A locked account is refused before its password is checked. The attempt that locks it
        // was checked already, so it must not be checked twice.
        var wasLocked = await signInManager.UserManager.IsLockedOutAsync(user);
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (wasLocked || result.IsNotAllowed)
        {
            CheckStandIn(password);
        }
        return result;
    }

    private void CheckStandIn(string password)
    {
        var standIn = new CoProduceUser();
        s_standInHash ??= hasher.HashPassword(standIn, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(standIn, s_standInHash, password);
    }
}
