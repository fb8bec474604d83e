using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Infrastructure;

/// <summary>
/// Runs alone: OpenTelemetry listens to every meter named Notify in the process, so the apps of tests running beside
/// these would add to the counts they compare.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class HealthAndMetricsTests
{
    private static async Task<JsonElement> ReadyAsync(HttpClient client, HttpStatusCode expected)
    {
        // The workers beat as soon as they start; right after start-up the first beat may still be on its way.
        for (var i = 0; ; i++)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == expected || i == 50)
            {
                Assert.Equal(expected, response.StatusCode);
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Live_AndReady_AnswerWithoutAKey_NamingEachCheck()
    {
        using var app = new NotifyAppFactory();
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await ReadyAsync(client, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", (await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["database"] = "healthy", ["workers"] = "healthy" }, checks);
    }

    [Fact]
    public async Task Ready_IsUnavailable_WhenTheDatabaseLacksAMigration_AndSaysWhich()
    {
        using var app = new NotifyAppFactory();
        var client = app.CreateClient();
        await ReadyAsync(client, HttpStatusCode.OK);
        string last;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync())
        {
            last = (await db.Database.GetAppliedMigrationsAsync()).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }

        var ready = await ReadyAsync(client, HttpStatusCode.ServiceUnavailable);
        var live = await client.GetAsync("/health/live");

        var database = ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("unhealthy", database.GetProperty("status").GetString());
        Assert.Contains(last, database.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode); // the process itself is alive: do not restart it, bring the schema up to date
    }

    [Fact]
    public async Task Metrics_CountEventsRunsAndDeliveries_InPrometheusFormat()
    {
        using var app = new NotifyAppFactory();
        var client = app.CreateClient();
        using var api = app.CreateApiClient();
        var before = await ScrapeAsync(client);

        (await api.PutAsJsonAsync("/api/v1/records/order/MET-1", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/order/MET-1", new { status = "ready", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();

        // "Order ready" sends Ola an email and an SMS; the sandbox providers take both.
        var after = before;
        for (var i = 0; i < 100 && Delta(before, after, "notify_deliveries_total", "channel=\"email\"", "outcome=\"sent\"") + Delta(before, after, "notify_deliveries_total", "channel=\"sms\"", "outcome=\"sent\"") < 2; i++)
        {
            await Task.Delay(200);
            after = await ScrapeAsync(client);
        }

        Assert.Equal(3, Delta(before, after, "notify_events_ingested_total")); // created; status changed and the change itself
        Assert.Equal(1, Delta(before, after, "notify_runs_started_total"));
        Assert.Equal(1, Delta(before, after, "notify_runs_ended_total", "status=\"completed\""));
        Assert.Equal(1, Delta(before, after, "notify_deliveries_total", "channel=\"email\"", "outcome=\"sent\""));
        Assert.Equal(1, Delta(before, after, "notify_deliveries_total", "channel=\"sms\"", "outcome=\"sent\""));
        Assert.True(Delta(before, after, "notify_step_duration_seconds_count", "kind=\"send\"") >= 1, "the send step's time is measured");
    }

    [Fact]
    public async Task Metrics_DueRunLag_IsHowLateTheWorkerPickedARunUp()
    {
        using var app = new NotifyAppFactory();
        var client = app.CreateClient();
        using var api = app.CreateApiClient();
        var before = await ScrapeAsync(client);

        // With the deadline two hours ago, "Task due soon" (a day before it) was due 26 hours ago and "Task overdue"
        // (an hour after it) one hour ago: the worker picks both up at once.
        var deadline = DateTimeOffset.UtcNow.AddHours(-2);
        (await api.PutAsJsonAsync("/api/v1/records/task/MET-T1", new { status = "open", deadline, assignees = new[] { "ola" } })).EnsureSuccessStatusCode();
        var after = before;
        for (var i = 0; i < 100 && Delta(before, after, "notify_runs_due_lag_seconds_count") < 2; i++)
        {
            await Task.Delay(200);
            after = await ScrapeAsync(client);
        }

        Assert.Equal(2, Delta(before, after, "notify_runs_due_lag_seconds_count"));
        var lag = Delta(before, after, "notify_runs_due_lag_seconds_sum");
        Assert.InRange(lag, 27 * 3_600 - 10, 27 * 3_600 + 300); // 26 hours and 1 hour late, give or take the seconds the test took
    }

    private sealed record Scrape(string Text, Dictionary<string, double> Values);

    private static async Task<Scrape> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var values = new Dictionary<string, double>();
        foreach (Match m in Sample().Matches(text))
        {
            values[m.Groups["name"].Value] = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }

        return new Scrape(text, values);
    }

    /// <summary>The change of the series named <paramref name="name"/> that carry every one of <paramref name="labels"/>, summed.</summary>
    private static double Delta(Scrape before, Scrape after, string name, params string[] labels) => Sum(after, name, labels) - Sum(before, name, labels);

    private static double Sum(Scrape scrape, string name, string[] labels) => scrape.Values
        .Where(v => (v.Key == name || v.Key.StartsWith(name + "{", StringComparison.Ordinal)) && labels.All(l => v.Key.Contains(l, StringComparison.Ordinal)))
        .Sum(v => v.Value);

    [GeneratedRegex(@"^(?<name>[a-z_]+(\{[^}]*\})?) (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
