namespace Notify.Domain.Messaging;

/// <summary>The names channels have in JSON, URLs and flow definitions.</summary>
public static class ChannelNames
{
    public static string ToName(this Channel channel) => channel switch
    {
        Channel.Sms => "sms",
        Channel.Email => "email",
        Channel.InApp => "inApp",
        Channel.Webhook => "webhook",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>Every channel, in the order pages list them.</summary>
    public static IReadOnlyList<Channel> All { get; } = [Channel.Sms, Channel.Email, Channel.InApp];

    /// <summary>The channel as a sentence names it: "SMS", "email", "in-app messages".</summary>
    public static string ToWords(this Channel channel) => channel switch
    {
        Channel.Sms => "SMS",
        Channel.Email => "email",
        Channel.Webhook => "webhooks",
        _ => "in-app messages",
    };

    /// <summary>The channel as a label or a column shows it: "SMS", "Email", "In-app".</summary>
    public static string ToLabel(this Channel channel) => channel switch
    {
        Channel.Sms => "SMS",
        Channel.Email => "Email",
        Channel.Webhook => "Webhook",
        _ => "In-app",
    };

    public static bool TryParse(string? name, out Channel channel)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "sms": channel = Channel.Sms; return true;
            case "email": channel = Channel.Email; return true;
            case "inapp" or "in-app" or "in_app": channel = Channel.InApp; return true;
            default: channel = default; return false;
        }
    }
}
