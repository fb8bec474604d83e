using System.Text.Json;

namespace Notify.Domain.Records;

/// <summary>A record's state as a host system pushes it.</summary>
public sealed record RecordState
{
    public string? Status { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public IReadOnlyList<string> Assignees { get; init; } = [];

    public IReadOnlyDictionary<string, string> Contacts { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, JsonElement> Data { get; init; } = new Dictionary<string, JsonElement>();
}
