using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Notify.Domain.Common;

namespace Notify.Web.Infrastructure;

/// <summary>Turns known failures into RFC 9457 problem details that name the field; nothing becomes a bare 500.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            ValidationException v => (400, "The request has invalid fields.", Group(v.Errors)),
            NotFoundException n => (404, n.Message, null),
            BadHttpRequestException { InnerException: JsonException json } => (400, "The request body is not valid JSON for this call.", JsonError(json)),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
            JsonException json => (400, "The request body is not valid JSON for this call.", JsonError(json)),
            _ => (0, "", null),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Type = $"https://httpstatuses.io/{status}" };
        if (errors is not null)
        {
            details.Extensions["errors"] = errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    public static Dictionary<string, string[]> Group(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    private static Dictionary<string, string[]> JsonError(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
        var message = json.Message.Split(" Path:", 2)[0];
        return new Dictionary<string, string[]> { [path.Length == 0 ? "body" : path] = [message] };
    }
}
