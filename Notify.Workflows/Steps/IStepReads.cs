using Notify.Domain.Contacts;
using Notify.Domain.Templates;

namespace Notify.Workflows.Steps;

/// <summary>The narrow port through which steps read: no step sees the database, so a step is tested without one.</summary>
public interface IStepReads
{
    Task<MessageTemplate?> TemplateAsync(string key, CancellationToken ct);

    /// <summary>The contacts with these keys that exist, in no particular order.</summary>
    Task<IReadOnlyList<Contact>> ContactsAsync(IReadOnlyList<string> keys, CancellationToken ct);

    /// <summary>Everyone in any of these groups (names compared without case).</summary>
    Task<IReadOnlyList<Contact>> GroupMembersAsync(IReadOnlyList<string> groups, CancellationToken ct);

    /// <summary>Everyone whose own roles include any of these (<c>role:technician</c>; names compared without case).</summary>
    Task<IReadOnlyList<Contact>> RoleMembersAsync(IReadOnlyList<string> roles, CancellationToken ct);

    /// <summary>Another record as it is now (a linked customer or contract), or null when there is none.</summary>
    Task<Notify.Domain.Records.RecordSnapshot?> RecordAsync(string type, string key, CancellationToken ct);

    /// <summary>The messages a send step of a run made, as they stand now (none for a dry run, whose run id is empty).</summary>
    Task<IReadOnlyList<StepMessage>> StepMessagesAsync(Guid runId, string stepId, CancellationToken ct);

    /// <summary>When the first event of <paramref name="eventType"/> on the record at or after <paramref name="since"/> happened, or null.</summary>
    Task<DateTime?> EventSinceAsync(string recordType, string recordKey, string eventType, DateTime since, CancellationToken ct);

    /// <summary>
    /// How many messages (not left out) went or are going to a contact on a channel since a time, from one flow or (null) from
    /// every flow, counting those decided earlier in the same batch.
    /// </summary>
    Task<int> MessagesSinceAsync(string contactKey, Notify.Domain.Messaging.Channel channel, string? flowKey, DateTime since, CancellationToken ct);

    /// <summary>When the digest still collecting under <paramref name="bucketKey"/> goes, or null when none is open (this batch's included).</summary>
    Task<DateTime?> OpenDigestDueAsync(string bucketKey, CancellationToken ct);

    /// <summary>The company as messages name it (<c>company.*</c>, <c>record.link</c>).</summary>
    Channels.Email.BrandingOptions Company { get; }
}
