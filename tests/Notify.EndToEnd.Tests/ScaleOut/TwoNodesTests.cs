using System.Net.Http.Json;
using System.Text.Json;
using Notify.EndToEnd.Tests.Durability;
using Notify.EndToEnd.Tests.Email;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.ScaleOut;

/// <summary>Two app processes on one real PostgreSQL database, both dispatching, both sending to one SMTP server.</summary>
[Collection(AppProcessesCollection.Name)]
public sealed class TwoNodesTests(PostgresServerFixture postgres, SmtpServerFixture smtp)
    : IClassFixture<PostgresServerFixture>, IClassFixture<SmtpServerFixture>
{
    private const int Orders = 60;

    [Fact]
    public async Task TwoNodesOnOneDatabase_EveryOrderEmailIsSentOnce_AndBothNodesAnswer()
    {
        var settings = new Dictionary<string, string>
        {
            ["Notify__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Notify"] = postgres.ConnectionString("notify_two_nodes"),
            ["Notify__Email__Smtp__Host"] = "127.0.0.1",
            ["Notify__Email__Smtp__Port"] = smtp.Port.ToString(),
        };
        var root = Path.Combine(Path.GetTempPath(), "notify-nodes", Guid.NewGuid().ToString("N"));
        await using var first = new AppProcess(Path.Combine(root, "a"), settings);
        await first.StartAsync(); // creates the schema and the demo data
        await using var second = new AppProcess(Path.Combine(root, "b"), settings);
        await second.StartAsync();
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, Orders).Select(async i =>
        {
            var node = i % 2 == 0 ? a : b;
            (await node.PutAsJsonAsync($"/api/v1/records/order/PG-{i}", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
            (await node.PutAsJsonAsync($"/api/v1/records/order/PG-{i}", new { status = "ready", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        }));

        var sent = await Eventually.GetAsync(() => EmailStatuses(b), d => d.Count == Orders && d.All(s => s == "sent"), seconds: 90);
        await Task.Delay(TimeSpan.FromSeconds(3)); // both dispatchers keep polling: nothing more may arrive
        var received = smtp.Messages().Where(m => m.Subject?.StartsWith("Your order PG-", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(Orders, sent.Count);
        Assert.Equal(Orders, received.Count);
        Assert.Equal(Orders, received.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(Orders, received.Select(m => m.MessageId).Distinct().Count());
        var fromA = await a.GetFromJsonAsync<JsonElement>("/api/v1/records/order/PG-1");
        Assert.Equal("ready", fromA.GetProperty("record").GetProperty("status").GetString());
    }

    [Fact]
    public async Task BothNodesWriteTheSameRecordsAtOnce_NoRequestFails_AndEachChangeFiresOnce()
    {
        const int Records = 30;
        var settings = new Dictionary<string, string>
        {
            ["Notify__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Notify"] = postgres.ConnectionString("notify_same_records"),
        };
        var root = Path.Combine(Path.GetTempPath(), "notify-nodes", Guid.NewGuid().ToString("N"));
        await using var first = new AppProcess(Path.Combine(root, "a"), settings);
        await first.StartAsync();
        await using var second = new AppProcess(Path.Combine(root, "b"), settings);
        await second.StartAsync();
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        // Every record is created by both nodes at the same moment, then made ready by both at the same moment.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        foreach (var status in new[] { "new", "ready" })
        {
            await Task.WhenAll(Enumerable.Range(0, Records).SelectMany(i => new[] { a, b }.Select(async node =>
            {
                var response = await node.PutAsJsonAsync($"/api/v1/records/order/SAME-{i}", new { status, contacts = new { customer = "ola" } });
                statuses.Add((int)response.StatusCode);
            })));
        }

        Assert.All(statuses, code => Assert.InRange(code, 200, 201));
        for (var i = 0; i < Records; i++)
        {
            var record = await b.GetFromJsonAsync<JsonElement>($"/api/v1/records/order/SAME-{i}");
            var events = record.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
            Assert.Equal(1, events.Count(e => e == "record.created"));
            Assert.Equal(1, events.Count(e => e == "record.status_changed"));
            Assert.Equal(1, record.GetProperty("runs").EnumerateArray().Count(r => r.GetProperty("flowKey").GetString() == "order-ready"));
        }
    }

    private static async Task<List<string?>> EmailStatuses(HttpClient client)
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?channel=email&text=Your order PG-&pageSize=500");
        return json.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("status").GetString()).ToList();
    }
}
