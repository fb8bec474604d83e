using System.Text;
using Microsoft.Net.Http.Headers;

namespace Notify.Web.Infrastructure;

/// <summary>Refuses an API body whose Content-Type names a charset .NET cannot read, with a 415 problem naming the header.</summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseNotifyRequestCharset(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Request.ContentType is { } header && Unreadable(header) is { } charset)
        {
            await Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["Content-Type"] = [$"the charset '{charset}' is not one this API reads; send UTF-8."] },
                    title: "The request body's charset is not supported.", statusCode: StatusCodes.Status415UnsupportedMediaType)
                .ExecuteAsync(context);
            return;
        }

        await next();
    });

    /// <summary>The charset named in <paramref name="header"/> when it is not a known encoding; null when none is named or it is known.</summary>
    internal static string? Unreadable(string header)
    {
        if (!MediaTypeHeaderValue.TryParse(header, out var media))
        {
            return null; // a malformed header is left to the endpoint, which answers 415 for what it cannot read
        }

        if (!media.Charset.HasValue)
        {
            return null;
        }

        var charset = media.Charset.Value!.Trim('"');
        try
        {
            _ = Encoding.GetEncoding(charset);
            return null;
        }
        catch (ArgumentException)
        {
            return charset;
        }
    }
}
