using CoProduce.Web.Domain.Common;
using CoProduce.Web.Infrastructure.Background;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.Retention;

/// <summary>
/// The retention policy, once a day at <see cref="RetentionOptions.RunAtUkTime"/> (UK time), on
/// one instance of the portal (the scheduler holds the "retention" lease while it runs). Switched
/// off, it does nothing; in dry-run mode it only counts what it would do.
/// </summary>
public sealed class RetentionJob(IOptions<RetentionOptions> options) : IScheduledJob
{
    public const string JobName = "retention";

    public string Name => JobName;

    public TimeSpan LeaseFor => TimeSpan.FromHours(1);

    /// <summary>The next run-at time in the UK strictly after <paramref name="nowUtc"/>, in UTC: across the clock changes it stays at the same UK time.</summary>
    public DateTime NextRunAfter(DateTime nowUtc) => NextRunAfter(nowUtc, options.Value.RunAt);

    public static DateTime NextRunAfter(DateTime nowUtc, TimeOnly runAt)
    {
        var today = DateOnly.FromDateTime(UkTime.ToUk(nowUtc));
        var next = UkTime.ToUtc(today, runAt);
        while (next <= nowUtc)
        {
            today = today.AddDays(1);
            next = UkTime.ToUtc(today, runAt);
        }
        return next;
    }

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return "Not run: the retention policy is switched off (Retention:Enabled is false).";
        }
        var retention = services.GetRequiredService<RetentionService>();
        if (settings.DryRunOnly)
        {
            var plan = await retention.PlanAsync(retention.Today, null, cancellationToken);
            return "Dry run only, nothing deleted. Due today: " + string.Join(", ", plan.Rules.Select(r => $"{RetentionWords.Slug(r.Rule)} {r.Total}"))
                + ". Finance records are kept: the portal does not delete them.";
        }
        var result = await retention.RunAsync(RetentionService.SystemUserId, cancellationToken);
        return result.Describe();
    }
}

internal static class RetentionSetup
{
    public static IServiceCollection AddCoProduceRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.IsValid, RetentionOptions.InvalidMessage)
            .ValidateOnStart();
        services.AddScoped<RetentionService>();
        services.AddScoped<RetentionPages>();
        // Once a day, once across every instance: the scheduler takes the "retention" lease first.
        services.AddScheduledJob<RetentionJob>();
        return services;
    }
}
