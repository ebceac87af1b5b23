using System.Security.Claims;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Infrastructure.Security;

internal static class IdentitySetup
{
    public const string AuthCookieName = "CoProduce.Auth";
    public const string AntiforgeryCookieName = "CoProduce.Antiforgery";
    public const string MessagesCookieName = "CoProduce.Messages";

    public static IServiceCollection AddCoProduceIdentity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services
            .AddIdentity<CoProduceUser, IdentityRole>(options =>
            {
                // Length over composition rules, as the National Cyber Security Centre advises;
                // the common passwords are refused by CommonPasswordValidator.
                options.Password.RequiredLength = CommonPasswords.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // The user name is the email address: any address that mail can be sent to
                // (O'Brien, José) is allowed; the email rule has already checked it.
                options.User.AllowedUserNameCharacters = string.Empty;
                // A password is only ever set from an emailed link, which proves the address.
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CoProduceDbContext>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.AddSingleton(_ => CommonPasswords.Bundled());

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.AddSessionValidationOnEveryRequest();

        // Secure cookies everywhere but on a developer's plain-http localhost.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/access-denied";
            options.ReturnUrlParameter = "returnUrl";
            // 30 minutes without a request for staff, longer for experts by experience.
            options.UseIdleTimeoutByRole();
            options.Events.OnSignedIn = RecordSignInAsync;
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });

        // Carries a success message to the next page (post/redirect/get).
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = MessagesCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
        });

        return services;
    }

    /// <summary>
    /// Keeps when the person last signed in: retention counts an expert by experience as active
    /// from it. One UPDATE; a copy of the account already loaded in this request is told too, so
    /// that a later save of it does not put back the old value.
    /// </summary>
    private static async Task RecordSignInAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieSignedInContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<Data.CoProduceDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInUtc, now), context.HttpContext.RequestAborted);
        if (db.ChangeTracker.Entries<Data.CoProduceUser>().FirstOrDefault(e => e.Entity.Id == userId) is { } loaded)
        {
            loaded.Entity.LastSignInUtc = now;
            loaded.Property(u => u.LastSignInUtc).OriginalValue = now;
        }
    }
}
