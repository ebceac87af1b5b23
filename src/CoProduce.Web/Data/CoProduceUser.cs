using Microsoft.AspNetCore.Identity;

namespace CoProduce.Web.Data;

/// <summary>A person who signs in: council staff or an expert by experience.</summary>
public class CoProduceUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The name the person likes to be called.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// When the person last signed in, or null if never since this was recorded. Retention counts
    /// an expert by experience as active from it (with their places and claims).
    /// </summary>
    public DateTime? LastSignInUtc { get; set; }
}
