namespace Notify.Web.Infrastructure;

/// <summary>
/// Refuses Blazor circuit connections (<c>/_blazor</c>) opened by another site's page: browsers send their Origin,
/// and it must be this app's own. WebSockets are not covered by CORS, so this is checked here.
/// </summary>
public static class SameOriginCircuits
{
    public static IApplicationBuilder UseSameOriginCircuits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/_blazor")
            && context.Request.Headers.Origin is [{ Length: > 0 } origin]
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Cross-site connections are not allowed.");
            return;
        }

        await next();
    });
}
