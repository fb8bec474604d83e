using Notify.Workflows.Channels.Email;

namespace Notify.Workflows.Channels;

/// <summary>What the channel settings form sends. A secret left empty keeps the stored one; Clear… removes it.</summary>
public sealed record ChannelSettingsInput
{
    public string? SmtpHost { get; init; }

    public int SmtpPort { get; init; } = 25;

    public string? SmtpUserName { get; init; }

    public string? SmtpPassword { get; init; }

    public bool ClearSmtpPassword { get; init; }

    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.None;

    public string? SmtpFrom { get; init; }

    public bool SmtpSafeToResend { get; init; }

    public string? TwilioAccountSid { get; init; }

    public string? TwilioAuthToken { get; init; }

    public bool ClearTwilioAuthToken { get; init; }

    public string? TwilioFrom { get; init; }

    public string? TwilioMessagingServiceSid { get; init; }

    public string? TwilioBaseUrl { get; init; }

    public string? SenderName { get; init; }

    /// <summary>What one SMS segment to one recipient costs; empty = the configuration's price, or none.</summary>
    public decimal? SmsPricePerSegment { get; init; }

    /// <summary>The price's currency (ISO 4217, e.g. NOK); empty = the configuration's.</summary>
    public string? SmsCurrency { get; init; }
}
