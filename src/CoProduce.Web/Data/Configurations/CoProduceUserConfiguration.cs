using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduce.Web.Data.Configurations;

internal sealed class CoProduceUserConfiguration : IEntityTypeConfiguration<CoProduceUser>
{
    public void Configure(EntityTypeBuilder<CoProduceUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(CoProduceUser.DisplayNameMaxLength).IsRequired();
    }
}
