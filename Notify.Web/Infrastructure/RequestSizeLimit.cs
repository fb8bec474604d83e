namespace Notify.Web.Infrastructure;

/// <summary>Refuses API bodies over the limit up front with a 413 problem (Kestrel also stops longer streamed bodies).</summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseNotifyRequestSizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > maxBytes && context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem($"The request body is larger than {maxBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge)
                .ExecuteAsync(context);
            return;
        }

        await next();
    });
}
