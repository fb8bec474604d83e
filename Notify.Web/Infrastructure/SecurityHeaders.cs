using System.Security.Cryptography;

namespace Notify.Web.Infrastructure;

/// <summary>
/// Headers that keep pages from being framed, sniffed or leaking referrers, and limit where scripts come from. The one
/// inline script a page has, Blazor's import map, runs because it carries this request's nonce; no other inline script does.
/// </summary>
public static class SecurityHeaders
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
        await next();
    });
}
