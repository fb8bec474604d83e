using System.Net;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Email;

/// <summary>A host system's file store on a loopback port: serves the files it is given by name, and counts the requests.</summary>
public sealed class FileServer(Dictionary<string, byte[]> files) : LoopbackHttpServer
{
    private int _requests;

    public string Host => $"127.0.0.1:{Port}";

    public int Requests => _requests;

    public string Url(string name) => $"{BaseUrl}/{name}";

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        if (files.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out var content))
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
