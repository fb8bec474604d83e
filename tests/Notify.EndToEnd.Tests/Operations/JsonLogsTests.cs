using System.Text.Json;
using Notify.EndToEnd.Tests.Durability;

namespace Notify.EndToEnd.Tests.Operations;

/// <summary>The app as an operator runs it, with structured logs on: every line it writes is one JSON object.</summary>
[Collection(AppProcessesCollection.Name)]
public sealed class JsonLogsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-json-logs", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task LoggingJson_EveryLineIsAJsonObject_WithLevelCategoryAndMessage()
    {
        await using var app = new AppProcess(_folder, new Dictionary<string, string>
        {
            ["Notify__Logging__Json"] = "true",
            ["Logging__LogLevel__Default"] = "Information",
        });
        await app.StartAsync();
        using var client = app.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        app.Kill();

        var lines = app.Output.Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(); // throws on a line that is not JSON
        Assert.All(entries, e =>
        {
            Assert.True(e.TryGetProperty("Timestamp", out _), e.ToString());
            Assert.True(e.TryGetProperty("LogLevel", out _), e.ToString());
            Assert.True(e.TryGetProperty("Category", out _), e.ToString());
            Assert.True(e.TryGetProperty("Message", out _), e.ToString());
        });
        Assert.Contains(entries, e => e.GetProperty("Message").GetString()!.Contains("Now listening on", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
