using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notify.Domain.Contacts;
using Notify.Domain.Templates;

namespace Notify.Workflows.Persistence;

internal sealed class ContactConfiguration :
    IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<MessageTemplate>, IEntityTypeConfiguration<ConsentChange>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Emails).HasJsonConversion();
        builder.Property(c => c.Phones).HasJsonConversion();
        builder.Property(c => c.Roles).HasJsonConversion();
        builder.Property(c => c.Groups).HasJsonConversion();
        builder.Property(c => c.MutedFlows).HasJsonConversion();
        builder.Property(c => c.Consent).HasJsonConversion();
        builder.Property(c => c.TimeZone).HasMaxLength(100);
        builder.Ignore(c => c.PrimaryEmail);
        builder.Ignore(c => c.PrimaryPhone);
        builder.Ignore(c => c.NotifyEmails);
        builder.Ignore(c => c.NotifyPhones);
    }

    public void Configure(EntityTypeBuilder<ConsentChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.ContactKey, c.At });
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Content).HasJsonConversion();
        builder.Property(t => t.Translations).HasJsonConversion();
        builder.Property(t => t.RequiredFields).HasJsonConversion();
    }
}
