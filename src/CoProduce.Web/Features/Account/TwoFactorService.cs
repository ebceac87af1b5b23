using System.Security.Claims;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Accounts;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.Account;

/// <summary>What the two-factor page shows about the signed-in account.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool MayTurnOff, int RecoveryCodesLeft);

/// <summary>The shared key, as text in groups of four and as an otpauth:// address for the app.</summary>
public sealed record AuthenticatorSetUp(string Key, string Uri, bool Required, string? ReturnUrl)
{
    /// <summary>The code typed, kept when it was wrong.</summary>
    public string? Code { get; init; }
}

/// <summary>Recovery codes, shown once when made.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, string ContinueUrl);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, through Identity): setting it up, signing
/// in with a code or a recovery code, new recovery codes, turning it off where allowed. Each
/// change is audited, never with the key or the codes.
/// </summary>
public sealed class TwoFactorService(
    CoProduceDbContext db,
    UserManager<CoProduceUser> users,
    SignInManager<CoProduceUser> signIn,
    IOptions<SecurityOptions> options,
    IOptions<Infrastructure.Mvc.CouncilOptions> council,
    TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;

    private bool Required => options.Value.RequireTwoFactorForStaff;

    public async Task<TwoFactorStatus?> StatusAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        return user is null
            ? null
            : new TwoFactorStatus(user.TwoFactorEnabled, SignInRules.MayTurnOffTwoFactor(TwoFactorGate.RolesOf(principal), Required),
                user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The key to type into the app: made once, and kept until set-up is confirmed or reset.</summary>
    public async Task<AuthenticatorSetUp?> SetUpAsync(ClaimsPrincipal principal, string? returnUrl)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // The reset changed the security stamp: keep this session.
            await signIn.RefreshSignInAsync(user);
        }
        var issuer = council.Value.Name + " " + council.Value.ServiceName;
        var uri = "otpauth://totp/" + Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(user.Email ?? user.Id) +
            "?secret=" + key + "&issuer=" + Uri.EscapeDataString(issuer) + "&digits=6";
        return new AuthenticatorSetUp(SignInRules.FormatKey(key!), uri, TwoFactorGate.NeedsSetUp(principal, Required), returnUrl);
    }

    /// <summary>
    /// Checks the first code from the app; if it is right, turns two-factor sign-in on, makes the
    /// recovery codes and signs in again as someone who has used a second factor. Null if wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(ClaimsPrincipal principal, string code)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.TwoFactorEnabled || !SignInRules.IsAuthenticatorCode(code) ||
            !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, SignInRules.CleanCode(code)))
        {
            return null;
        }
        IReadOnlyList<string> codes = [];
        await InTransactionAsync(async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            Audit(user.Id, AuditActions.TwoFactorTurnedOn, "Two-factor sign-in turned on, with new recovery codes.", user.Id);
        });
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorGate.MethodClaim, TwoFactorGate.SecondFactorMethod)]);
        return codes;
    }

    public async Task<IReadOnlyList<string>?> RenewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.TwoFactorEnabled)
        {
            return null;
        }
        IReadOnlyList<string> codes = [];
        await InTransactionAsync(async () =>
        {
            codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            Audit(user.Id, AuditActions.RecoveryCodesRenewed, "New recovery codes made; the old ones no longer work.", user.Id);
        });
        return codes;
    }

    /// <summary>Only for those who chose it: finance officers and leads must keep it on.</summary>
    public async Task<bool> TurnOffAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.TwoFactorEnabled || !SignInRules.MayTurnOffTwoFactor(TwoFactorGate.RolesOf(principal), Required))
        {
            return false;
        }
        await InTransactionAsync(async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            Audit(user.Id, AuditActions.TwoFactorTurnedOff, "Two-factor sign-in turned off.", user.Id);
        });
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    /// <summary>The second step of signing in, with a code from the app.</summary>
    public async Task<SignInResult> SignInWithCodeAsync(string? code)
    {
        if (!SignInRules.IsAuthenticatorCode(code))
        {
            return SignInResult.Failed;
        }
        return await signIn.TwoFactorAuthenticatorSignInAsync(SignInRules.CleanCode(code), isPersistent: false, rememberClient: false);
    }

    /// <summary>The second step of signing in, with a recovery code: each works once, and its use is audited.</summary>
    public async Task<SignInResult> SignInWithRecoveryCodeAsync(string? code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var clean = SignInRules.CleanRecoveryCode(code);
        if (user is null || clean.Length == 0)
        {
            return SignInResult.Failed;
        }
        // Identity's recovery-code sign-in neither checks nor counts towards lockout: do both here,
        // so that an account locked after wrong codes cannot be finished with guessed recovery codes.
        if (await users.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(clean);
        if (result.Succeeded)
        {
            Audit(user.Id, AuditActions.RecoveryCodeUsed, "Signed in with a recovery code.", user.Id);
            await db.SaveChangesAsync();
        }
        else
        {
            await users.AccessFailedAsync(user);
        }
        return result;
    }

    /// <summary>Whether the person has passed their password and is between the two steps.</summary>
    public async Task<bool> IsBetweenStepsAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    private void Audit(string userId, string action, string summary, string byUserId) =>
        db.AuditEntries.Add(new AuditEntry(AuditSubject.StaffAccount(userId), null, action, summary, byUserId, clock.GetUtcNow().UtcDateTime));

    /// <summary>Identity's saves and the audit entry, together or not at all.</summary>
    private async Task InTransactionAsync(Func<Task> work)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await work();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
    }
}
