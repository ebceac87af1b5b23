using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Hosting;

/// <summary>Where people reach the portal: every link in an email is built from this, never from a request's Host.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The public address, like https://coproduce.brackenfield.gov.uk. Required outside Development.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Builds absolute links for emails. A request's Host header is chosen by whoever sends the request,
/// so a forged one would put an attacker's address in a password-reset email; this never reads it.
/// </summary>
public sealed class PublicLinks(IOptions<PortalOptions> options, IWebHostEnvironment environment, IServer server)
{
    private Uri? _baseUrl;

    public Uri BaseUrl => _baseUrl ??= Resolve();

    /// <summary>
    /// An absolute link to a path of the portal, such as "/reset-password?userId=…". The path is
    /// taken relative to the base address, so a portal at https://example.gov.uk/coproduce/ works.
    /// </summary>
    public string To(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery.TrimStart('/')).AbsoluteUri;

    private Uri Resolve()
    {
        if (PublicAddress.TryParse(options.Value.PublicBaseUrl, out var configured))
        {
            return configured;
        }
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"Set {PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)} to the portal's public address.");
        }
        // Development: the address the app listens on, with a wildcard host read as localhost.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var builder = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        return new Uri(builder.Uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}

public static class PublicAddress
{
    /// <summary>An absolute http(s) address with no query or fragment; its path always ends with "/".</summary>
    public static bool TryParse(string? value, out Uri address)
    {
        address = null!;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }
        address = uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return true;
    }

    public static IServiceCollection AddCoProducePublicAddress(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl)
                    ? environment.IsDevelopment()
                    : TryParse(o.PublicBaseUrl, out var url) && (url.Scheme == Uri.UriSchemeHttps || environment.IsDevelopment()),
                $"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)} must be the portal's public https address, like https://coproduce.example.gov.uk " +
                "(required outside Development, where plain http is allowed too)")
            .ValidateOnStart();
        services.AddSingleton<PublicLinks>();

        // Requests for any other host are refused (400) before they reach the app: the public
        // host is always allowed, beside whatever AllowedHosts lists (local addresses by default).
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<PortalOptions>>((hosts, portal) =>
        {
            if (TryParse(portal.Value.PublicBaseUrl, out var publicUrl) && !hosts.AllowedHosts.Contains("*") &&
                !hosts.AllowedHosts.Contains(publicUrl.Host, StringComparer.OrdinalIgnoreCase))
            {
                // The framework fills AllowedHosts with a fixed-size array: replace it, never add to it.
                hosts.AllowedHosts = [.. hosts.AllowedHosts, publicUrl.Host];
            }
        });

        // The framework filters hosts for every path. A load balancer's health check often asks
        // for an instance by its own address, so /health is left out (RequestPipeline filters the rest).
        var everywhere = services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList();
        foreach (var descriptor in everywhere)
        {
            services.Remove(descriptor);
        }
        return services;
    }

    /// <summary>Refuses (400) a request for a host that is not allowed, except a health check.</summary>
    public static IApplicationBuilder UseHostFilteringExceptHealthChecks(this IApplicationBuilder app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseHostFiltering());
}
