using Microsoft.Extensions.Options;
using Notify.Workflows.Channels.Sms;

namespace Notify.Web.Features.Sms;

/// <summary>Twilio's status callback: not behind the API key (Twilio cannot send one) but behind Twilio's signature.</summary>
public static class SmsStatusApi
{
    public static RouteGroupBuilder MapSmsStatusApi(this RouteGroupBuilder api)
    {
        api.MapPost("/sms/status", ReceiveAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Twilio status callback; accepted only with a valid X-Twilio-Signature.");
        return api;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<SmsOptions> options, SmsStatusService statuses, CancellationToken ct)
    {
        var token = options.Value.Twilio.AuthToken;
        if (!request.HasFormContentType || string.IsNullOrEmpty(token))
        {
            return TypedResults.Problem("Status callbacks need a form body and a configured Twilio auth token.", statusCode: 400);
        }

        var form = await request.ReadFormAsync(ct);
        var parameters = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        var baseUrl = options.Value.StatusCallbackBaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        var url = baseUrl + request.PathBase + request.Path + request.QueryString;
        if (!TwilioSignature.IsValid(request.Headers["X-Twilio-Signature"], url, parameters, token))
        {
            return TypedResults.Problem("The X-Twilio-Signature does not match this request.", statusCode: 403);
        }

        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0 || status.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["MessageSid"] = ["MessageSid and MessageStatus are required."] });
        }

        await statuses.ApplyAsync(sid, status, form["ErrorCode"].FirstOrDefault(), ct);
        return TypedResults.NoContent();
    }
}
