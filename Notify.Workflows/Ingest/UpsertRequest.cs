using Notify.Domain.Records;

namespace Notify.Workflows.Ingest;

/// <summary>One record upsert waiting for its turn in a group commit.</summary>
internal sealed record UpsertRequest(string Type, string Key, RecordState State)
{
    public TaskCompletionSource<UpsertResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
