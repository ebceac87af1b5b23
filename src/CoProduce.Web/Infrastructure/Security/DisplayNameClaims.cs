using System.Security.Claims;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>Puts the name a person likes to be called into their sign-in, so pages can greet them by it.</summary>
public sealed class DisplayNameClaimsFactory(
    UserManager<CoProduceUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CoProduceUser, IdentityRole>(userManager, roleManager, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CoProduceUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaimsFactory.ClaimType) ?? user.Identity?.Name ?? string.Empty;
}
