namespace Notify.Workflows.Runtime;

/// <summary>For one event: every flow that was published then, and why it ran or not.</summary>
public sealed record EventExplanation(Guid EventId, string EventType, string RecordType, string RecordKey, DateTime OccurredAt, IReadOnlyList<FlowVerdict> Flows);

/// <summary>One flow's verdict on an event, in words, with the run it started (if any).</summary>
public sealed record FlowVerdict(string FlowKey, string FlowName, int Version, bool Started, string Reason)
{
    public Guid? RunId { get; init; }

    public RunStatus? RunStatus { get; init; }

    public int DeliveriesSent { get; init; }

    public int DeliveriesSkipped { get; init; }
}
