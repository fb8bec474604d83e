using System.Text.Json.Serialization;
using Notify.Workflows.Channels.Sms;

namespace Notify.Web.Features.Sms;

/// <summary>
/// Twilio's webhooks (status callbacks and incoming messages): not behind the API key, since Twilio cannot send
/// one, but accepted only with a valid <c>X-Twilio-Signature</c>.
/// </summary>
public static class SmsStatusApi
{
    private const string FormType = "application/x-www-form-urlencoded";

    /// <summary>The fields of Twilio's status callback that Notify reads (the document's request body; Twilio sends more).</summary>
    public sealed record TwilioStatusForm(
        [property: JsonPropertyName("MessageSid")] string MessageSid,
        [property: JsonPropertyName("MessageStatus")] string MessageStatus,
        [property: JsonPropertyName("ErrorCode")] string? ErrorCode);

    /// <summary>The fields of Twilio's incoming-message webhook that Notify reads.</summary>
    public sealed record TwilioInboundForm(
        [property: JsonPropertyName("From")] string From,
        [property: JsonPropertyName("Body")] string Body);

    public static RouteGroupBuilder MapSmsStatusApi(this RouteGroupBuilder api)
    {
        api.MapPost("/sms/status", StatusAsync).AllowAnonymous().DisableAntiforgery().Accepts<TwilioStatusForm>(FormType)
            .WithSummary("Twilio status callback; accepted only with a valid X-Twilio-Signature.");
        api.MapPost("/sms/inbound", InboundAsync).AllowAnonymous().DisableAntiforgery().Accepts<TwilioInboundForm>(FormType)
            .WithSummary("Twilio incoming-message webhook; the reply is threaded on the record of the last SMS to that number.");
        return api;
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, Notify.Workflows.Channels.ChannelSettingsStore settings, SmsStatusService statuses, CancellationToken ct)
    {
        var (form, refused) = await VerifyAsync(request, settings.Sms, ct);
        if (refused is not null)
        {
            return refused;
        }

        var sid = form!["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0 || status.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["MessageSid"] = ["MessageSid and MessageStatus are required."] });
        }

        await statuses.ApplyAsync(sid, status, form["ErrorCode"].FirstOrDefault(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> InboundAsync(HttpRequest request, Notify.Workflows.Channels.ChannelSettingsStore settings, SmsReplyService replies, CancellationToken ct)
    {
        var (form, refused) = await VerifyAsync(request, settings.Sms, ct);
        if (refused is not null)
        {
            return refused;
        }

        var from = form!["From"].ToString();
        var body = form["Body"].ToString();
        if (from.Length == 0 || body.Trim().Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["From"] = ["From and Body are required."] });
        }

        await replies.ReceiveAsync(from, body.Length > Domain.Messaging.Reply.MaxLength ? body[..Domain.Messaging.Reply.MaxLength] : body, ct);
        return TypedResults.Text("<Response/>", "text/xml");
    }

    private static async Task<(IFormCollection? Form, IResult? Refused)> VerifyAsync(HttpRequest request, SmsOptions options, CancellationToken ct)
    {
        var token = options.Twilio.AuthToken;
        if (string.IsNullOrEmpty(token))
        {
            return (null, TypedResults.Problem("Twilio webhooks are off: no Twilio auth token is configured to check their signature.", statusCode: 403));
        }

        if (!request.HasFormContentType)
        {
            return (null, Results.ValidationProblem(
                new Dictionary<string, string[]> { ["Content-Type"] = ["must be application/x-www-form-urlencoded, as Twilio sends it."] },
                title: "Twilio webhooks take a form body.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"could not be read as a form: {ex.Message}"] }));
        }

        if (form.FirstOrDefault(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.ToString().Contains('\0', StringComparison.Ordinal)) is { Key: not null } nul)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nul.Key.Replace("\0", "", StringComparison.Ordinal)] = ["must not contain the NUL character."] }));
        }

        var parameters = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        var baseUrl = options.StatusCallbackBaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        var url = baseUrl + request.PathBase + request.Path + request.QueryString;
        return TwilioSignature.IsValid(request.Headers["X-Twilio-Signature"], url, parameters, token)
            ? (form, null)
            : (null, TypedResults.Problem("The X-Twilio-Signature does not match this request.", statusCode: 403));
    }
}
