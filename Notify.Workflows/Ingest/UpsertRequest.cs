using Notify.Domain.Records;

namespace Notify.Workflows.Ingest;

/// <summary>Work waiting for its turn in a group commit: a record upsert or a custom event, answered once committed.</summary>
internal abstract record IngestRequest
{
    public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The record it is about: its type (in lower case, as stored) and key.</summary>
    public abstract (string Type, string Key) Record { get; }

    /// <summary>The record it is about, for the log: <c>order/AO462</c>.</summary>
    public string Subject => $"{Record.Type}/{Record.Key}";
}

/// <summary>A host system's new state of a record.</summary>
internal sealed record UpsertRequest(string Type, string Key, RecordState State) : IngestRequest
{
    public override (string Type, string Key) Record => (Type, Key);
}

/// <summary>A custom event on a record, stored once per idempotency key.</summary>
internal sealed record EventRequest(CustomEvent Event, string? IdempotencyKey) : IngestRequest
{
    public override (string Type, string Key) Record => (Event.RecordType.ToLowerInvariant(), Event.RecordKey);
}
