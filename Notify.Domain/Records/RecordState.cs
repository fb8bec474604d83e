using System.Text.Json;

namespace Notify.Domain.Records;

/// <summary>A record's state as a host system pushes it.</summary>
public sealed record RecordState
{
    public string? Status { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>Contacts by role: a key, or several joined by <see cref="RoleContacts"/>.</summary>
    public IReadOnlyDictionary<string, string> Contacts { get; init; } = new Dictionary<string, string>();

    /// <summary>Other records this one belongs to, by name: <c>customer</c> → <c>customer/ACME</c>.</summary>
    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, JsonElement> Data { get; init; } = new Dictionary<string, JsonElement>();
}
