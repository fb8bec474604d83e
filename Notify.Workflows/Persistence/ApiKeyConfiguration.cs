using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Workflows.Access;

namespace Notify.Workflows.Persistence;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.Scopes).HasJsonConversion();
        builder.Ignore(k => k.IsActive);
    }
}
