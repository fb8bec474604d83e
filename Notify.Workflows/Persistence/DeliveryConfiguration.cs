using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Persistence;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>, IEntityTypeConfiguration<Reply>, IEntityTypeConfiguration<DeliveryAttempt>,
    IEntityTypeConfiguration<Statistics.DeliveryDayCount>, IEntityTypeConfiguration<Statistics.DeliveryDayReason>
{
    public void Configure(EntityTypeBuilder<Statistics.DeliveryDayReason> builder)
    {
        builder.HasKey(c => new { c.Day, c.Status, c.Reason });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(Statistics.DeliveryDayReason.MaxReason);
    }

    public void Configure(EntityTypeBuilder<Statistics.DeliveryDayCount> builder)
    {
        builder.HasKey(c => new { c.Day, c.Channel, c.FlowKey, c.Status });
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Zone).HasMaxLength(100);
        builder.HasIndex(c => c.CountedAt);
    }

    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.DeliveryKey).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.RunId);
        builder.HasIndex(d => d.UpdatedAt); // the days whose counts changed (DeliveryCountRoller)

        // The send log lists newest first under any one filter: each filter's index ends in the time, so a page is
        // read from the index's end and stops after a page (DeliverySearchIndex has the text search).
        builder.HasIndex(d => d.CreatedAt);
        builder.HasIndex(d => new { d.Channel, d.CreatedAt });
        builder.HasIndex(d => new { d.Status, d.CreatedAt });
        builder.HasIndex(d => new { d.FlowKey, d.CreatedAt });
        builder.HasIndex(d => new { d.Provider, d.CreatedAt });
        builder.HasIndex(d => new { d.RecordType, d.RecordKey, d.CreatedAt });
        builder.HasIndex(d => new { d.ContactKey, d.CreatedAt });
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
