using Microsoft.EntityFrameworkCore;
using Notify.Domain.Contacts;
using Notify.Domain.Templates;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Steps;

/// <summary><see cref="IStepReads"/> over the unit of work of one batch of runs; each template and contact is read once per batch.</summary>
internal sealed class DbStepReads(NotifyDbContext db, Organisation.OrganisationSettingsStore organisation) : IStepReads
{
    public Channels.Email.BrandingOptions Company => organisation.Branding;

    private readonly Dictionary<string, MessageTemplate?> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Contact?> _contacts = new(StringComparer.Ordinal);
    private List<Contact>? _all;

    public async Task<MessageTemplate?> TemplateAsync(string key, CancellationToken ct)
    {
        if (!_templates.TryGetValue(key, out var template))
        {
            template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
            _templates[key] = template;
        }

        return template;
    }

    public async Task<IReadOnlyList<Contact>> ContactsAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var missing = keys.Where(k => !_contacts.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var found = await db.Contacts.AsNoTracking().Where(c => missing.Contains(c.Key)).ToListAsync(ct);
            foreach (var key in missing)
            {
                _contacts[key] = found.FirstOrDefault(c => c.Key == key);
            }
        }

        return keys.Distinct().Select(k => _contacts[k]).OfType<Contact>().ToList();
    }

    private readonly Dictionary<(string, string), Notify.Domain.Records.RecordSnapshot?> _records = [];

    public async Task<Notify.Domain.Records.RecordSnapshot?> RecordAsync(string type, string key, CancellationToken ct)
    {
        if (!_records.TryGetValue((type, key), out var snapshot))
        {
            var record = db.Records.Local.FirstOrDefault(r => r.Type == type && r.Key == key)
                ?? await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Type == type && r.Key == key, ct);
            snapshot = record?.Snapshot();
            _records[(type, key)] = snapshot;
        }

        return snapshot;
    }

    public async Task<IReadOnlyList<Contact>> GroupMembersAsync(IReadOnlyList<string> groups, CancellationToken ct)
    {
        _all ??= await db.Contacts.AsNoTracking().ToListAsync(ct);
        return _all.Where(c => c.Groups.Any(g => groups.Contains(g, StringComparer.OrdinalIgnoreCase))).ToList();
    }

    public async Task<IReadOnlyList<Contact>> RoleMembersAsync(IReadOnlyList<string> roles, CancellationToken ct)
    {
        _all ??= await db.Contacts.AsNoTracking().ToListAsync(ct);
        return _all.Where(c => c.Roles.Any(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase))).ToList();
    }

    public async Task<IReadOnlyList<StepMessage>> StepMessagesAsync(Guid runId, string stepId, CancellationToken ct) => runId == Guid.Empty
        ? []
        : await db.Deliveries.AsNoTracking().Where(d => d.RunId == runId && d.StepId == stepId)
            .Select(d => new StepMessage(d.DeliveryKey, d.Channel, d.Status, d.RecipientName, d.ReadAt, d.CreatedAt, d.Reason)).ToListAsync(ct);

    public async Task<DateTime?> EventSinceAsync(string recordType, string recordKey, string eventType, DateTime since, CancellationToken ct) =>
        await db.Events.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordKey == recordKey && e.Type == eventType && e.OccurredAt >= since)
            .OrderBy(e => e.OccurredAt).Select(e => (DateTime?)e.OccurredAt).FirstOrDefaultAsync(ct);

    private static readonly Notify.Domain.Messaging.DeliveryStatus[] NotCounted = [Notify.Domain.Messaging.DeliveryStatus.Skipped, Notify.Domain.Messaging.DeliveryStatus.Cancelled];

    public async Task<int> MessagesSinceAsync(string contactKey, Notify.Domain.Messaging.Channel channel, string? flowKey, DateTime since, CancellationToken ct)
    {
        var stored = db.Deliveries.AsNoTracking().Where(d => d.ContactKey == contactKey && d.Channel == channel && d.CreatedAt >= since && !NotCounted.Contains(d.Status));
        if (flowKey is not null) stored = stored.Where(d => d.FlowKey == flowKey);
        var added = db.ChangeTracker.Entries<Notify.Domain.Messaging.Delivery>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Count(d => d.ContactKey == contactKey && d.Channel == channel && d.CreatedAt >= since && !NotCounted.Contains(d.Status) && (flowKey is null || d.FlowKey == flowKey));
        return await stored.CountAsync(ct) + added;
    }

    public async Task<DateTime?> OpenDigestDueAsync(string bucketKey, CancellationToken ct) =>
        db.DigestItems.Local.Where(i => i.BucketKey == bucketKey && i.FlushedAt == null).Select(i => (DateTime?)i.DueAt).FirstOrDefault()
        ?? await db.DigestItems.AsNoTracking().Where(i => i.BucketKey == bucketKey && i.FlushedAt == null).Select(i => (DateTime?)i.DueAt).FirstOrDefaultAsync(ct);
}
