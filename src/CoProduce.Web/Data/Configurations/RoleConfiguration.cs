using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Web.Data.Configurations;

/// <summary>
/// The four roles are part of the schema's data, created by the migrations (and so by the SQL
/// Server script too): registration and staff accounts need them in every database, demo or not.
/// Ids and stamps are fixed so that the migrations stay stable.
/// </summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(role => new IdentityRole
        {
            Id = "role-" + role.ToLowerInvariant(),
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = "seeded-" + role.ToLowerInvariant(),
        }));
}
