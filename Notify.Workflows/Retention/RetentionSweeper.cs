using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Retention;

/// <summary>What one sweep deleted.</summary>
public sealed record RetentionSwept(int Deliveries, int Attempts, int Runs);

/// <summary>
/// Deletes what is older than <see cref="RetentionOptions.Days"/>: messages that are done with (sent, delivered, read,
/// skipped, failed or withdrawn — never one still queued, being sent or waiting for a person) with their attempts, and
/// ended runs with their journal lines once none of their messages is left. Each chunk is its own short transaction, so
/// new events and sends go on between them. Records, their events, contacts, the consent ledger and the audit log are
/// never deleted. On SQLite the send log's search index follows each delete in the same transaction (its triggers).
/// </summary>
public sealed class RetentionSweeper(IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, IOptions<RetentionOptions> options)
{
    private static readonly DeliveryStatus[] Finished =
        [DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read, DeliveryStatus.Skipped, DeliveryStatus.Failed, DeliveryStatus.Cancelled];

    private static readonly RunStatus[] Ended = [RunStatus.Completed, RunStatus.Failed, RunStatus.Cancelled];

    public int Days => options.Value.Days;

    /// <summary>Everything before this goes; null when everything is kept.</summary>
    public DateTime? Cutoff => Days > 0 ? time.GetUtcNow().UtcDateTime.AddDays(-Days) : null;

    /// <summary>Deletes chunk after chunk until nothing older than the cutoff is left; <paramref name="pause"/> between chunks.</summary>
    public async Task<RetentionSwept> SweepAsync(TimeSpan pause, CancellationToken ct)
    {
        var swept = new RetentionSwept(0, 0, 0);
        if (Cutoff is not { } cutoff)
        {
            return swept;
        }

        while (true)
        {
            var chunk = await DeleteDeliveriesAsync(cutoff, ct);
            var runs = await DeleteRunsAsync(cutoff, ct);
            swept = new RetentionSwept(swept.Deliveries + chunk.Deliveries, swept.Attempts + chunk.Attempts, swept.Runs + runs);
            if (chunk.Deliveries == 0 && runs == 0)
            {
                return swept;
            }

            await Task.Delay(pause, time, ct);
        }
    }

    private async Task<(int Deliveries, int Attempts)> DeleteDeliveriesAsync(DateTime cutoff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Deliveries.Where(d => d.CreatedAt < cutoff && Finished.Contains(d.Status))
            .OrderBy(d => d.CreatedAt).Select(d => d.Id).Take(options.Value.ChunkSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (0, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var attempts = await db.DeliveryAttempts.Where(a => ids.Contains(a.DeliveryId)).ExecuteDeleteAsync(ct);
        var deliveries = await db.Deliveries.Where(d => ids.Contains(d.Id) && Finished.Contains(d.Status)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return (deliveries, attempts);
    }

    private async Task<int> DeleteRunsAsync(DateTime cutoff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Runs.Where(r => r.EndedAt < cutoff && Ended.Contains(r.Status) && !db.Deliveries.Any(d => d.RunId == r.Id))
            .OrderBy(r => r.EndedAt).Select(r => r.Id).Take(options.Value.ChunkSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        return await db.Runs.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct); // a run's journal is in its row
    }

    /// <summary>The oldest message still in the send log, or null when it is empty.</summary>
    public async Task<DateTime?> OldestMessageAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Deliveries.OrderBy(d => d.CreatedAt).Select(d => (DateTime?)d.CreatedAt).FirstOrDefaultAsync(ct);
    }
}
