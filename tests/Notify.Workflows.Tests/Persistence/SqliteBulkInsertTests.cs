using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Persistence;

/// <summary>
/// A group commit on SQLite inserts events, runs and deliveries (and the volume seeder records and attempts) through one
/// prepared statement per table instead of <c>SaveChanges</c>: every column must be stored exactly as <c>SaveChanges</c>
/// stores it, or searches, sorting by time and reading back would go wrong in ways no other test shows at once.
/// </summary>
public sealed class SqliteBulkInsertTests : IDisposable
{
    private static readonly Type[] Types = [typeof(Domain.Records.Record), typeof(RecordEvent), typeof(FlowRun), typeof(Delivery), typeof(DeliveryAttempt)];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-bulk", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task EveryColumnOfEveryRow_IsStoredAsSaveChangesStoresIt()
    {
        Directory.CreateDirectory(_folder);
        // Real rows: the demo data's records, with their events, runs (journals), deliveries and attempts.
        await using var engine = await EngineHarness.StartAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(2));

        var rows = await RowsAsync(engine);
        var bulk = await WriteAsync("bulk.db", rows, bulkInsert: true);
        var saved = await WriteAsync("saved.db", rows, bulkInsert: false); // the same objects, detached again by then

        foreach (var (table, lines) in saved)
        {
            Assert.NotEmpty(lines);
            Assert.Equal(lines, bulk[table]);
        }

        Assert.Equal(Types.Length, saved.Count);
    }

    /// <summary>Every row of each type, and per type one more copy with a new key in which every empty simple value is filled, so every column holds a value somewhere.</summary>
    private static async Task<List<object>> RowsAsync(EngineHarness engine)
    {
        await using var db = await engine.Db();
        var rows = new List<object>();
        foreach (var type in Types)
        {
            var entityType = db.Model.FindEntityType(type)!;
            var loaded = await Query(db, type).ToListAsync();
            Assert.NotEmpty(loaded);
            rows.AddRange(loaded);
            var filled = (await Query(db, type).ToListAsync())[0];
            var entry = db.Entry(filled);
            foreach (var property in entityType.GetProperties())
            {
                var value = entry.Property(property.Name).CurrentValue;
                if (property.IsPrimaryKey() || property.GetContainingIndexes().Any(i => i.IsUnique) && value is not null)
                {
                    entry.Property(property.Name).CurrentValue = value switch // a key of its own
                    {
                        string text => text + " (copy)",
                        int number => number + 1_000_000,
                        long number => number + 1_000_000,
                        _ => Sample(property),
                    };
                }
                else if (value is null)
                {
                    // a value another row has (a JSON document such as a record's earlier state), else a made-up one
                    entry.Property(property.Name).CurrentValue = loaded.Select(r => db.Entry(r).Property(property.Name).CurrentValue).FirstOrDefault(v => v is not null)
                        ?? Sample(property);
                }
            }

            entry.State = EntityState.Detached;
            rows.Add(filled);
        }

        return rows;
    }

    private static IQueryable<object> Query(NotifyDbContext db, Type type) =>
        (IQueryable<object>)typeof(SqliteBulkInsertTests).GetMethod(nameof(QueryOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db])!;

    private static IQueryable<T> QueryOf<T>(NotifyDbContext db)
        where T : class => db.Set<T>().AsNoTracking();

    private static object Sample(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type switch
        {
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(string) => $"Åse Ødegård +4740001234 {property.Name}",
            _ when type == typeof(DateTime) => new DateTime(2026, 11, 30, 23, 59, 58, 123, DateTimeKind.Utc).AddTicks(4567),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 30, 23, 59, 58, 120, TimeSpan.FromHours(1)),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 12, 24),
            _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(95.5),
            _ when type == typeof(int) => 1_234_567,
            _ when type == typeof(long) => 9_876_543_210L,
            _ when type == typeof(decimal) => 12.3456m,
            _ when type == typeof(double) => 0.1 + 0.2,
            _ when type == typeof(bool) => true,
            _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!,
            _ => throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name}: no sample for {type.Name}; add one."),
        };
    }

    /// <summary>Writes the rows into a new database, by the bulk insert or by <c>SaveChanges</c>, and reads every column back as SQLite stores it.</summary>
    private async Task<Dictionary<string, List<string>>> WriteAsync(string file, List<object> rows, bool bulkInsert)
    {
        var options = new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, file)}").AddSearchFunctions().Options;
        await using (var db = new NotifyDbContext(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF"); // the copies point at rows that are not copied
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var row in rows)
            {
                db.Add(row);
            }

            if (bulkInsert)
            {
                await SqliteBulkInsert.InsertAddedAsync(db, Types, CancellationToken.None);
                Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
            }
            else
            {
                await db.SaveChangesAsync();
            }

            await transaction.CommitAsync();
        }

        var stored = new Dictionary<string, List<string>>();
        await using (var db = new NotifyDbContext(options))
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var type in Types)
            {
                var entityType = db.Model.FindEntityType(type)!;
                var table = entityType.GetTableName()!;
                var columns = entityType.GetProperties().Select(p => p.GetColumnName()).ToList();
                var key = string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""));
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(" || ", columns.Select(c => $"'|{c}=' || quote(\"{c}\")"))} || '|' FROM \"{table}\" ORDER BY {key}";
                var lines = new List<string>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }

                foreach (var column in columns)
                {
                    Assert.Contains(lines, l => !l.Contains($"|{column}=NULL|", StringComparison.Ordinal)); // every column holds a value in some row
                }

                stored[table] = lines;
            }
        }

        return stored;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }
}
