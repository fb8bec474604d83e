using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels.Sms;

/// <summary>
/// SMS through Twilio's REST API (the SDK is not available here): a form POST to the Messages resource with
/// basic auth. 429, 5xx and timeouts are transient; other 4xx (21211 invalid number, 21610 opted out…) permanent.
/// </summary>
public sealed class TwilioSmsProvider(HttpClient http, ChannelSettingsStore settings) : IChannelProvider
{

    public Channel Channel => Channel.Sms;

    public string Name => "twilio";

    public bool IsIdempotent => false;

    public static IReadOnlyList<KeyValuePair<string, string>> Form(Delivery delivery, SmsOptions options)
    {
        var form = new List<KeyValuePair<string, string>> { new("To", delivery.Address), new("Body", delivery.Body) };
        if (!string.IsNullOrWhiteSpace(options.Twilio.MessagingServiceSid))
        {
            form.Add(new("MessagingServiceSid", options.Twilio.MessagingServiceSid));
        }

        var from = !string.IsNullOrWhiteSpace(options.SenderName) ? options.SenderName : options.Twilio.From;
        if (!string.IsNullOrWhiteSpace(from))
        {
            form.Add(new("From", from));
        }

        if (!string.IsNullOrWhiteSpace(options.StatusCallbackBaseUrl))
        {
            form.Add(new("StatusCallback", options.StatusCallbackBaseUrl.TrimEnd('/') + "/api/v1/sms/status"));
        }

        return form;
    }

    public async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct)
    {
        var options = settings.Sms;
        var twilio = options.Twilio;
        var url = $"{twilio.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid!)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(Form(delivery, options)) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                var message = await response.Content.ReadFromJsonAsync<TwilioMessage>(ct);
                return SendOutcome.Sent(message?.Sid);
            }

            var error = await ReadErrorAsync(response, ct);
            var reason = $"Twilio {(int)response.StatusCode}{(error?.Code is { } code ? $" error {code}" : "")}: {error?.Message ?? response.ReasonPhrase}";
            return response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                ? SendOutcome.Transient(reason)
                : SendOutcome.Permanent(reason);
        }
        catch (HttpRequestException ex)
        {
            return SendOutcome.Transient($"Twilio could not be reached: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Transient("Twilio did not answer in time.");
        }
    }

    private static async Task<TwilioError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TwilioError>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record TwilioMessage([property: JsonPropertyName("sid")] string? Sid, [property: JsonPropertyName("status")] string? Status);

    private sealed record TwilioError([property: JsonPropertyName("code")] int? Code, [property: JsonPropertyName("message")] string? Message);
}
