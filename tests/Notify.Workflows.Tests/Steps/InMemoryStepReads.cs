using Notify.Domain.Contacts;
using Notify.Domain.Templates;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Tests.Steps;

/// <summary>What a step may read, held in memory: steps are tested through their port, with no database.</summary>
public sealed class InMemoryStepReads : IStepReads
{
    public List<Contact> Contacts { get; } = [];

    public List<MessageTemplate> Templates { get; } = [];

    public Notify.Workflows.Channels.Email.BrandingOptions Company { get; set; } = new();

    public List<Notify.Domain.Records.RecordSnapshot> Records { get; } = [];

    public Task<Notify.Domain.Records.RecordSnapshot?> RecordAsync(string type, string key, CancellationToken ct) =>
        Task.FromResult(Records.FirstOrDefault(r => r.Type == type && r.Key == key));

    public Task<MessageTemplate?> TemplateAsync(string key, CancellationToken ct) =>
        Task.FromResult(Templates.FirstOrDefault(t => t.Key == key));

    public Task<IReadOnlyList<Contact>> ContactsAsync(IReadOnlyList<string> keys, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Contact>>(Contacts.Where(c => keys.Contains(c.Key)).ToList());

    public Task<IReadOnlyList<Contact>> GroupMembersAsync(IReadOnlyList<string> groups, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Contact>>(Contacts.Where(c => c.Groups.Any(g => groups.Contains(g, StringComparer.OrdinalIgnoreCase))).ToList());

    public Task<IReadOnlyList<Contact>> RoleMembersAsync(IReadOnlyList<string> roles, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Contact>>(Contacts.Where(c => c.Roles.Any(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase))).ToList());

    /// <summary>Messages by (run, step), as the "wait for" step reads them.</summary>
    public Dictionary<(Guid RunId, string StepId), List<StepMessage>> Messages { get; } = [];

    /// <summary>Events by record: (type, key, event type, when).</summary>
    public List<(string RecordType, string RecordKey, string Type, DateTime At)> Events { get; } = [];

    public Task<IReadOnlyList<StepMessage>> StepMessagesAsync(Guid runId, string stepId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StepMessage>>(Messages.GetValueOrDefault((runId, stepId)) ?? []);

    public Task<DateTime?> EventSinceAsync(string recordType, string recordKey, string eventType, DateTime since, CancellationToken ct) =>
        Task.FromResult(Events.Where(e => e.RecordType == recordType && e.RecordKey == recordKey && e.Type == eventType && e.At >= since)
            .Select(e => (DateTime?)e.At).Order().FirstOrDefault());

    /// <summary>Messages already sent, by (contact, channel, flow, when), as a throttle counts them.</summary>
    public List<(string ContactKey, Notify.Domain.Messaging.Channel Channel, string FlowKey, DateTime At)> Sent { get; } = [];

    public Task<int> MessagesSinceAsync(string contactKey, Notify.Domain.Messaging.Channel channel, string? flowKey, DateTime since, CancellationToken ct) =>
        Task.FromResult(Sent.Count(m => m.ContactKey == contactKey && m.Channel == channel && (flowKey is null || m.FlowKey == flowKey) && m.At >= since));

    public Task<DateTime?> OpenDigestDueAsync(string bucketKey, CancellationToken ct) => Task.FromResult<DateTime?>(null);
}
