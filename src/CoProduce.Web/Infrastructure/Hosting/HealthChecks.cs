using CoProduce.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoProduce.Web.Infrastructure.Hosting;

/// <summary>
/// What a load balancer asks each instance. <c>/health/live</c>: the process answers requests
/// (nothing else is checked, so a database outage never makes every instance be restarted).
/// <c>/health/ready</c>: the database answers and has every migration this version needs, so the
/// instance may be sent traffic. <c>/health</c> is kept as it was: the database answers.
/// Each answers in plain text ("Healthy" or "Unhealthy", 503), never cached, never rate limited,
/// and without signing in; none says more than that.
/// </summary>
internal static class HealthChecks
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string LegacyPath = "/health";

    private const string ReadyTag = "ready";
    private const string DatabaseCheck = "database";

    public static IServiceCollection AddCoProduceHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<CoProduceDbContext>(DatabaseCheck, tags: [ReadyTag])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [ReadyTag]);
        return services;
    }

    public static void MapCoProduceHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, LivePath, _ => false);
        Map(endpoints, ReadyPath, check => check.Tags.Contains(ReadyTag));
        Map(endpoints, LegacyPath, check => check.Name == DatabaseCheck);
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, Func<HealthCheckRegistration, bool> predicate) =>
        endpoints.MapHealthChecks(path, new HealthCheckOptions
        {
            Predicate = predicate,
            // The default, said out loud: Cache-Control: no-store, no-cache.
            AllowCachingResponses = false,
        })
        .AllowAnonymous()
        .DisableRateLimiting();
}

/// <summary>
/// Unhealthy while the database lacks a migration this version of the portal has: an instance
/// of a new version waits, out of the load balancer, until the upgrade script has been applied.
/// It uses a context of its own, so that it never shares one with the database check beside it.
/// </summary>
internal sealed class MigrationsAppliedCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending} database migrations are not applied yet.");
    }
}
