using Notify.Domain.Messaging;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Notify.Workflows.Channels.Sms;

/// <summary>
/// SMS through the Twilio SDK (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>) over
/// this provider's <see cref="HttpClient"/>, whose timeout bounds each call (the SDK takes no cancellation token and
/// does not retry; Notify's own backoff does). 429, 5xx and connection failures are transient; other 4xx (21211
/// invalid number, 21610 opted out…) permanent.
/// </summary>
public sealed class TwilioSmsProvider(HttpClient http, ChannelSettingsStore settings) : IChannelProvider
{
    public Channel Channel => Channel.Sms;

    public string Name => "twilio";

    public bool IsIdempotent => false;

    /// <summary>What goes to Twilio for a delivery: the number, the text, the sender (the company's name when set), the status callback.</summary>
    public static CreateMessageOptions Options(Delivery delivery, SmsOptions options)
    {
        var message = new CreateMessageOptions(new PhoneNumber(delivery.Address)) { Body = delivery.Body };
        if (!string.IsNullOrWhiteSpace(options.Twilio.MessagingServiceSid))
        {
            message.MessagingServiceSid = options.Twilio.MessagingServiceSid;
        }

        var from = !string.IsNullOrWhiteSpace(options.SenderName) ? options.SenderName : options.Twilio.From;
        if (!string.IsNullOrWhiteSpace(from))
        {
            message.From = new PhoneNumber(from);
        }

        if (!string.IsNullOrWhiteSpace(options.StatusCallbackBaseUrl))
        {
            message.StatusCallback = new Uri(options.StatusCallbackBaseUrl.TrimEnd('/') + "/api/v1/sms/status");
        }

        return message;
    }

    /// <summary>Twilio's Retry-After on the answer just read: this call's own client, so no other send's answer.</summary>
    private static TimeSpan? RetryAfter(TwilioRestClient client)
    {
        var headers = client.HttpClient.LastResponse?.Headers;
        return headers?.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
    }

    public async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct)
    {
        var options = settings.Sms;
        var client = new TwilioRestClient(options.Twilio.AccountSid, options.Twilio.AuthToken, httpClient: new Twilio.Http.SystemNetHttpClient(http));
        try
        {
            var message = await MessageResource.CreateAsync(Options(delivery, options), client).WaitAsync(ct);
            return SendOutcome.Sent(message.Sid);
        }
        catch (ApiException ex)
        {
            var reason = $"Twilio {ex.Status}{(ex.Code != 0 ? $" error {ex.Code}" : "")}: {ex.Message}";
            return ex.Status is 429 or >= 500 ? SendOutcome.Transient(reason, RetryAfter(client)) : SendOutcome.Permanent(reason);
        }
        catch (ApiConnectionException ex)
        {
            return SendOutcome.Transient(ex.InnerException is TaskCanceledException ? "Twilio did not answer in time." : $"Twilio could not be reached: {ex.Message}");
        }
    }
}
