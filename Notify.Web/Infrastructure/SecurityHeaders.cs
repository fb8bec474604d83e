using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Notify.Web.Infrastructure;

/// <summary>
/// Headers that keep pages from being framed, sniffed or leaking referrers, and limit where scripts come from. The one
/// inline script a page has, Blazor's import map, runs because it carries this request's nonce; no other inline script does.
/// </summary>
public static partial class SecurityHeaders
{
    private const string NonceKey = "Notify.CspNonce";

    private const string Rest =
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The nonce the page's inline scripts must carry on this request.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseNotifySecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; {Rest}";
        if (context.Request.Path.StartsWithSegments(ApiReferencePath) && !Path.HasExtension(context.Request.Path.Value))
        {
            await AllowOwnInlineScriptsAsync(context, next);
            return;
        }

        await next();
    });

    /// <summary>The API reference page (Scalar) starts itself with one inline module script it writes.</summary>
    public const string ApiReferencePath = "/api/reference";

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex InlineScript();

    /// <summary>
    /// Lets the page's own inline scripts run by their SHA-256 hashes (no <c>'unsafe-inline'</c>): the page is small and
    /// written by the app, so it is read whole, hashed and sent on.
    /// </summary>
    private static async Task AllowOwnInlineScriptsAsync(HttpContext context, Func<Task> next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScript().Matches(html)
                .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'")
                .Distinct();
            context.Response.Headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' {string.Join(' ', hashes)}; {Rest}";
        }

        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
