using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels;

/// <summary>The provider in use for each channel: the configured one, or the sandbox.</summary>
public sealed class ChannelProviders(IEnumerable<IChannelProvider> providers, ChannelSettingsStore settings)
{
    private readonly IReadOnlyList<IChannelProvider> _providers = providers.ToList();

    /// <summary>SMTP when an SMTP host is set, Twilio when an account is set; otherwise the channel's sandbox.</summary>
    public IChannelProvider For(Channel channel)
    {
        var real = channel switch
        {
            Channel.Email => settings.Smtp.IsConfigured ? "smtp" : SandboxProvider.ProviderName,
            Channel.Sms => settings.Sms.Twilio.IsConfigured ? "twilio" : SandboxProvider.ProviderName,
            _ => null,
        };
        return _providers.FirstOrDefault(p => p.Channel == channel && (real is null || p.Name == real))
            ?? throw new InvalidOperationException($"No provider is registered for {channel}.");
    }
}
