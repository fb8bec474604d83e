using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Notify.Web.Tests.Features.Generated;

/// <summary>
/// Thousands of generated requests over every operation of the OpenAPI document (the Twilio webhooks among them):
/// whatever the body, path, query or content type, the answer is below 500, a 400 is a problem that names a field, and
/// a refused request (any 4xx) stored nothing at all, not even in part (<see cref="StoredState"/>).
/// The seed is fixed; <c>NOTIFY_FUZZ_ITER</c> runs more cases and <c>NOTIFY_FUZZ_SEED</c> another seed.
/// </summary>
public sealed class GeneratedBadInputTests(GeneratedBadInputTests.TwilioAppFixture fixture) : IClassFixture<GeneratedBadInputTests.TwilioAppFixture>
{
    private const string FixedSeed = "0000000000001";

    /// <summary>Names the bodies use that the document may not spell out (the flow JSON, webhooks' form fields), tried on every operation.</summary>
    private static readonly string[] Known =
    [
        "trigger", "triggers", "steps", "kind", "id", "event", "recordTypes", "fromStatuses", "toStatuses", "deadline", "amount", "unit", "direction",
        "channels", "recipients", "template", "expression", "then", "else", "next", "until", "reason", "layout", "required", "contacts", "data",
        "status", "title", "assignees", "days", "record", "type", "key", "emails", "phones", "consent", "mutedFlows", "content", "translations",
        "doneStatuses", "name", "language", "version", "eventId", "at", "fromStatus", "toStatus", "addedAssignees", "sms", "emailSubject",
        "emailText", "emailHtml", "inApp", "requiredFields", "Body", "From", "To", "MessageSid", "MessageStatus", "ErrorCode",
    ];

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("NOTIFY_FUZZ_ITER"), out var n) ? n : 3000;

    private static string Seed => Environment.GetEnvironmentVariable("NOTIFY_FUZZ_SEED") is { Length: > 0 } seed ? seed : FixedSeed;

    private HttpClient Api { get; } = fixture.App.CreateApiClient();

    /// <summary>The demo app with a Twilio auth token, so the webhooks read their forms; SMS go to a closed local port.</summary>
    public sealed class TwilioAppFixture : IDisposable
    {
        public Notify.Tests.Shared.NotifyAppFactory App { get; } = new(seedDemo: true, new Dictionary<string, string?>
        {
            ["Notify:Sms:Twilio:AccountSid"] = "AC1",
            ["Notify:Sms:Twilio:AuthToken"] = "fuzz-token",
            ["Notify:Sms:Twilio:BaseUrl"] = "http://127.0.0.1:9",
            ["Notify:Sms:Twilio:From"] = "+4759440000",
        });

        public void Dispose() => App.Dispose();
    }

    [Fact]
    public async Task AnyRequestToAnyOperation_AnswersBelow500_A400NamesTheField_AndARefusalStoresNothing()
    {
        var operations = await Operation.ReadAllAsync(Api);
        Assert.True(operations.Count > 30, $"only {operations.Count} operations were read from the OpenAPI document");
        var cases =
            from op in Gen.OneOf(operations.ToArray())
            from path in BadInput.Path(op.Path)
            from query in BadInput.Query(op.Query)
            from body in BadInput.Body(op.Names)
            from contentType in BadInput.ContentType
            select new Case(op.Method, path + query, op.HasBody ? body : null, contentType);

        var store = fixture.App.Services.GetRequiredService<IDbContextFactory<Notify.Workflows.Persistence.NotifyDbContext>>();
        string? known = null; // the fingerprint after the last refusal: nothing has changed since, unless a request was accepted
        await cases.SampleAsync(async c =>
        {
            var before = known ?? await StoredState.FingerprintAsync(store);
            using var request = c.ToRequest();
            using var response = await Api.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {c}: {text}");
            known = null;
            if ((int)response.StatusCode is >= 400 and < 500)
            {
                var after = await StoredState.FingerprintAsync(store);
                Assert.True(before == after, $"{(int)response.StatusCode} for {c}, yet something was stored: {Changed(before, after)}");
                known = after;
            }

            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"a 400 that is not a problem for {c}: {text}");
                using var problem = JsonDocument.Parse(text);
                Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(),
                    $"a 400 that names no field for {c}: {text}");
            }
        }, seed: Seed, iter: Iterations, threads: 1, print: c => c.ToString());
    }

    private static string Changed(string before, string after) =>
        string.Join(", ", after.Split(' ').Except(before.Split(' ')).Select(t => t.Split(':')[0]));

    /// <summary>One generated request.</summary>
    public sealed record Case(string Method, string Path, byte[]? Body, string? ContentType)
    {
        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }

            return request;
        }

        public override string ToString() =>
            $"{Method} {Path} [{ContentType ?? "no content type"}] {(Body is null ? "no body" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 400)]))}";
    }

    /// <summary>An operation as the OpenAPI document describes it: method, path template, query parameters and the names its body knows.</summary>
    public sealed record Operation(string Method, string Path, IReadOnlyList<string> Query, IReadOnlyList<string> Names, bool HasBody)
    {
        public static async Task<List<Operation>> ReadAllAsync(HttpClient api)
        {
            using var document = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json"));
            var root = document.RootElement;
            var schemas = root.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
            var operations = new List<Operation>();
            foreach (var path in root.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
                {
                    var query = method.Value.TryGetProperty("parameters", out var parameters)
                        ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                        : [];
                    var names = new SortedSet<string>(StringComparer.Ordinal);
                    if (method.Value.TryGetProperty("requestBody", out var body))
                    {
                        foreach (var content in body.GetProperty("content").EnumerateObject())
                        {
                            Collect(content.Value.GetProperty("schema"), schemas, names, 0);
                        }
                    }

                    var hasBody = method.Name is "post" or "put" or "patch";
                    names.UnionWith(Known);
                    operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, query, names.ToList(), hasBody));
                }
            }

            return operations;
        }

        private static void Collect(JsonElement schema, JsonElement schemas, SortedSet<string> names, int depth)
        {
            if (depth > 4 || schema.ValueKind != JsonValueKind.Object) return;
            if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
                && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target))
            {
                Collect(target, schemas, names, depth + 1);
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var p in properties.EnumerateObject())
                {
                    names.Add(p.Name);
                    Collect(p.Value, schemas, names, depth + 1);
                }
            }

            foreach (var key in new[] { "items", "additionalProperties" })
            {
                if (schema.TryGetProperty(key, out var inner)) Collect(inner, schemas, names, depth + 1);
            }

            foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var inner in list.EnumerateArray()) Collect(inner, schemas, names, depth + 1);
                }
            }
        }
    }
}
