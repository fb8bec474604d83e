using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Notify.Workflows.Persistence;

/// <summary>
/// Copies the SQLite write-ahead log into the database file every second, off the writers' path: a commit then
/// only appends to the log and never waits for a checkpoint's fsync. Writers still checkpoint by themselves
/// should the log grow past <see cref="SqlitePragmaInterceptor"/>'s limit (this worker stopped or fell behind).
/// </summary>
internal sealed class SqliteCheckpointer(IDbContextFactory<NotifyDbContext> dbFactory, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The WAL checkpoint failed; the writers checkpoint by themselves meanwhile.");
            }
        }
    }
}
