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
/// invalid number, 21610 opted out…) permanent. A connection that could not be opened is transient; a timeout or a
/// dropped connection once the request may have gone out is unknown, and before such a message is sent again Twilio's
/// message list for that number is read (<see cref="FindAsync"/>), so a slow answer never sends it twice.
/// </summary>
public sealed class TwilioSmsProvider(HttpClient http, ChannelSettingsStore settings) : IChannelProvider, ISentMessageLookup
{
    /// <summary>How many of the number's newest messages are read when looking for one in doubt.</summary>
    private const int LookBack = 50;

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

        var from = !string.IsNullOrWhiteSpace(delivery.Sender) ? delivery.Sender
            : !string.IsNullOrWhiteSpace(options.SenderName) ? options.SenderName : options.Twilio.From;
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

    private TwilioRestClient Client()
    {
        var options = settings.Sms;
        return new TwilioRestClient(options.Twilio.AccountSid, options.Twilio.AuthToken, httpClient: new Twilio.Http.SystemNetHttpClient(http));
    }

    /// <summary>True when the request surely never left: the connection could not be opened.</summary>
    private static bool NeverSent(ApiConnectionException ex) =>
        ex.InnerException is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                or HttpRequestError.ProxyTunnelError,
        };

    public async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct)
    {
        var options = settings.Sms;
        var client = Client();
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
        catch (ApiConnectionException ex) when (NeverSent(ex))
        {
            return SendOutcome.Transient($"Twilio could not be reached: {ex.InnerException!.Message}");
        }
        catch (ApiConnectionException ex)
        {
            return SendOutcome.Unknown(ex.InnerException is TaskCanceledException
                ? $"Twilio did not answer within {http.Timeout.TotalSeconds:0} seconds."
                : $"The connection to Twilio broke before it answered: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>
    /// Reads the newest messages Twilio has for the delivery's number and looks for this text, created since the first
    /// attempt in doubt (a minute's leeway for clocks). Twilio lists the newest first; queued ones have no send date yet,
    /// so the list is not filtered by date on Twilio's side.
    /// </summary>
    public async Task<LookupResult> FindAsync(Delivery delivery, DateTime since, CancellationToken ct)
    {
        var client = Client();
        var read = new ReadMessageOptions { To = new PhoneNumber(delivery.Address), PageSize = LookBack, Limit = LookBack };
        try
        {
            var messages = await MessageResource.ReadAsync(read, client).WaitAsync(ct);
            var match = messages.FirstOrDefault(m => m.Body == delivery.Body
                && (m.DateCreated is not { } created || created.ToUniversalTime() >= since.AddMinutes(-1)));
            return match is null ? LookupResult.NotFound : LookupResult.Found(match.Sid, match.DateCreated?.ToUniversalTime());
        }
        catch (ApiException ex)
        {
            return LookupResult.CannotTell($"Twilio could not be asked for the messages to {delivery.Address}: {ex.Status} {ex.Message}");
        }
        catch (ApiConnectionException ex)
        {
            return LookupResult.CannotTell($"Twilio could not be asked for the messages to {delivery.Address}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }
}
