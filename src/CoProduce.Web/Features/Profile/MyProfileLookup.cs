using CoProduce.Web.Data;
using CoProduce.Web.Domain.Roster;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Profile;

/// <summary>How every page about a person's own profile finds it.</summary>
internal static class MyProfileLookup
{
    /// <summary>
    /// The signed-in person's own profile, never one named by the request. A person whose data was
    /// deleted (signed in elsewhere before the deletion) is signed out rather than shown an empty
    /// profile: the answer to give instead is the second value.
    /// </summary>
    public static async Task<(ExpertProfile? Profile, IActionResult? Stop)> MyProfileOrStopAsync(this Controller controller, ProfileService profiles,
        UserManager<CoProduceUser> users, SignInManager<CoProduceUser> signInManager, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(controller.User);
        var profile = userId is null ? null : await profiles.MineAsync(userId, cancellationToken);
        if (profile is null)
        {
            return (null, controller.Challenge());
        }
        if (profile.AnonymisedUtc is not null)
        {
            await signInManager.SignOutAsync();
            return (null, controller.Redirect("/profile/deleted"));
        }
        return (profile, null);
    }
}
