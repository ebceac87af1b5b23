namespace CoProduce.Web.Infrastructure.Security;

/// <summary>The four roles of the portal. A person may hold several.</summary>
public static class Roles
{
    public const string Commissioner = "Commissioner";
    public const string ExpertByExperience = "ExpertByExperience";
    public const string FinanceOfficer = "FinanceOfficer";
    public const string CoProductionLead = "CoProductionLead";

    public static readonly IReadOnlyList<string> All = [Commissioner, ExpertByExperience, FinanceOfficer, CoProductionLead];

    /// <summary>Roles a co-production lead may give to council staff (experts register themselves).</summary>
    public static readonly IReadOnlyList<string> Staff = [Commissioner, FinanceOfficer, CoProductionLead];

    public static string DisplayName(string role) => role switch
    {
        Commissioner => "Commissioner",
        ExpertByExperience => "Expert by experience",
        FinanceOfficer => "Finance officer",
        CoProductionLead => "Co-production lead",
        _ => role,
    };
}
