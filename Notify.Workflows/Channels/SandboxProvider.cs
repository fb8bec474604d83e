using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels;

/// <summary>Captures instead of sending: the delivery row itself is the sandbox outbox. Nothing leaves the machine.</summary>
public sealed class SandboxProvider(Channel channel) : IChannelProvider
{
    public const string ProviderName = "sandbox";

    public Channel Channel { get; } = channel;

    public string Name => ProviderName;

    public bool IsIdempotent => true;

    public Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct) =>
        Task.FromResult(SendOutcome.Sent($"sandbox-{delivery.Id:N}"));
}
