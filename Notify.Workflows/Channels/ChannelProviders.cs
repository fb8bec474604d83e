using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels;

/// <summary>The provider in use for each channel: the configured one, or the sandbox.</summary>
public sealed class ChannelProviders(IEnumerable<IChannelProvider> providers)
{
    private readonly Dictionary<Channel, IChannelProvider> _byChannel = providers
        .GroupBy(p => p.Channel)
        .ToDictionary(g => g.Key, g => g.Last());

    public IChannelProvider For(Channel channel) =>
        _byChannel.TryGetValue(channel, out var provider)
            ? provider
            : throw new InvalidOperationException($"No provider is registered for {channel}.");
}
