namespace Notify.Web.Infrastructure;

/// <summary>Refuses an API query value holding the NUL character (no database stores it as text) with a 400 naming the parameter.</summary>
public static class RequestQueryText
{
    public static IApplicationBuilder UseNotifyQueryText(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && context.Request.Query.FirstOrDefault(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: not null } bad)
        {
            await Results.ValidationProblem(
                    new Dictionary<string, string[]> { [bad.Key.Replace("\0", "", StringComparison.Ordinal)] = ["must not contain the NUL character."] })
                .ExecuteAsync(context);
            return;
        }

        await next();
    });
}
