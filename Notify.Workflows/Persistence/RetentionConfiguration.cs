using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Workflows.Retention;

namespace Notify.Workflows.Persistence;

internal sealed class RetentionConfiguration : IEntityTypeConfiguration<RecordHistorySummary>
{
    public void Configure(EntityTypeBuilder<RecordHistorySummary> builder)
    {
        builder.HasKey(s => new { s.RecordType, s.RecordKey });
    }
}
