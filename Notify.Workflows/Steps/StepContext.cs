using Notify.Domain.Records;
using Notify.Workflows.Conditions;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Steps;

/// <summary>What a step sees while it runs: the run, its event, the record now and before, and the time.</summary>
public sealed class StepContext
{
    public required FlowRun Run { get; init; }

    public required RecordEvent Event { get; init; }

    /// <summary>The record as it is now (it may have changed since the event while the run waited).</summary>
    public required RecordSnapshot Record { get; init; }

    public required RecordType RecordType { get; init; }

    public required DateTime Now { get; init; }

    /// <summary>The flow is marked required: people who turned it off still get its messages.</summary>
    public bool FlowRequired { get; init; }

    public required NotifyDbContext Db { get; init; }

    /// <summary>Shared by the runs of one batch.</summary>
    public LookupCache Lookups { get; init; } = null!;

    public ConditionInput ToConditionInput() => ConditionInputFactory.Create(Event, Record, RecordType, Now);
}
