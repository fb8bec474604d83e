using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels.InApp;

/// <summary>In-app messages live in the database: the delivery is the inbox item, delivered as soon as it is written.</summary>
public sealed class InAppProvider : IChannelProvider
{
    public Channel Channel => Channel.InApp;

    public string Name => "in-app";

    public bool IsIdempotent => true;

    public Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct) =>
        Task.FromResult(SendOutcome.Delivered($"inapp-{delivery.Id:N}"));
}
