using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Workflows.Digests;

namespace Notify.Workflows.Persistence;

internal sealed class DigestItemConfiguration : IEntityTypeConfiguration<DigestItem>
{
    public void Configure(EntityTypeBuilder<DigestItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.BucketKey).HasMaxLength(600);
        builder.HasIndex(i => new { i.FlushedAt, i.DueAt });
        builder.HasIndex(i => i.BucketKey);
        builder.HasIndex(i => i.RunId);
    }
}
