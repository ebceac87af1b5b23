using Microsoft.AspNetCore.Authorization;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>
/// Named capabilities. Controllers ask for a policy, never a role, so that who may do what is
/// decided here in one place. Everything else is denied by default (see the fallback policy).
/// </summary>
public static class Policies
{
    /// <summary>See, create and edit commissioning projects, their evidence and stage moves.</summary>
    public const string ProjectsEdit = nameof(ProjectsEdit);

    /// <summary>An expert by experience using their own pages.</summary>
    public const string ExpertSelfService = nameof(ExpertSelfService);

    /// <summary>Review and approve involvement payments.</summary>
    public const string FinanceAccess = nameof(FinanceAccess);

    /// <summary>Approve or decline exceptions to required co-production.</summary>
    public const string ExceptionsDecide = nameof(ExceptionsDecide);

    /// <summary>Publish new versions of the tier rules and re-assess projects onto them.</summary>
    public const string RuleSetsManage = nameof(RuleSetsManage);

    /// <summary>Set how people are paid: the rate card, expenses policy, benefit limits, payment settings and budget.</summary>
    public const string PaymentsManage = nameof(PaymentsManage);

    /// <summary>See the easy-read templates, preview them, and record when people checked them.</summary>
    public const string EasyReadManage = nameof(EasyReadManage);

    /// <summary>Read the co-production reports: requirements met on time, reach, payments, the 7 Keys, "you said, we did".</summary>
    public const string ReportsView = nameof(ReportsView);

    /// <summary>Read and export the audit log: who did what, to which record, when.</summary>
    public const string AuditView = nameof(AuditView);

    /// <summary>See the retention policy's dry-run report and run it by hand.</summary>
    public const string RetentionManage = nameof(RetentionManage);

    /// <summary>Run the scheme: staff accounts.</summary>
    public const string SchemeAdministration = nameof(SchemeAdministration);

    /// <summary>Which roles each policy admits. The authorization matrix test reads the same table.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [ProjectsEdit] = [Roles.Commissioner, Roles.CoProductionLead],
        [ExpertSelfService] = [Roles.ExpertByExperience],
        [FinanceAccess] = [Roles.FinanceOfficer],
        [ExceptionsDecide] = [Roles.CoProductionLead],
        [RuleSetsManage] = [Roles.CoProductionLead],
        [SchemeAdministration] = [Roles.CoProductionLead],
        [PaymentsManage] = [Roles.CoProductionLead],
        [EasyReadManage] = [Roles.CoProductionLead],
        [ReportsView] = [Roles.CoProductionLead],
        [AuditView] = [Roles.CoProductionLead],
        [RetentionManage] = [Roles.CoProductionLead],
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
