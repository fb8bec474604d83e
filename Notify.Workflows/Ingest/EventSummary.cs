namespace Notify.Workflows.Ingest;

/// <summary>An event and what it started: the runs of matching flows and the reminders it scheduled or moved.</summary>
public sealed record EventSummary(Guid EventId, string Type, string? FromStatus, string? ToStatus, IReadOnlyList<string> StartedFlows)
{
    public IReadOnlyList<string> Scheduled { get; init; } = [];

    public bool Duplicate { get; init; }
}
