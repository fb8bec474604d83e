using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Persistence;

namespace Notify.LoadTest;

/// <summary>Entry point of the load generator.</summary>
internal static class LoadRunner
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "reminders")
        {
            // dotnet run -c Release --project benchmarks/Notify.LoadTest -- reminders 10000 [concurrency]
            await ReminderPunctuality.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 10_000, args.Length > 2 ? int.Parse(args[2]) : 64);
            return;
        }

        // Load generator: record upserts over HTTP against the real app on a SQLite file on disk, with 10 published
        // flows (or as many as the third argument says), after a warm-up of 1,000 upserts on other keys, until every run
        // has queued its delivery; once per execution policy, each on a fresh database. Then two yardsticks: the same
        // number of rows inserted into a bare table, and the very rows written inserted into Notify's own tables.
        var upserts = args.Length > 0 ? int.Parse(args[0]) : 5_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1]) : 32;
        var flows = args.Length > 2 ? int.Parse(args[2]) : 10;
        var policies = args.Length > 3 ? [args[3]] : new[] { "InCommit", "AfterCommit" };
        var folder = Path.Combine(Path.GetTempPath(), "notify-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"{upserts} upserts, {concurrency} concurrent requests, {flows} published flows, SQLite at {folder}");
        var results = new List<(string Policy, double UpsertsPerSecond, int Rows, TimeSpan EndToEnd)>();
        foreach (var policy in policies)
        {
            var (rows, endToEnd) = await RunAsync(Path.Combine(folder, $"{policy}.db"), policy, upserts, concurrency, flows);
            results.Add((policy, upserts / endToEnd.TotalSeconds, rows, endToEnd));
        }

        var ceiling = Yardsticks.PlainInsert(Path.Combine(folder, "ceiling.db"), results[0].Rows);
        Console.WriteLine($"ceiling:    {results[0].Rows} rows inserted in batches of 1000 in {ceiling.TotalSeconds:F2} s = {results[0].Rows / ceiling.TotalSeconds:F0} rows/s");
        var (copied, schemaCeiling) = await Yardsticks.SameRowsInsert(Path.Combine(folder, $"{results[0].Policy}.db"), folder);
        Console.WriteLine($"same rows:  the {copied} rows the first policy's measured upserts wrote, inserted into Notify's own tables (indexes, search table) in batches of 1000, median of {Yardsticks.Runs}: {schemaCeiling.TotalSeconds:F2} s = {copied / schemaCeiling.TotalSeconds:F0} rows/s");
        Console.WriteLine();
        Console.WriteLine("| policy | upserts/s end to end | rows | rows/s | ratio to the bare-table ceiling | ratio to the same rows inserted |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (policy, perSecond, rows, endToEnd) in results)
        {
            var ratio = rows / endToEnd.TotalSeconds / (results[0].Rows / ceiling.TotalSeconds);
            var sameRows = rows / endToEnd.TotalSeconds / (copied / schemaCeiling.TotalSeconds);
            Console.WriteLine($"| {policy} | {perSecond:F0} | {rows} | {rows / endToEnd.TotalSeconds:F0} | {ratio:F2} | {sameRows:F2} |");
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }

    private static async Task<(int Rows, TimeSpan EndToEnd)> RunAsync(string databaseFile, string policy, int upserts, int concurrency, int flows)
    {
        await using var app = new LoadFactory(databaseFile, policy);
        app.UseKestrel(0);
        app.StartServer();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", LoadFactory.ApiKey);
        await http.PutAsJsonAsync("/api/v1/contacts/load-customer", new { name = "Load Customer", emails = new[] { "load@example.com" }, consent = new { inApp = true } });
        await http.PutAsJsonAsync("/api/v1/templates/load", new { name = "Load", content = new { inApp = "Record {{ record.key }} is {{ record.status }}" } });
        for (var f = 0; f < flows; f++)
        {
            var flow = new
            {
                name = $"Load {f}",
                trigger = new { @event = "record.created", recordTypes = new[] { "load" } },
                steps = new object[]
                {
                    new { kind = "condition", id = "c", expression = "record.Status == \"new\"" },
                    new { kind = "send", id = "s", channels = new[] { "inApp" }, template = "load", recipients = new[] { "customer" } },
                },
            };
            (await http.PutAsJsonAsync($"/api/v1/flows/load-{f}", flow)).EnsureSuccessStatusCode();
            (await http.PostAsync($"/api/v1/flows/load-{f}/publish", null)).EnsureSuccessStatusCode();
        }

        await Task.Delay(TimeSpan.FromSeconds(6)); // the published-flow cache refreshes
        var factory = app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();

        // Warm-up, as a benchmark harness does: the same load on other keys until the JIT has compiled (and tiered up)
        // the hot paths and the caches are filled; it is neither timed nor counted.
        var warmUp = Stopwatch.StartNew();
        await UpsertAsync(http, WarmUpPrefix, WarmUpUpserts, concurrency);
        await QueuedAsync(factory, WarmUpPrefix, WarmUpUpserts * flows, warmUp);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a moment for the dispatcher to catch up with the warm-up's messages
        Console.WriteLine($"{policy}:");
        Console.WriteLine($"  warm-up:    {WarmUpUpserts} upserts on other keys in {warmUp.Elapsed.TotalSeconds:F1} s, not counted");

        var clock = Stopwatch.StartNew();
        await UpsertAsync(http, MeasuredPrefix, upserts, concurrency);
        var ingested = clock.Elapsed;
        var expected = upserts * flows;
        var queued = await QueuedAsync(factory, MeasuredPrefix, expected, clock);
        var endToEnd = clock.Elapsed;

        Console.WriteLine($"  ingest:     {upserts} upserts in {ingested.TotalSeconds:F1} s = {upserts / ingested.TotalSeconds:F0} upserts/s");
        Console.WriteLine($"  end to end: {queued} deliveries queued by {expected} runs in {endToEnd.TotalSeconds:F1} s = {upserts / endToEnd.TotalSeconds:F0} upserts/s ({queued / endToEnd.TotalSeconds:F0} runs/s)");
        var rows = await RowsWrittenAsync(factory);
        Console.WriteLine($"  rows:       {rows} ({rows / (double)upserts:F1} per upsert) = {rows / endToEnd.TotalSeconds:F0} rows/s");
        return (rows, endToEnd);
    }

    internal const int WarmUpUpserts = 1_000;
    internal const string WarmUpPrefix = "W";
    internal const string MeasuredPrefix = "L";

    private static async Task UpsertAsync(HttpClient http, string prefix, int upserts, int concurrency)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < upserts)
            {
                // the body written out, so the generator spends little of the machine's two cores on JSON
                using var body = new StringContent($$$"""{"status":"new","title":"Load {{{i}}}","contacts":{"customer":"load-customer"}}""", Encoding.UTF8, "application/json");
                using var response = await http.PutAsync($"/api/v1/records/load/{prefix}{i}", body);
                response.EnsureSuccessStatusCode();
            }
        }));
    }

    /// <summary>Waits until the runs of the records whose keys start with <paramref name="prefix"/> have queued <paramref name="expected"/> deliveries.</summary>
    private static async Task<int> QueuedAsync(IDbContextFactory<NotifyDbContext> factory, string prefix, int expected, Stopwatch clock)
    {
        int queued;
        do
        {
            await Task.Delay(200);
            await using var db = await factory.CreateDbContextAsync();
            queued = await db.Deliveries.CountAsync(d => d.RecordType == "load" && d.RecordKey!.StartsWith(prefix));
        }
        while (queued < expected && clock.Elapsed < TimeSpan.FromMinutes(20));
        return queued;
    }

    /// <summary>The rows the measured upserts wrote: their records, events, runs (each with its journal) and deliveries.</summary>
    private static async Task<int> RowsWrittenAsync(IDbContextFactory<NotifyDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Records.CountAsync(r => r.Type == "load" && r.Key.StartsWith(MeasuredPrefix))
            + await db.Events.CountAsync(e => e.RecordType == "load" && e.RecordKey.StartsWith(MeasuredPrefix))
            + await db.Runs.CountAsync(r => r.RecordType == "load" && r.RecordKey.StartsWith(MeasuredPrefix))
            + await db.Deliveries.CountAsync(d => d.RecordType == "load" && d.RecordKey!.StartsWith(MeasuredPrefix));
    }

}
