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
}
