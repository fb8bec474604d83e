using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Domain.Records;

namespace Notify.Workflows.Persistence;

internal sealed class RecordConfiguration :
    IEntityTypeConfiguration<Record>, IEntityTypeConfiguration<RecordType>, IEntityTypeConfiguration<RecordEvent>
{
    public void Configure(EntityTypeBuilder<Record> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.Type, r.Key }).IsUnique();
        builder.Property(r => r.Type).HasMaxLength(100);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.Status).HasMaxLength(100);
        builder.Property(r => r.Assignees).HasJsonConversion();
        builder.Property(r => r.Contacts).HasJsonConversion();
        builder.Property(r => r.Links).HasJsonConversion();
        builder.HasIndex(r => r.UpdatedAt);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<RecordType> builder)
    {
        builder.HasKey(t => t.Type);
        builder.Property(t => t.DoneStatuses).HasJsonConversion();
        builder.Property(t => t.ContactRoles).HasJsonConversion();
    }

    public void Configure(EntityTypeBuilder<RecordEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.IdempotencyKey).IsUnique();
        builder.HasIndex(e => new { e.RecordType, e.RecordKey, e.OccurredAt });
        builder.HasIndex(e => e.MatchedAt);
        builder.HasIndex(e => e.OccurredAt); // the impact preview reads a window of days
        builder.Property(e => e.AddedAssignees).HasJsonConversion();
        builder.Property(e => e.Previous).HasJsonConversion();
        builder.Property(e => e.Current).HasJsonConversion();
    }
}
