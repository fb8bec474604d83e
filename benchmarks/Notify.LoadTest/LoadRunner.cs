using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Persistence;
using SQLitePCL;

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

        var ceiling = PlainInsert(Path.Combine(folder, "ceiling.db"), results[0].Rows);
        Console.WriteLine($"ceiling:    {results[0].Rows} rows inserted in batches of 1000 in {ceiling.TotalSeconds:F2} s = {results[0].Rows / ceiling.TotalSeconds:F0} rows/s");
        var (copied, schemaCeiling) = await SameRowsInsert(Path.Combine(folder, $"{results[0].Policy}.db"), folder);
        Console.WriteLine($"same rows:  the {copied} rows the first policy's measured upserts wrote, inserted into Notify's own tables (indexes, search table) in batches of 1000, median of {YardstickRuns}: {schemaCeiling.TotalSeconds:F2} s = {copied / schemaCeiling.TotalSeconds:F0} rows/s");
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

    private const int WarmUpUpserts = 1_000;
    private const string WarmUpPrefix = "W";
    private const string MeasuredPrefix = "L";

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

    /// <summary>
    /// The second ceiling: the very rows the load wrote (records, events, runs with their journals, deliveries), read
    /// back and inserted with one prepared statement per table into a new database with Notify's schema, so every
    /// index, foreign key and the send log's search table do their work as they do for the engine; nothing else runs.
    /// </summary>
    private static async Task<(int Rows, TimeSpan Elapsed)> SameRowsInsert(string from, string folder)
    {
        var tables = new (string Table, string Key)[] { ("Records", "Key"), ("Events", "RecordKey"), ("Runs", "RecordKey"), ("Deliveries", "RecordKey") };
        var read = new List<(string Table, string[] Columns, List<object[]> Rows)>();
        var warmUp = new List<(string Table, string[] Columns, List<object[]> Rows)>();
        using (var source = new SqliteConnection($"Data Source={from};Mode=ReadOnly"))
        {
            source.Open();
            foreach (var (table, key) in tables)
            {
                warmUp.Add(Read(source, table, key, WarmUpPrefix));
                read.Add(Read(source, table, key, MeasuredPrefix));
            }
        }

        // Three times, each into a new database, and the median taken: this machine's disk makes one such insert vary
        // by a third from one time to the next.
        var times = new List<TimeSpan>();
        for (var attempt = 1; attempt <= YardstickRuns; attempt++)
        {
            var file = Path.Combine(folder, $"same-rows-{attempt}.db");
            var options = new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite($"Data Source={file}").AddSearchFunctions().Options;
            await using (var db = new NotifyDbContext(options))
            {
                await db.Database.MigrateAsync();
            }

            using var connection = new SqliteConnection($"Data Source={file};Foreign Keys=True");
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; " + SqlitePragmas.PerConnection; // as the app runs
                pragma.ExecuteNonQuery();
            }

            Insert(connection, warmUp); // as the load's measured rows went in after the warm-up's
            var clock = Stopwatch.StartNew();
            var perTable = new List<string>();
            Insert(connection, read, (table, rows, took) => perTable.Add($"{table} {rows} in {took.TotalSeconds:F2} s"));
            times.Add(clock.Elapsed);
            Console.WriteLine($"same rows {attempt}: {clock.Elapsed.TotalSeconds:F2} s ({string.Join(", ", perTable)})");
        }

        return (read.Sum(t => t.Rows.Count), times.Order().ElementAt(times.Count / 2));
    }

    private const int YardstickRuns = 3;

    private static (string Table, string[] Columns, List<object[]> Rows) Read(SqliteConnection source, string table, string key, string prefix)
    {
        using var select = source.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{(table == "Records" ? "Type" : "RecordType")}\" = 'load' AND substr(\"{key}\", 1, 1) = $prefix ORDER BY rowid";
        select.Parameters.AddWithValue("$prefix", prefix);
        using var reader = select.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return (table, columns, rows);
    }

    /// <summary>Inserts rows table by table with one prepared statement each, bound by position straight to SQLite, in batches of 1,000.</summary>
    private static void Insert(SqliteConnection connection, List<(string Table, string[] Columns, List<object[]> Rows)> tables, Action<string, int, TimeSpan>? took = null)
    {
        const int batch = 1000; // as the bare-table ceiling (a batch of 100,000 made no difference here)
        var handle = connection.Handle!;
        foreach (var (table, columns, rows) in tables)
        {
            var tableClock = Stopwatch.StartNew();
            var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
            Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
            using (statement)
            {
                for (var start = 0; start < rows.Count; start += batch)
                {
                    using var tx = connection.BeginTransaction();
                    foreach (var row in rows.Skip(start).Take(batch))
                    {
                        for (var i = 0; i < row.Length; i++)
                        {
                            Check(row[i] switch // the values as they were stored: bound by position, straight to SQLite
                            {
                                string text => raw.sqlite3_bind_text(statement, i + 1, text),
                                long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                                double number => raw.sqlite3_bind_double(statement, i + 1, number),
                                byte[] bytes => raw.sqlite3_bind_blob(statement, i + 1, bytes),
                                _ => raw.sqlite3_bind_null(statement, i + 1),
                            }, handle);
                        }

                        var rc = raw.sqlite3_step(statement);
                        raw.sqlite3_reset(statement);
                        if (rc != raw.SQLITE_DONE)
                        {
                            Check(rc, handle);
                        }
                    }

                    tx.Commit();
                }
            }

            took?.Invoke(table, rows.Count, tableClock.Elapsed);
        }
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private static TimeSpan PlainInsert(string file, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE rows (id TEXT PRIMARY KEY, kind TEXT, body TEXT, created TEXT);";
            pragma.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += 1000)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO rows VALUES ($id, $kind, $body, $created)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            var created = insert.Parameters.Add("$created", SqliteType.Text);
            for (var i = start; i < Math.Min(rows, start + 1000); i++)
            {
                id.Value = Guid.NewGuid().ToString();
                kind.Value = "delivery";
                body.Value = $"Record L{i} is new";
                created.Value = DateTime.UtcNow.ToString("O");
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return clock.Elapsed;
    }
}

/// <summary>The app with its own database, demo data off, and a known key.</summary>
internal sealed class LoadFactory(string databaseFile, string policy) : WebApplicationFactory<Program>
{
    public const string ApiKey = "load-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Notify", $"Data Source={databaseFile}");
        builder.UseSetting("Notify:Bootstrap:ApiKey", ApiKey);
        builder.UseSetting("Notify:Demo:Seed", "false");
        builder.UseSetting("Notify:Engine:Execution", policy);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
