using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Notify.Workflows.Persistence;
using SQLitePCL;

namespace Notify.LoadTest;

/// <summary>What the load is measured against: the same number of rows in a bare table, and the very rows it wrote in Notify's own tables.</summary>
internal static class Yardsticks
{
    /// <summary>
    /// The second ceiling: the very rows the load wrote (records, events, runs with their journals, deliveries), read
    /// back and inserted with one prepared statement per table into a new database with Notify's schema, so every
    /// index, foreign key and the send log's search table do their work as they do for the engine; nothing else runs.
    /// </summary>
    public static async Task<(int Rows, TimeSpan Elapsed)> SameRowsInsert(string from, string folder)
    {
        var tables = new (string Table, string Key)[] { ("Records", "Key"), ("Events", "RecordKey"), ("Runs", "RecordKey"), ("Deliveries", "RecordKey") };
        var read = new List<(string Table, string[] Columns, List<object[]> Rows)>();
        var warmUp = new List<(string Table, string[] Columns, List<object[]> Rows)>();
        using (var source = new SqliteConnection($"Data Source={from};Mode=ReadOnly"))
        {
            source.Open();
            foreach (var (table, key) in tables)
            {
                warmUp.Add(Read(source, table, key, LoadRunner.WarmUpPrefix));
                read.Add(Read(source, table, key, LoadRunner.MeasuredPrefix));
            }
        }

        // Three times, each into a new database, and the median taken: this machine's disk makes one such insert vary
        // by a third from one time to the next.
        var times = new List<TimeSpan>();
        for (var attempt = 1; attempt <= Runs; attempt++)
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

    public const int Runs = 3;

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

    public static TimeSpan PlainInsert(string file, int rows)
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
