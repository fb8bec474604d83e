using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;

namespace Notify.Tests.Shared;

/// <summary>
/// A local stand-in for Twilio's Messages API (Twilio itself is outside our network). It records every message request
/// and answers with scripted responses, then 201 with a new message SID; a message it accepts is kept in its message
/// list (<c>GET …/Messages.json?To=</c>, newest first), as Twilio's is. A scripted answer can come late, after the
/// message was already accepted, as a slow Twilio's would. Requests are served concurrently.
/// </summary>
public sealed class TwilioStandIn : LoopbackHttpServer
{
    private readonly ConcurrentQueue<Answer> _script = new();
    private readonly ConcurrentQueue<int> _listScript = new();
    private readonly List<Message> _messages = [];
    private int _count;

    /// <summary>Every request to create a message, in the order received.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Every request for the message list, with its query.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Lookups { get; } = new();

    /// <summary>Each message request is answered this much later (a busy Twilio), after it was accepted.</summary>
    public TimeSpan DelayEvery { get; set; }

    /// <summary>The messages Twilio accepted, oldest first.</summary>
    public IReadOnlyList<Message> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToList();
            }
        }
    }

    /// <summary>The next request gets this answer (with a Retry-After of that many seconds when given); later ones 201.</summary>
    public void Then(int status, string body, int? retryAfterSeconds = null) => _script.Enqueue(new Answer(status, body, retryAfterSeconds, TimeSpan.Zero));

    /// <summary>The next request is answered only after <paramref name="delay"/>; with 201 the message is accepted at once, as Twilio would.</summary>
    public void ThenSlow(TimeSpan delay, int status = 201) =>
        _script.Enqueue(new Answer(status, status == 201 ? null : "{\"code\": 20500, \"message\": \"Internal error\", \"status\": 500}", null, delay));

    /// <summary>The next message-list request fails with this status.</summary>
    public void ThenListFails(int status) => _listScript.Enqueue(status);

    /// <summary>Puts a message in the list as though Twilio had accepted it earlier.</summary>
    public string Accept(string to, string body) => Add(to, body).Sid;


    private Message Add(string to, string body)
    {
        var message = new Message($"SM{Interlocked.Increment(ref _count):D32}", to, body, DateTime.UtcNow);
        lock (_messages)
        {
            _messages.Add(message);
        }

        return message;
    }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var (status, answer, retryAfter) = context.Request.HttpMethod == "GET" ? List(context.Request) : await CreateAsync(context.Request);
            context.Response.StatusCode = status;
            if (retryAfter is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // the client gave up (a timeout) or the stand-in is closing
        }
    }

    private async Task<(int, string, int?)> CreateAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
        var received = new Received(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"], request.ContentType,
            form.AllKeys.ToDictionary(k => k!, k => form[k]!));
        Requests.Enqueue(received);
        var next = _script.TryDequeue(out var scripted) ? scripted : new Answer(201, null, null, TimeSpan.Zero);
        Message? accepted = next.Status == 201 ? Add(received.Form.GetValueOrDefault("To", ""), received.Form.GetValueOrDefault("Body", "")) : null;
        var delay = next.Delay + DelayEvery;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        return (next.Status, accepted is null ? next.Body! : Json(accepted), next.RetryAfter);
    }

    private (int, string, int?) List(HttpListenerRequest request)
    {
        var query = request.QueryString.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.QueryString[k]!);
        Lookups.Enqueue(query);
        if (_listScript.TryDequeue(out var failure))
        {
            return (failure, "{\"code\": 20500, \"message\": \"Internal error\", \"status\": " + failure + "}", null);
        }

        var to = query.GetValueOrDefault("To");
        var found = Messages.Where(m => to is null || m.To == to).Reverse().Select(Json);
        var page = $$"""
            {"messages": [{{string.Join(",", found)}}], "uri": "{{request.Url!.PathAndQuery}}", "page_size": 50, "first_page_uri": "{{request.Url!.PathAndQuery}}", "next_page_uri": null, "previous_page_uri": null, "page": 0}
            """;
        return (200, page, null);
    }

    private static string Json(Message m) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["sid"] = m.Sid,
        ["to"] = m.To,
        ["body"] = m.Body,
        ["status"] = "queued",
        ["date_created"] = m.CreatedAt.ToString("r", CultureInfo.InvariantCulture),
    });

    public sealed record Received(string Method, string Path, string? Authorization, string? ContentType, IReadOnlyDictionary<string, string> Form);

    public sealed record Message(string Sid, string To, string Body, DateTime CreatedAt);

    private sealed record Answer(int Status, string? Body, int? RetryAfter, TimeSpan Delay);
}
