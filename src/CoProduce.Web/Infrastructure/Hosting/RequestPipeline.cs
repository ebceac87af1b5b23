using System.Globalization;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;


namespace CoProduce.Web.Infrastructure.Hosting;

internal static class RequestPipeline
{
    /// <summary>The one culture the portal speaks: dates like "3 March 2026", money like "£1,250.50".</summary>
    public static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static void UseCoProducePipeline(this WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = UkCulture;
        CultureInfo.DefaultThreadCurrentUICulture = UkCulture;

        // First, so that everything after sees the scheme and client address the proxy received.
        app.UseForwardedHeaders();
        app.UseHostFilteringExceptHealthChecks();

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // The error page shows a correlation id and never a stack trace.
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(UkCulture),
            SupportedCultures = [UkCulture],
            SupportedUICultures = [UkCulture],
            // Fixed to en-GB: no query string, cookie or Accept-Language switching.
            RequestCultureProviders = [],
        });

        app.UseStaticFiles();
        app.UseRouting();
        // Before signing in is looked at: a refused attempt costs the server as little as possible.
        app.UseCoProduceRateLimiting();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();

        app.MapCoProduceHealthChecks();
        app.MapControllers();
        app.MapFallbackToController("PageNotFound", "Errors");
    }
}
