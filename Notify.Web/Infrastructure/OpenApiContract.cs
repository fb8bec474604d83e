using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Notify.Workflows.Access;
using Scalar.AspNetCore;

namespace Notify.Web.Infrastructure;

/// <summary>
/// Makes <c>/openapi/v1.json</c> a document that generators and API portals read right: the <c>X-Api-Key</c> scheme with
/// the scopes each call accepts, an operation id and a tag per area, and the problem-details answers every call can give.
/// Redocly CLI's recommended rules pass on it (the test suite runs them).
/// </summary>
public static class OpenApiContract
{
    public const string SchemeId = "ApiKey";
    private const string Problem = "ProblemDetails";

    /// <summary>Areas by the first segment after <c>/api/v1/</c>, in the order a reader meets them.</summary>
    private static readonly (string Segment, string Tag, string Description)[] Areas =
    [
        ("records", "Records", "The host system's records (orders, jobs, bookings): pushing their state starts flows."),
        ("record-types", "Record types", "Which kinds of record exist and which of their statuses count as done."),
        ("events", "Events", "Custom events on a record, for flows that wait for them."),
        ("contacts", "Contacts", "People who receive messages, their addresses, groups and message choices."),
        ("templates", "Templates", "Message templates (Liquid): checked when saved, previewed on a record."),
        ("flows", "Flows", "Alert flows: drafts, dry runs, impact previews, publishing and versions."),
        ("runs", "Runs", "Each flow run, its journal, and retry or cancel."),
        ("deliveries", "Deliveries", "Every message sent, skipped or failed, and why."),
        ("messages", "Messages", "Messages sent by hand."),
        ("sms", "SMS webhooks", "Twilio's callbacks; they carry X-Twilio-Signature instead of an API key."),
        ("users", "Users", "Staff accounts: invite, change a role, deactivate."),
        ("audit", "Audit", "Who changed what, and when."),
    ];

    public static IServiceCollection AddNotifyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                Describe(operation, context);
                return Task.CompletedTask;
            });
        });

    /// <summary>The API reference (Scalar) at <c>/api/reference</c>, read from the same document; its script is served by the app.</summary>
    public static WebApplication MapNotifyApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o => o
            .WithTitle("Notify API reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(SchemeId)
            .ShowOperationId()
            .HideDeveloperTools()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .DisableDefaultFonts()); // nothing fetched from outside the app
        return app;
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Notify API";
        document.Info.Description =
            "Push records and events from the host system, manage contacts, templates and flows, and follow runs and deliveries. "
            + $"Every call takes an API key in the `{ApiKeyAuthenticationHandler.HeaderName}` header; its scope (read, ingest or admin) decides what it may do. "
            + "Errors are problem details (RFC 9457) naming the field.";
        document.Servers = document.Servers?.Select(s => new OpenApiServer { Url = s.Url?.TrimEnd('/'), Description = s.Description }).ToList();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key made in Settings → API keys. Scopes: `read` (records, runs, deliveries, flows, templates), "
                          + "`ingest` (push records, events and contacts) and `admin` (everything, including flows, templates and users).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        document.Tags = new HashSet<OpenApiTag>(Areas.Select(a => new OpenApiTag { Name = a.Tag, Description = a.Description }));
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var path = "/" + (description.RelativePath ?? "").TrimStart('/');
        var method = description.HttpMethod ?? "GET";
        operation.OperationId ??= OperationId(method, path);
        if (Area(path) is { } area)
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(area.Tag, context.Document) };
        }

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var scopes = metadata.OfType<IAllowAnonymous>().Any() ? [] : Scopes(metadata.OfType<IAuthorizeData>().Select(a => a.Policy));
        operation.Security = scopes.Select(scope => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [scope] }).ToList();

        operation.Responses ??= new OpenApiResponses();
        AddProblem(operation, context, 400, "The request is not valid: the problem names each field and what is wrong with it.");
        if (scopes.Count > 0)
        {
            AddProblem(operation, context, 401, $"No API key, or not a known one, in {ApiKeyAuthenticationHandler.HeaderName}.");
            AddProblem(operation, context, 403, "The API key's scope does not allow this call.");
        }
        else
        {
            AddProblem(operation, context, 403, "The X-Twilio-Signature is missing or does not match.");
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(operation, context, 404, "There is no such thing with that key.");
        }
    }

    /// <summary>The scopes whose keys may make the call, most specific policy first (the group only asks for any key).</summary>
    private static List<string> Scopes(IEnumerable<string?> policies)
    {
        var named = policies.Where(p => p is not null).ToList();
        var policy = named.FirstOrDefault(p => p != ApiPolicies.Authenticated) ?? named.FirstOrDefault();
        return policy switch
        {
            ApiPolicies.Read => [ApiKeyScope.Read, ApiKeyScope.Admin],
            ApiPolicies.Ingest => [ApiKeyScope.Ingest, ApiKeyScope.Admin],
            ApiPolicies.Admin => [ApiKeyScope.Admin],
            ApiPolicies.Authenticated => [ApiKeyScope.Read, ApiKeyScope.Ingest, ApiKeyScope.Admin],
            _ => [],
        };
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(code))
        {
            return;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, context.Document) },
            },
        };
    }

    private static (string Segment, string Tag, string Description)? Area(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", "v1", var first, ..] && Areas.FirstOrDefault(a => a.Segment == first) is { Tag: not null } area ? area : null;
    }

    /// <summary><c>GET /api/v1/flows/{key}/versions</c> → <c>getFlowsByKeyVersions</c>: stable, unique per method and path.</summary>
    internal static string OperationId(string method, string path)
    {
        var words = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not "api" and not "v1")
            .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}').Split(':')[0]) : Pascal(s));
        return method.ToLowerInvariant() + string.Concat(words);
    }

    private static string Pascal(string segment) =>
        string.Concat(segment.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A problem (RFC 9457). `errors` names each field that is wrong, with what is wrong with it.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
