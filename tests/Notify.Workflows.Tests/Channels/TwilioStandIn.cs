using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;

namespace Notify.Workflows.Tests.Channels;

/// <summary>
/// A local stand-in for Twilio's Messages API (Twilio itself is outside our network): records every request
/// and answers with scripted responses, then 201 with a new message SID.
/// </summary>
public sealed class TwilioStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string Body, int? RetryAfter)> _script = new();
    private int _count;

    public TwilioStandIn()
    {
        var port = Notify.Tests.Shared.FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The next request gets this answer (with a Retry-After of that many seconds when given); later ones 201.</summary>
    public void Then(int status, string body, int? retryAfterSeconds = null) => _script.Enqueue((status, body, retryAfterSeconds));

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var form = HttpUtility.ParseQueryString(body);
            Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"],
                context.Request.ContentType, form.AllKeys.ToDictionary(k => k!, k => form[k]!)));
            var (status, answer, retryAfter) = _script.TryDequeue(out var next)
                ? next
                : (201, $"{{\"sid\": \"SM{Interlocked.Increment(ref _count):D32}\", \"status\": \"queued\"}}", (int?)null);
            context.Response.StatusCode = status;
            if (retryAfter is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public sealed record Received(string Method, string Path, string? Authorization, string? ContentType, IReadOnlyDictionary<string, string> Form);
}
