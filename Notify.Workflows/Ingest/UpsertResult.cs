using Notify.Domain.Records;

namespace Notify.Workflows.Ingest;

/// <summary>The answer to a record upsert: the record as stored and the events its change derived.</summary>
public sealed record UpsertResult(bool Created, RecordSnapshot Record, IReadOnlyList<EventSummary> Events);
