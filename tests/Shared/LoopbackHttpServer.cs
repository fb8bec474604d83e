using System.Net;

namespace Notify.Tests.Shared;

/// <summary>A small HTTP server on a free loopback port, for the outside services tests stand in for; each request is answered on its own task.</summary>
public abstract class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();

    protected LoopbackHttpServer()
    {
        Port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{Port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl { get; }

    /// <summary>Answers one request; the response is closed by the answer.</summary>
    protected abstract Task AnswerAsync(HttpListenerContext context);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    public void Dispose()
    {
        _listener.Close();
        GC.SuppressFinalize(this);
    }
}
