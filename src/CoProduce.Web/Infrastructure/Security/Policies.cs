using Microsoft.AspNetCore.Authorization;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>
/// Named capabilities. Controllers ask for a policy, never a role, so that who may do what is
/// decided here in one place. Everything else is denied by default (see the fallback policy).
/// </summary>
public static class Policies
{
    /// <summary>Plan commissioning projects and their co-production.</summary>
    public const string CommissioningAccess = nameof(CommissioningAccess);

    /// <summary>An expert by experience using their own pages.</summary>
    public const string ExpertSelfService = nameof(ExpertSelfService);

    /// <summary>Review and approve involvement payments.</summary>
    public const string FinanceAccess = nameof(FinanceAccess);

    /// <summary>Run the scheme: staff accounts, rule sets, exceptions.</summary>
    public const string SchemeAdministration = nameof(SchemeAdministration);

    /// <summary>Which roles each policy admits. The authorization matrix test reads the same table.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [CommissioningAccess] = [Roles.Commissioner, Roles.CoProductionLead],
        [ExpertSelfService] = [Roles.ExpertByExperience],
        [FinanceAccess] = [Roles.FinanceOfficer],
        [SchemeAdministration] = [Roles.CoProductionLead],
    };

    public static IServiceCollection AddCoProduceAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Deny by default: a page with no [Authorize] or [AllowAnonymous] needs a signed-in user,
            // and the authorization matrix test insists that every action declares which.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in RolesByPolicy)
            {
                options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
            }
        });
        return services;
    }
}
