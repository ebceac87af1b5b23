namespace CoProduce.Web.Infrastructure.Security;

internal static class SecurityHeaders
{
    // Only our own origin; no inline script or style anywhere, so no 'unsafe-inline'.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                // Pages and files for a signed-in person hold personal data: no browser or proxy keeps a copy.
                // The cookie handler says "no-cache" when it renews the session, which still lets the
                // browser keep the page (in its history): "no-store" is added to that too.
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    if (!headers.ContainsKey("Cache-Control"))
                    {
                        headers.CacheControl = "no-store";
                    }
                    else if (headers.CacheControl == "no-cache")
                    {
                        headers.CacheControl = "no-store, no-cache";
                    }
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
