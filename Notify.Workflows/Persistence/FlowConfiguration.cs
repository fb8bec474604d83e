using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Persistence;

internal sealed class FlowConfiguration :
    IEntityTypeConfiguration<Flow>, IEntityTypeConfiguration<FlowVersion>,
    IEntityTypeConfiguration<FlowRun>
{
    public void Configure(EntityTypeBuilder<Flow> builder) => builder.HasKey(f => f.Key);

    public void Configure(EntityTypeBuilder<FlowVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.FlowKey, v.Version }).IsUnique();
        builder.HasIndex(v => v.IsCurrent);
    }

    public void Configure(EntityTypeBuilder<FlowRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.EventId, r.FlowVersionId }).IsUnique(); // one run per version and event; by event first, so retention finds an event's runs
        builder.HasIndex(r => new { r.Status, r.ResumeAt });
        builder.HasIndex(r => new { r.RecordType, r.RecordKey });
        builder.HasIndex(r => r.CreatedAt);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.WaitingFor).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.Node).HasMaxLength(200);
        builder.Property(r => r.JournalJson).HasColumnName("Journal");
    }
}
