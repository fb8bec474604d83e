using System.Net;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Email;

/// <summary>A host system's file store on a loopback port: serves the files it is given by name, and counts the requests.</summary>
public sealed class FileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly Task _serving;
    private int _requests;

    public FileServer(Dictionary<string, byte[]> files)
    {
        _files = files;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public int Requests => _requests;

    public string Url(string name) => $"http://{Host}/{name}";

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

            Interlocked.Increment(ref _requests);
            var name = context.Request.Url!.AbsolutePath.TrimStart('/');
            if (_files.TryGetValue(name, out var content))
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength64 = content.Length;
                await context.Response.OutputStream.WriteAsync(content);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
