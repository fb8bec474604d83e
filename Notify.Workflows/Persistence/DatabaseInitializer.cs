using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Notify.Workflows.Persistence;

/// <summary>Brings the database to the current schema at start-up (SQLite in WAL mode by default).</summary>
public sealed class DatabaseInitializer(IDbContextFactory<NotifyDbContext> dbFactory, IOptions<DatabaseOptions> options)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (options.Value.Provider == DatabaseProvider.Postgres)
        {
            // PostgreSQL has its own migrations; EF Core holds a database lock while applying them, so nodes
            // starting together do not apply one twice.
            await using var postgres = PostgresMigrationContext.For(db.Database.GetConnectionString()!);
            await postgres.Database.MigrateAsync(ct);
            return;
        }

        var connection = db.Database.GetDbConnection().ConnectionString;
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await DeliverySearchIndex.EnsureIndexingAsync(db, ct);
    }

    /// <summary>The migrations this build knows that the database has not had yet; empty when it is up to date.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (options.Value.Provider == DatabaseProvider.Postgres)
        {
            await using var postgres = PostgresMigrationContext.For(db.Database.GetConnectionString()!);
            return (await postgres.Database.GetPendingMigrationsAsync(ct)).ToList();
        }

        return (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
    }
}
