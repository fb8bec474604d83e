using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Persistence;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>, IEntityTypeConfiguration<Reply>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.DeliveryKey).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.CreatedAt);
        builder.HasIndex(d => new { d.RecordType, d.RecordKey });
        builder.HasIndex(d => d.ContactKey);
        builder.HasIndex(d => d.RunId);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Reply> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.RecordType, r.RecordKey, r.At });
        builder.HasIndex(r => r.DeliveryId);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(10);
    }
}
