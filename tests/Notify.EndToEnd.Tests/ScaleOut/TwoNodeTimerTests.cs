using System.Net.Http.Json;
using System.Text.Json;
using Notify.EndToEnd.Tests.Durability;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.ScaleOut;

/// <summary>Two app processes on one real PostgreSQL share due runs through row locks (FOR UPDATE SKIP LOCKED).</summary>
[Collection(AppProcessesCollection.Name)]
public sealed class TwoNodeTimerTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const int Timers = 200;

    [Fact]
    public async Task TwoHundredWaitsDueInTheSameSecond_EachRunsOnceOnOneNode_BothNodesTakeSome_NoCommitIsLost()
    {
        var settings = new Dictionary<string, string>
        {
            ["Notify__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Notify"] = postgres.ConnectionString("notify_timers"),
            ["Notify__Engine__BatchSize"] = "1", // one run per claim: a node alone needs seconds for all, so the other surely polls in between
        };
        var root = Path.Combine(Path.GetTempPath(), "notify-nodes", Guid.NewGuid().ToString("N"));
        await using var first = new AppProcess(Path.Combine(root, "a"), settings);
        await first.StartAsync();
        await using var second = new AppProcess(Path.Combine(root, "b"), settings);
        await second.StartAsync();
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        (await a.PutAsJsonAsync("/api/v1/record-types/timer", new { name = "Timer", doneStatuses = new[] { "done" } })).EnsureSuccessStatusCode();
        (await a.PutAsJsonAsync("/api/v1/templates/timer", new { name = "Timer", content = new { inApp = "Timer {{ record.key }} is due" } })).EnsureSuccessStatusCode();
        (await a.PutAsJsonAsync("/api/v1/flows/timer", new
        {
            name = "Timer",
            trigger = new { @event = "record.created", recordTypes = new[] { "timer" } },
            steps = new object[]
            {
                new { kind = "delay", id = "until-due", amount = 0, unit = "minutes", until = "deadline", direction = "after" },
                new { kind = "send", id = "tell", channels = new[] { "inApp" }, template = "timer", recipients = new[] { "contact:ola" } },
            },
        })).EnsureSuccessStatusCode();
        (await a.PostAsync("/api/v1/flows/timer/publish", null)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(6)); // the other node's published-flow cache refreshes

        var due = DateTimeOffset.UtcNow.AddSeconds(20);
        due = due.AddTicks(-(due.Ticks % TimeSpan.TicksPerSecond));
        await Task.WhenAll(Enumerable.Range(0, Timers).Select(async i =>
            (await (i % 2 == 0 ? a : b).PutAsJsonAsync($"/api/v1/records/timer/T-{i}", new { status = "open", deadline = due })).EnsureSuccessStatusCode()));
        var waitingBeforeDue = await Runs(a, "Waiting");

        var completed = await Eventually.GetAsync(() => Runs(b, "Completed"), r => r.Count == Timers, seconds: 90);
        await Task.Delay(TimeSpan.FromSeconds(3)); // both workers keep polling: nothing more may happen
        var deliveries = await a.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordType=timer&pageSize=500");

        Assert.True(DateTimeOffset.UtcNow >= due);
        Assert.Equal(Timers, waitingBeforeDue.Count);
        Assert.Equal(Timers, completed.Count);
        var nodes = completed.GroupBy(r => r.GetProperty("node").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes.Values, n => Assert.InRange(n, 1, Timers - 1));
        var items = deliveries.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Timers, items.Count);
        Assert.Equal(Timers, items.Select(d => d.GetProperty("recordKey").GetString()).Distinct().Count());
        var warnings = first.Warnings.Concat(second.Warnings).ToList();
        var log = string.Join("\n", warnings);
        Assert.False(warnings.Any(l => l.Contains("lost to another worker", StringComparison.Ordinal)), log);
        Assert.False(warnings.Any(l => l.Contains("DbUpdateConcurrencyException", StringComparison.Ordinal)), log);
        Assert.False(warnings.Any(l => l.StartsWith("fail:", StringComparison.Ordinal)), log);
    }

    private static async Task<List<JsonElement>> Runs(HttpClient client, string status)
    {
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/runs?flow=timer&status={status}&pageSize=500");
        return json.GetProperty("items").EnumerateArray().ToList();
    }
}
