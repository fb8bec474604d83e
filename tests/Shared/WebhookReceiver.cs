using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Notify.Tests.Shared;

/// <summary>
/// A host system's webhook on a loopback port: keeps every call with its headers and body, answers from a script
/// (then 200), and checks each signature with its own HMAC-SHA256 over "timestamp.body", as a receiver would.
/// </summary>
public sealed class WebhookReceiver(string secret) : LoopbackHttpServer
{
    private readonly ConcurrentQueue<int> _script = new();

    public ConcurrentQueue<Call> Calls { get; } = new();

    public string Url => $"{BaseUrl}/hooks/notify";

    /// <summary>The next calls are answered with these status codes, in order.</summary>
    public void Then(params int[] statuses)
    {
        foreach (var status in statuses) _script.Enqueue(status);
    }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var timestamp = context.Request.Headers["X-Notify-Timestamp"] ?? "";
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        var signed = string.Equals(context.Request.Headers["X-Notify-Signature"], expected, StringComparison.Ordinal);
        Calls.Enqueue(new Call(context.Request.Headers["X-Notify-Delivery"] ?? "", timestamp, signed, body, context.Request.ContentType ?? ""));
        var status = _script.TryDequeue(out var scripted) ? scripted : 200;
        context.Response.StatusCode = signed ? status : 401;
        var answer = Encoding.UTF8.GetBytes(signed ? (status < 300 ? "{\"accepted\":true}" : "{\"error\":\"busy\"}") : "{\"error\":\"bad signature\"}");
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }

    public sealed record Call(string DeliveryId, string Timestamp, bool Signed, string Body, string ContentType);
}
