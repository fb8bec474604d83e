using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels.Webhooks;

/// <summary>
/// POSTs a webhook delivery's JSON to its endpoint, signed (see <see cref="WebhookSignature"/>). 2xx: sent, and the
/// answer kept; 408, 429 and 5xx, a refused connection or no answer in time: tried again with backoff (the same
/// <c>X-Notify-Delivery</c> id each time, for the receiver to drop a repeat); any other 4xx: failed for good. An endpoint
/// that is gone or whose host is no longer allowed fails without a call.
/// </summary>
public sealed class WebhookProvider(HttpClient http, WebhookEndpoints endpoints, IOptions<WebhookOptions> options, TimeProvider time) : IChannelProvider
{
    public const string HttpClientName = "webhooks";
    private const int AnswerShown = 300;

    public Channel Channel => Channel.Webhook;

    public string Name => "webhook";

    public bool IsIdempotent => false;

    public async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct)
    {
        if (await endpoints.TargetAsync(delivery.Address, ct) is not { } target)
        {
            return SendOutcome.Permanent($"There is no webhook '{delivery.Address}' any more.");
        }

        if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url) || !options.Value.Allows(url))
        {
            return SendOutcome.Permanent($"'{url?.Host ?? target.Url}' is not an allowed webhook host (Notify__Webhooks__AllowedHosts); nothing was sent.");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(target.Secret, timestamp, delivery.Body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(options.Value.TimeoutSeconds, 1, 300)));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var answer = await AnswerAsync(response, timeout.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return SendOutcome.Sent($"HTTP {code}{answer}");
            var said = $"The receiver answered HTTP {code} {response.ReasonPhrase}{answer}";
            return code is 408 or 429 or >= 500
                ? SendOutcome.Transient(said, response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date - time.GetUtcNow()))
                : SendOutcome.Permanent(said);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Transient($"No answer within {options.Value.TimeoutSeconds} seconds; it is sent again with the same {WebhookSignature.DeliveryHeader}.");
        }
        catch (HttpRequestException ex)
        {
            return SendOutcome.Transient($"Could not reach {url.Host}: {ex.Message}");
        }
    }

    private static async Task<string> AnswerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = (await response.Content.ReadAsStringAsync(ct)).Trim();
        return body.Length == 0 ? "" : ": " + (body.Length > AnswerShown ? body[..AnswerShown] + "…" : body);
    }
}
