namespace Notify.Domain.Contacts;

/// <summary>
/// Consent as a host system or a form gives it: a channel left out (null) keeps what the person had — for a new
/// contact, no consent.
/// </summary>
public sealed record ConsentChoice(bool? Sms = null, bool? Email = null, bool? InApp = null)
{
    public ChannelConsent Over(ChannelConsent before) => new(Sms ?? before.Sms, Email ?? before.Email, InApp ?? before.InApp);

    public static implicit operator ConsentChoice(ChannelConsent consent) => new(consent.Sms, consent.Email, consent.InApp);
}
