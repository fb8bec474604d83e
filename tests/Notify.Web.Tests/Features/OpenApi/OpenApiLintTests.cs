using System.Diagnostics;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.Web.Tests.Features.OpenApi;

/// <summary>
/// The served OpenAPI document as API tools read it: Redocly CLI's recommended rules (installed by <c>./test.sh</c> into
/// <c>tools/openapi</c>) find no error, and every operation says which API key scopes it takes.
/// </summary>
public class OpenApiLintTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task RedoclyRecommendedLint_FindsNoError()
    {
        var document = Path.Combine(Path.GetTempPath(), $"notify-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await App.CreateClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exit, output) = await LintAsync(document);
            using var report = JsonDocument.Parse(output);
            var errors = report.RootElement.GetProperty("problems").EnumerateArray()
                .Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();

            Assert.Empty(errors);
            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task EveryOperation_HasAnId_ATag_AProblemAnswer_AndTheScopesItTakes()
    {
        var json = await JsonAsync(await App.CreateClient().GetAsync("/openapi/v1.json"));
        var scheme = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());

        var ids = new HashSet<string>();
        foreach (var path in json.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(ids.Add(operation.Value.GetProperty("operationId").GetString()!), $"{where}: operation id used twice");
                Assert.Equal(1, operation.Value.GetProperty("tags").GetArrayLength());
                Assert.True(operation.Value.GetProperty("responses").TryGetProperty("400", out _), $"{where}: no problem answer");
                var scopes = operation.Value.GetProperty("security").EnumerateArray().Select(r => string.Join(",", r.GetProperty("ApiKey").EnumerateArray())).ToList();
                if (path.Name.StartsWith("/api/v1/sms/", StringComparison.Ordinal))
                {
                    Assert.Empty(scopes); // Twilio signs its webhooks instead
                }
                else
                {
                    Assert.Contains("admin", scopes);
                }
            }
        }

        var flows = json.GetProperty("paths").GetProperty("/api/v1/flows/{key}");
        Assert.Equal(["admin"], flows.GetProperty("put").GetProperty("security").EnumerateArray().Select(r => r.GetProperty("ApiKey")[0].GetString()));
        Assert.Equal(["read", "admin"], flows.GetProperty("get").GetProperty("security").EnumerateArray().Select(r => r.GetProperty("ApiKey")[0].GetString()));
        Assert.True(flows.GetProperty("put").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(json.GetProperty("paths").GetProperty("/api/v1/sms/status").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").TryGetProperty("application/x-www-form-urlencoded", out _));
        Assert.False(json.GetProperty("paths").TryGetProperty("/account/logout", out _));
    }

    private static async Task<(int Exit, string Output)> LintAsync(string document)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Notify.sln")))
        {
            root = root.Parent;
        }

        var redocly = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Notify.sln not found."), "tools", "openapi", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly CLI is not installed at {redocly}: run ./test.sh (it runs npm ci in tools/openapi).");
        var start = new ProcessStartInfo(redocly, ["lint", document, "--format=json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(redocly)))!,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync(); // a notice about Node.js versions
        await process.WaitForExitAsync();
        return (process.ExitCode, await output);
    }
}
