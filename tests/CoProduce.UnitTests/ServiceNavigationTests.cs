using System.Security.Claims;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http;

namespace CoProduce.UnitTests;

public sealed class ServiceNavigationTests
{
    private static ClaimsPrincipal Person(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.Name, "someone")), "test"));

    public static TheoryData<string[], string[]> Cases => new()
    {
        { [Roles.Commissioner], ["Home", "Projects", "Activities", "Roster"] },
        { [Roles.ExpertByExperience], ["Home", "Your involvement", "Find activities", "Your payments", "Your profile"] },
        { [Roles.FinanceOfficer], ["Home", "Involvement payments"] },
        { [Roles.CoProductionLead], ["Home", "Projects", "Activities", "Roster", "Exceptions", "Tier rules", "Payments", "Reports", "Staff accounts", "Audit log"] },
        { [Roles.Commissioner, Roles.CoProductionLead], ["Home", "Projects", "Activities", "Roster", "Exceptions", "Tier rules", "Payments", "Reports", "Staff accounts", "Audit log"] },
        { [Roles.Commissioner, Roles.FinanceOfficer], ["Home", "Projects", "Activities", "Roster", "Involvement payments"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void For_Roles_ShowsTheirSections(string[] roles, string[] expected)
    {
        var items = ServiceNavigation.For(Person(roles)).Select(i => i.Text);

        Assert.Equal(expected, items);
    }

    [Fact]
    public void For_Anonymous_ShowsNothing()
    {
        Assert.Empty(ServiceNavigation.For(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Theory]
    [InlineData("/", "/", true)]
    [InlineData("/", "/projects", false)]
    [InlineData("/projects", "/projects", true)]
    [InlineData("/projects", "/projects/4/edit", true)]
    [InlineData("/projects", "/projects-archive", false)]
    [InlineData("/admin/staff", "/admin/staff/new", true)]
    public void IsCurrent_MatchesWholeSegments(string href, string path, bool expected)
    {
        Assert.Equal(expected, ServiceNavigation.IsCurrent(new NavigationItem("x", href), new PathString(path)));
    }
}
