namespace Notify.Workflows.Channels.Sms;

/// <summary><c>Notify:Sms</c>.</summary>
public sealed class SmsOptions
{
    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>Alphanumeric sender shown instead of a number (1–11 characters).</summary>
    public string? SenderName { get; set; }

    /// <summary>Region for numbers written without +.</summary>
    public string DefaultRegion { get; set; } = "NO";

    /// <summary>Price of one segment to one recipient, for the cost summary; none when unset.</summary>
    public decimal? PricePerSegment { get; set; }

    public string Currency { get; set; } = "NOK";

    /// <summary>Public base URL of this app, for Twilio's status callbacks; none when unset.</summary>
    public string? StatusCallbackBaseUrl { get; set; }
}
