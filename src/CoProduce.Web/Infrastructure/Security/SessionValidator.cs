using System.Security.Claims;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>
/// Checks every signed-in request against the account, so that a session ends at once, on every
/// device and every instance of the portal, when the account's security stamp changes (sign-out,
/// password reset, deletion, a change of roles) or the account is locked by an administrator. A
/// copied cookie is then worth nothing. This costs one look-up of the account per request.
/// The short lock after several wrong passwords only stops new sign-ins: anyone can cause it by
/// typing wrong passwords for someone else's address, so it must not throw that person out.
/// </summary>
public sealed class SessionValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<CoProduceUser> signInManager,
    ILoggerFactory logger)
    : SecurityStampValidator<CoProduceUser>(options, signInManager, logger)
{
    private bool IsLockedByAdministrator(CoProduceUser user) =>
        user.LockoutEnabled && user.LockoutEnd is { } end && end > TimeProvider.GetUtcNow() + SessionValidation.AdministrativeLockAtLeast;

    /// <summary>On every request, whatever the clock says (the base class skips checks within an interval).</summary>
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await VerifySecurityStamp(context.Principal) is null)
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }
        // The idle timeout counts from the last request, not from half-way through the session.
        context.ShouldRenew = true;
    }

    protected override async Task<CoProduceUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && IsLockedByAdministrator(user) ? null : user;
    }

}

internal static class SessionValidation
{
    /// <summary>Longer than any lock that wrong passwords cause: set by deletion or by an administrator.</summary>
    public static readonly TimeSpan AdministrativeLockAtLeast = TimeSpan.FromDays(1);

    /// <summary>
    /// Every request, not the default of every 30 minutes. The roles and name in the cookie stay
    /// as they were signed in: a change of roles changes the stamp, so it ends the session.
    /// </summary>
    public static IServiceCollection AddSessionValidationOnEveryRequest(this IServiceCollection services)
    {
        services.AddScoped<ISecurityStampValidator, SessionValidator>();
        return services;
    }

    /// <summary>Ends every session of the account: the next request with any of its cookies is signed out.</summary>
    public static async Task EndEverySessionAsync(this UserManager<CoProduceUser> users, CoProduceUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not end the account's sessions: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
