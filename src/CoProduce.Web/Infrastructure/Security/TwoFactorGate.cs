using System.Security.Claims;
using CoProduce.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>Sign-in settings (section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Finance officers and co-production leads must sign in with an authenticator app. On by
    /// default; the embedded SQLite demo turns it off so that its accounts sign in with a password.
    /// </summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;
}

/// <summary>
/// Keeps a finance officer or co-production lead who signed in with a password alone away from
/// every page but setting up their authenticator app (and signing out), whatever link they follow.
/// Reads only the cookie's claims, so it costs no query.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string SetUpPath = "/account/two-factor/set-up";

    /// <summary>Identity's "authentication method" claim; "mfa" after a second factor.</summary>
    public const string MethodClaim = "amr";
    public const string SecondFactorMethod = "mfa";

    private static readonly string[] Open = [SetUpPath, "/sign-out", "/error", "/access-denied", "/health", "/session/keep-alive"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && NeedsSetUp(user, options.Value.RequireTwoFactorForStaff) &&
            !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            var returnUrl = HttpMethods.IsGet(context.Request.Method) ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : "/";
            context.Response.Redirect(SetUpPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return Task.CompletedTask;
        }
        return next(context);
    }

    public static bool NeedsSetUp(ClaimsPrincipal user, bool requiredForStaff) =>
        SignInRules.MustUseTwoFactor(RolesOf(user), requiredForStaff) && !SignedInWithSecondFactor(user);

    public static bool SignedInWithSecondFactor(ClaimsPrincipal user) =>
        user.HasClaim(MethodClaim, SecondFactorMethod);

    public static IEnumerable<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value);
}

internal static class SessionTimeouts
{
    /// <summary>
    /// Each session lasts the idle timeout of the person's roles from their last request: set at
    /// sign-in (the cookie handler keeps that length when it renews), and renewed on every request
    /// by <see cref="SessionValidator"/>. The handler reads the injected clock.
    /// </summary>
    public static void UseIdleTimeoutByRole(this CookieAuthenticationOptions options)
    {
        options.ExpireTimeSpan = SignInRules.StaffIdleTimeout;
        options.SlidingExpiration = true;
        options.Events.OnSigningIn = context =>
        {
            var issued = context.Properties.IssuedUtc ?? context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
            context.Properties.IssuedUtc = issued;
            context.Properties.ExpiresUtc = issued + SignInRules.IdleTimeout(TwoFactorGate.RolesOf(context.Principal!));
            return Task.CompletedTask;
        };
    }
}
