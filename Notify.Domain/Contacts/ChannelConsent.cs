namespace Notify.Domain.Contacts;

/// <summary>Which channels a person agreed to be contacted on.</summary>
public sealed record ChannelConsent(bool Sms = true, bool Email = true, bool InApp = true)
{
    /// <summary>A new contact's consent until the host system or the person says otherwise: no channel.</summary>
    public static ChannelConsent None { get; } = new(false, false, false);

    public static ChannelConsent All { get; } = new(true, true, true);
}
