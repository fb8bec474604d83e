using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Persistence;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>, IEntityTypeConfiguration<Reply>, IEntityTypeConfiguration<DeliveryAttempt>
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
        builder.Property(d => d.Sender).HasMaxLength(20);
        builder.Property(d => d.SentBy).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Provider).HasMaxLength(40);
        builder.Property(a => a.Answer).HasMaxLength(2000);
        builder.Property(a => a.Note).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<Reply> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.RecordType, r.RecordKey, r.At });
        builder.HasIndex(r => r.DeliveryId);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(10);
    }
}
