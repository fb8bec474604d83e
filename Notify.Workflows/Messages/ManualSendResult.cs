namespace Notify.Workflows.Messages;

/// <summary>The answer to a manual send: people reached, SMS segments in all, cost, the deliveries made, and who was left out and why.</summary>
public sealed record ManualSendResult(
    int Recipients, int Segments, decimal? Cost, string Currency, IReadOnlyList<Guid> Deliveries, IReadOnlyList<SkippedRecipient> Skipped);
