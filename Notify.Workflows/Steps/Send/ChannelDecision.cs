using Notify.Domain.Messaging;

namespace Notify.Workflows.Steps.Send;

/// <summary>What a send step decided for one person on one channel: messages to queue, addresses left out with the reason, or an error that fails the run.</summary>
internal sealed record ChannelDecision(IReadOnlyList<DeliveryDraft> Queued, IReadOnlyList<(DeliveryDraft Draft, string Why)> Skipped, string? Error)
{
    /// <summary>Messages over the flow's limit that go later, folded into one (the throttle's <c>fold</c>).</summary>
    public IReadOnlyList<DeliveryDraft> Folded { get; init; } = [];
}
