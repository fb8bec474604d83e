using Microsoft.Extensions.Time.Testing;
using Notify.Domain.Records;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Tests.Steps;

/// <summary>Runs one step alone: a record, its event, a fake clock and an in-memory port; no database, no engine.</summary>
public sealed class StepHarness
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    public InMemoryStepReads Reads { get; } = new();

    public RecordType RecordType { get; init; } = RecordType.Create("task", "Task", ["done"]);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public StepContext Context(RecordSnapshot record, string eventType = EventTypes.Created, RecordSnapshot? previous = null)
    {
        var e = RecordEvent.FromChange(new RecordChange(eventType, previous?.Status, record.Status, []), previous, record, Now);
        return new StepContext
        {
            RunId = Guid.NewGuid(), FlowKey = "flow", Event = e, Record = record, RecordType = RecordType, Now = Now, Reads = Reads,
        };
    }
}
