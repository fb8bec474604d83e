using System.Text.Json;

namespace Notify.Domain.Records;

/// <summary>Something that happened to a record, stored once; flows start from it.</summary>
public sealed class RecordEvent
{
    private RecordEvent()
    {
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = "";

    public string RecordType { get; private set; } = "";

    public string RecordKey { get; private set; } = "";

    /// <summary>Unique: a repeated call with the same key finds this event instead of making another.</summary>
    public string? IdempotencyKey { get; private set; }

    public string? FromStatus { get; private set; }

    public string? ToStatus { get; private set; }

    public List<string> AddedAssignees { get; private set; } = [];

    /// <summary>The custom event's data, as JSON text of an object.</summary>
    public string DataJson { get; private set; } = "{}";

    public RecordSnapshot? Previous { get; private set; }

    public RecordSnapshot Current { get; private set; } = new();

    public DateTime OccurredAt { get; private set; }

    /// <summary>Set once the matcher has started every run this event triggers.</summary>
    public DateTime? MatchedAt { get; private set; }

    /// <summary>For a trial run: the fields taken as changed, whatever the snapshots say. Never stored.</summary>
    private IReadOnlyList<string>? _assumedChanges;

    public static RecordEvent FromChange(
        RecordChange change, RecordSnapshot? previous, RecordSnapshot current, DateTime now, IReadOnlyList<string>? assumedChanges = null) => new()
    {
        _assumedChanges = assumedChanges,
        Id = Guid.NewGuid(),
        Type = change.Type,
        RecordType = current.Type,
        RecordKey = current.Key,
        FromStatus = change.FromStatus,
        ToStatus = change.ToStatus,
        AddedAssignees = change.AddedAssignees.ToList(),
        Previous = previous,
        Current = current,
        OccurredAt = now,
    };

    public static RecordEvent Custom(
        string type, RecordSnapshot current, IReadOnlyDictionary<string, JsonElement> data, string? idempotencyKey, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Type = type,
        RecordType = current.Type,
        RecordKey = current.Key,
        IdempotencyKey = idempotencyKey,
        DataJson = JsonSerializer.Serialize(data),
        Current = current,
        OccurredAt = now,
    };

    public void MarkMatched(DateTime now) => MatchedAt = now;

    /// <summary>What the upsert behind this event changed (<c>status</c>, <c>data.pickup</c>…); none for a new record or a custom event.</summary>
    public IReadOnlyList<string> ChangedFields() => _assumedChanges ?? (Previous is null ? [] : RecordDiff.Fields(Previous, Current));
}
