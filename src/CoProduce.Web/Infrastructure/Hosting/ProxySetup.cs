using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoProduce.Web.Infrastructure.Hosting;

/// <summary>
/// The portal runs behind a load balancer or reverse proxy that ends TLS and forwards plain http
/// with X-Forwarded-For and X-Forwarded-Proto. Those headers are believed only from the proxies
/// named in configuration (loopback by default), so the scheme (secure cookies, antiforgery) and
/// the client's address (logs, lockout) are the real ones.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, like "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, like "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many proxies in a row to look back through (a CDN, then the council's load balancer,
    /// is 2). Each must be a known proxy for its entry in X-Forwarded-For to be believed.
    /// </summary>
    public int ForwardLimit { get; set; } = 1;
}

internal static class ProxySetup
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddCoProduceProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = Math.Max(1, proxies.ForwardLimit);
            // Loopback stays trusted (a proxy on the same machine); configured proxies are added to it.
            foreach (var proxy in proxies.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }
            foreach (var network in proxies.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });

        // Browsers remember to use https for a year, on every subdomain too.
        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
        });
        return services;
    }
}
