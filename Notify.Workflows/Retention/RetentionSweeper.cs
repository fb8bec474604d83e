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
/// ended runs with their journals once none of their messages is left; what each record lost is added to its
/// <see cref="RecordHistorySummary"/> in the same transaction. Each chunk is its own short transaction, so
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
            if (chunk.Deliveries == 0 && runs == 0 && !chunk.Raced)
            {
                return swept;
            }

            await Task.Delay(pause, time, ct);
        }
    }

    private async Task<(int Deliveries, int Attempts, bool Raced)> DeleteDeliveriesAsync(DateTime cutoff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Deliveries.Where(d => d.CreatedAt < cutoff && Finished.Contains(d.Status))
            .OrderBy(d => d.CreatedAt).Select(d => d.Id).Take(options.Value.ChunkSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (0, 0, false);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var chunk = db.Deliveries.Where(d => ids.Contains(d.Id) && Finished.Contains(d.Status));
        var counted = await chunk.CountAsync(ct);
        var perRecord = await chunk.Where(d => d.RecordType != null && d.RecordKey != null)
            .GroupBy(d => new { d.RecordType, d.RecordKey })
            .Select(g => new DeletedMessages(g.Key.RecordType!, g.Key.RecordKey!, g.Count(),
                g.Count(d => d.Channel == Channel.Sms), g.Count(d => d.Channel == Channel.Email), g.Count(d => d.Channel == Channel.InApp),
                g.Count(d => d.Channel == Channel.Webhook), g.Count(d => d.Status == DeliveryStatus.Failed),
                g.Count(d => d.Status == DeliveryStatus.Skipped || d.Status == DeliveryStatus.Cancelled), g.Min(d => d.CreatedAt), g.Max(d => d.CreatedAt)))
            .ToListAsync(ct);
        var attempts = await db.DeliveryAttempts.Where(a => ids.Contains(a.DeliveryId)).ExecuteDeleteAsync(ct);
        var deliveries = await chunk.ExecuteDeleteAsync(ct);
        if (deliveries != counted)
        {
            return (0, 0, true); // another node swept some of these meanwhile: undone, and the next chunk is chosen afresh
        }

        var now = time.GetUtcNow().UtcDateTime;
        var summaries = await SummariesAsync(db, perRecord.Select(m => (m.RecordType, m.RecordKey)), ct);
        foreach (var m in perRecord)
        {
            summaries[(m.RecordType, m.RecordKey)].AddMessages(m, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (deliveries, attempts, false);
    }

    /// <summary>The records' summaries, made for those that have none yet (and tracked, so saving adds or updates them).</summary>
    private static async Task<Dictionary<(string Type, string Key), RecordHistorySummary>> SummariesAsync(
        NotifyDbContext db, IEnumerable<(string Type, string Key)> records, CancellationToken ct)
    {
        var wanted = records.Distinct().ToList();
        var keys = wanted.Select(r => r.Key).Distinct().ToList();
        var found = (await db.RecordHistorySummaries.Where(s => keys.Contains(s.RecordKey)).ToListAsync(ct))
            .ToDictionary(s => (s.RecordType, s.RecordKey));
        foreach (var record in wanted.Where(r => !found.ContainsKey(r)))
        {
            found[record] = RecordHistorySummary.For(record.Type, record.Key);
            db.RecordHistorySummaries.Add(found[record]);
        }

        return found;
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

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var chunk = db.Runs.Where(r => ids.Contains(r.Id));
        var perRecord = await chunk.GroupBy(r => new { r.RecordType, r.RecordKey })
            .Select(g => new { g.Key.RecordType, g.Key.RecordKey, Runs = g.Count(), From = g.Min(r => r.CreatedAt), To = g.Max(r => r.CreatedAt) })
            .ToListAsync(ct);
        var runs = await chunk.ExecuteDeleteAsync(ct); // a run's journal is in its row
        if (runs != perRecord.Sum(r => r.Runs))
        {
            return 0; // another node swept some of these meanwhile: undone
        }

        var now = time.GetUtcNow().UtcDateTime;
        var summaries = await SummariesAsync(db, perRecord.Select(r => (r.RecordType, r.RecordKey)), ct);
        foreach (var r in perRecord)
        {
            summaries[(r.RecordType, r.RecordKey)].AddRuns(r.Runs, r.From, r.To, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return runs;
    }

    /// <summary>The oldest message still in the send log, or null when it is empty.</summary>
    public async Task<DateTime?> OldestMessageAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Deliveries.OrderBy(d => d.CreatedAt).Select(d => (DateTime?)d.CreatedAt).FirstOrDefaultAsync(ct);
    }
}
