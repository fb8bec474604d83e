using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Persistence;

/// <summary>Everything durable: definitions, records, events, runs, waits, journal and deliveries.</summary>
public class NotifyDbContext : IdentityDbContext<Access.NotifyUser>, IDataProtectionKeyContext
{
    public NotifyDbContext(DbContextOptions<NotifyDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PostgresMigrationContext"/>: the same model under another name.</summary>
    protected NotifyDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Record> Records => Set<Record>();

    public DbSet<RecordType> RecordTypes => Set<RecordType>();

    public DbSet<RecordEvent> Events => Set<RecordEvent>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ConsentChange> ConsentChanges => Set<ConsentChange>();

    public DbSet<MessageTemplate> Templates => Set<MessageTemplate>();

    public DbSet<Flow> Flows => Set<Flow>();

    public DbSet<FlowVersion> FlowVersions => Set<FlowVersion>();

    public DbSet<FlowRun> Runs => Set<FlowRun>();


    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    public DbSet<Reply> Replies => Set<Reply>();

    public DbSet<Access.ApiKey> ApiKeys => Set<Access.ApiKey>();

    public DbSet<Access.AuditEntry> Audit => Set<Access.AuditEntry>();

    public DbSet<Access.SignInCode> SignInCodes => Set<Access.SignInCode>();

    public DbSet<Channels.StoredChannelSettings> ChannelSettings => Set<Channels.StoredChannelSettings>();

    public DbSet<Channels.Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Channels.Webhooks.WebhookEndpoint>();

    public DbSet<Digests.DigestItem> DigestItems => Set<Digests.DigestItem>();

    public DbSet<Statistics.DeliveryDayCount> DeliveryDayCounts => Set<Statistics.DeliveryDayCount>();

    public DbSet<Statistics.DeliveryDayReason> DeliveryDayReasons => Set<Statistics.DeliveryDayReason>();

    public DbSet<Retention.RecordHistorySummary> RecordHistorySummaries => Set<Retention.RecordHistorySummary>();

    /// <summary>Data Protection keys, shared by every node when the database is PostgreSQL.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Adds the attempts that tracked deliveries ended since they were loaded; saving does this too, so no caller can
    /// forget them. (A run's journal is a column of the run, saved with it.)
    /// </summary>
    internal void AddEndedAttempts()
    {
        foreach (var delivery in ChangeTracker.Entries<Delivery>().Select(e => e.Entity).ToList())
        {
            DeliveryAttempts.AddRange(delivery.TakeEndedAttempts());
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddEndedAttempts();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddEndedAttempts();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NotifyDbContext).Assembly);
        builder.HasDbFunction(typeof(SearchText).GetMethod(nameof(SearchText.Fold))!)
            .HasName(Database.IsNpgsql() ? "lower" : SearchText.SqliteFunction);
    }
}
