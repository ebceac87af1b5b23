using System.Security.Claims;
using CoProduce.Web.Infrastructure.Security;

namespace CoProduce.Web.Infrastructure.Mvc;

/// <summary>The council's branding, from configuration.</summary>
public sealed class CouncilOptions
{
    public const string Section = "Council";

    public string Name { get; set; } = "Brackenfield Council";
    public string ServiceName { get; set; } = "CoProduce";

    /// <summary>The phone number people can ring about taking part: easy-read documents give it.</summary>
    public string ContactPhone { get; set; } = "01632 960 123";

    /// <summary>The email address people can write to about taking part.</summary>
    public string ContactEmail { get; set; } = "coproduce@brackenfield.example";
}

public sealed record NavigationItem(string Text, string Href);

/// <summary>
/// The service navigation each person sees, by the roles they hold. Showing a link is a
/// convenience only: every page enforces its own policy.
/// </summary>
public static class ServiceNavigation
{
    public static IReadOnlyList<NavigationItem> For(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var items = new List<NavigationItem> { new("Home", "/") };
        if (user.IsInRole(Roles.Commissioner) || user.IsInRole(Roles.CoProductionLead))
        {
            items.Add(new("Projects", "/projects"));
            items.Add(new("Activities", "/manage/activities"));
            items.Add(new("Roster", "/roster"));
        }
        if (user.IsInRole(Roles.ExpertByExperience))
        {
            items.Add(new("Your involvement", "/my-involvement"));
            items.Add(new("Find activities", "/activities"));
            items.Add(new("Your payments", "/my-payments"));
            items.Add(new("Your profile", "/profile"));
        }
        if (user.IsInRole(Roles.FinanceOfficer))
        {
            items.Add(new("Involvement payments", "/finance"));
        }
        if (user.IsInRole(Roles.CoProductionLead))
        {
            items.Add(new("Exceptions", "/exceptions"));
            items.Add(new("Tier rules", "/rules"));
            items.Add(new("Payments", "/payments"));
            items.Add(new("Reports", "/reports"));
            items.Add(new("Staff accounts", "/admin/staff"));
            items.Add(new("Audit log", "/audit"));
        }
        return items;
    }

    /// <summary>True when the link is the current page or a section the page sits in.</summary>
    public static bool IsCurrent(NavigationItem item, PathString path) =>
        item.Href == "/"
            ? path == "/" || !path.HasValue
            : path.StartsWithSegments(item.Href, StringComparison.OrdinalIgnoreCase);
}
