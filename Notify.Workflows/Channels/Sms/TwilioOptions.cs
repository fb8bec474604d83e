namespace Notify.Workflows.Channels.Sms;

/// <summary><c>Notify:Sms:Twilio</c>. Without an account SID and token, SMS goes to the sandbox.</summary>
public sealed class TwilioOptions
{
    public const string DefaultBaseUrl = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>How long one call to Twilio may take; past it the outcome is unknown and Twilio is asked before a resend.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);
}
