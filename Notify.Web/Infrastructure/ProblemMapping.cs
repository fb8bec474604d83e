using System.Text.Json;
using System.Text.RegularExpressions;
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
            BadHttpRequestException bad => (bad.StatusCode, Title(bad), BindingError(bad)),
            JsonException json => (400, "The request body is not valid JSON for this call.", JsonError(json)),
            NotSupportedException unsupported when unsupported.Message.Contains("Path: $", StringComparison.Ordinal) =>
                (400, "The request body is not valid JSON for this call.", JsonError(unsupported.Message, AbstractTypeHint(unsupported.Message))),
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

    /// <summary>A serializer message that ends in "Path: $.steps[0] | LineNumber: …": the path is the field.</summary>
    private static Dictionary<string, string[]> JsonError(string message, string words)
    {
        var path = message.Split("Path: $", 2)[1].Split(' ', 2)[0].TrimStart('.');
        return new Dictionary<string, string[]> { [path.Length == 0 ? "body" : path] = [words] };
    }

    private static string AbstractTypeHint(string message) => message.Contains("StepDefinition", StringComparison.Ordinal)
        ? "needs a \"kind\": one of " + string.Join(", ", Notify.Workflows.Steps.StepKinds.All.Select(k => k.Kind)) + "."
        : "is not a value this call can read here.";

    private static string Title(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status415UnsupportedMediaType => "The request body's content type is not one this call reads.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => "The request has invalid fields.",
    };

    /// <summary>
    /// What the framework could not bind, as a field: a query or route value of the wrong type ("page" must be a whole
    /// number), a missing body, a body of the wrong content type, or a form that could not be read.
    /// </summary>
    private static Dictionary<string, string[]> BindingError(BadHttpRequestException bad)
    {
        var bind = Regex.Match(bad.Message, """^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from""");
        if (bind.Success)
        {
            var type = bind.Groups["type"].Value.TrimEnd('?');
            var words = type switch
            {
                "int" or "long" or "Int32" or "Int64" => "must be a whole number",
                "bool" or "Boolean" => "must be true or false",
                "DateTime" or "DateTimeOffset" => "must be a date and time such as 2026-12-24T08:00:00Z",
                "Guid" => "must be an id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "decimal" or "double" => "must be a number",
                _ => "is not a value this call accepts",
            };
            return new Dictionary<string, string[]> { [bind.Groups["name"].Value] = [words + "."] };
        }

        var required = Regex.Match(bad.Message, """^Required parameter "[^ "]+ (?<name>[^"]+)" was not provided""");
        if (required.Success)
        {
            return new Dictionary<string, string[]> { [required.Groups["name"].Value] = ["is required."] };
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new Dictionary<string, string[]> { ["Content-Type"] = ["send the body as application/json."] };
        }

        return new Dictionary<string, string[]>
        {
            ["body"] = [bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) ? "is required: send a JSON body." : "could not be read: " + bad.Message],
        };
    }
}
