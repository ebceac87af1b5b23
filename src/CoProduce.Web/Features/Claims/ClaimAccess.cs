using CoProduce.Web.Data;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Claims;

/// <summary>Who is working on a claim: the claimant on their own pages, or an organiser on the person's behalf.</summary>
public sealed record ClaimActor(string UserId, bool IsOrganiser)
{
    public static ClaimActor Claimant(string userId) => new(userId, false);

    public static ClaimActor Organiser(string userId) => new(userId, true);
}

/// <summary>A claim that does not exist, or that this person may not see: both are "not found", so ids reveal nothing.</summary>
public sealed class ClaimNotFoundException() : InvalidOperationException("We could not find that claim.");

/// <summary>
/// Whether an actor may see and change a claim: the claimant always; an organiser when
/// <see cref="ClaimRules.OrganiserMayActFor"/> says so. Shared by the pages and the service so the
/// two never disagree.
/// </summary>
public static class ClaimAccess
{
    public static async Task<bool> MayActAsync(CoProduceDbContext db, int expertProfileId, ClaimOrigin origin, ClaimActor actor, CancellationToken cancellationToken)
    {
        var person = await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == expertProfileId)
            .Select(p => new { p.UserId, HasEmail = p.ContactEmail != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }
        return actor.IsOrganiser ? ClaimRules.OrganiserMayActFor(origin, person.HasEmail) : person.UserId == actor.UserId;
    }
}
