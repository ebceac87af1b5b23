using Microsoft.AspNetCore.Identity;

namespace CoProduce.Web.Data;

/// <summary>A person who signs in: council staff or an expert by experience.</summary>
public class CoProduceUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The name the person likes to be called.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }
}
