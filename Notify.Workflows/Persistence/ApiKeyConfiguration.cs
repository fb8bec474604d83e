using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Workflows.Access;

namespace Notify.Workflows.Persistence;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>, IEntityTypeConfiguration<AuditEntry>, IEntityTypeConfiguration<SignInCode>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.Scopes).HasJsonConversion();
        builder.Ignore(k => k.IsActive);
    }

    public void Configure(EntityTypeBuilder<SignInCode> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.UserId, c.CreatedAt });
        builder.Property(c => c.Tries).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Subject, a.SubjectKey });
    }
}
