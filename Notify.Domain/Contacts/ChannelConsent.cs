namespace Notify.Domain.Contacts;

/// <summary>Which channels a person agreed to be contacted on.</summary>
public sealed record ChannelConsent(bool Sms = true, bool Email = true, bool InApp = true);
