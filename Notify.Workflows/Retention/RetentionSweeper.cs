using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Retention;

/// <summary>What one sweep deleted.</summary>
public sealed record RetentionSwept(int Deliveries, int Attempts, int Runs, int Events = 0, int Replies = 0, int DigestItems = 0)
{
    public static RetentionSwept operator +(RetentionSwept a, RetentionSwept b) => new(a.Deliveries + b.Deliveries, a.Attempts + b.Attempts,
        a.Runs + b.Runs, a.Events + b.Events, a.Replies + b.Replies, a.DigestItems + b.DigestItems);
}

/// <summary>
/// Deletes what is older than <see cref="RetentionOptions.Days"/>: messages that are done with (sent, delivered, read,
/// skipped, failed or withdrawn — never one still queued, being sent or waiting for a person) with their attempts, and
/// ended runs with their journals once none of their messages is left, a record's events once no run of theirs is left,
/// people's replies, and digest items sent in a digest; what each record lost is added to its
/// <see cref="RecordHistorySummary"/> in the same transaction. Each chunk is its own short transaction, so
/// new events and sends go on between them. Records, contacts, the consent ledger and the audit log are never deleted.
/// An event's idempotency key goes with it: the same key sent again after that makes a new event. On SQLite the send
/// log's search index follows each delete in the same transaction (its triggers).
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
            var events = await DeleteEventsAsync(cutoff, ct);
            var replies = await DeleteRepliesAsync(cutoff, ct);
            var digestItems = await DeleteDigestItemsAsync(cutoff, ct);
            var pass = new RetentionSwept(chunk.Deliveries, chunk.Attempts, runs, events, replies, digestItems);
            swept += pass;
            if (pass == new RetentionSwept(0, 0, 0) && !chunk.Raced)
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

    private Task<int> DeleteRunsAsync(DateTime cutoff, CancellationToken ct) => DeleteSummarisedAsync(
        db => db.Runs.Where(r => r.EndedAt < cutoff && Ended.Contains(r.Status) && !db.Deliveries.Any(d => d.RunId == r.Id)).OrderBy(r => r.EndedAt).Select(r => r.Id),
        (db, ids) => db.Runs.Where(r => ids.Contains(r.Id)), // a run's journal is in its row
        chunk => chunk.GroupBy(r => new { r.RecordType, r.RecordKey })
            .Select(g => new Lost(g.Key.RecordType, g.Key.RecordKey, g.Count(), g.Min(r => r.CreatedAt), g.Max(r => r.CreatedAt))),
        (summary, lost, now) => summary.AddRuns(lost.Count, lost.From, lost.To, now), ct);

    /// <summary>Events older than the cutoff that no run still points at (a run waiting since then keeps its event).</summary>
    private Task<int> DeleteEventsAsync(DateTime cutoff, CancellationToken ct) => DeleteSummarisedAsync(
        db => db.Events.Where(e => e.OccurredAt < cutoff && !db.Runs.Any(r => r.EventId == e.Id)).OrderBy(e => e.OccurredAt).Select(e => e.Id),
        (db, ids) => db.Events.Where(e => ids.Contains(e.Id) && !db.Runs.Any(r => r.EventId == e.Id)),
        chunk => chunk.GroupBy(e => new { e.RecordType, e.RecordKey })
            .Select(g => new Lost(g.Key.RecordType, g.Key.RecordKey, g.Count(), g.Min(e => e.OccurredAt), g.Max(e => e.OccurredAt))),
        (summary, lost, now) => summary.AddEvents(lost.Count, lost.From, lost.To, now), ct);

    private Task<int> DeleteRepliesAsync(DateTime cutoff, CancellationToken ct) => DeleteSummarisedAsync(
        db => db.Replies.Where(r => r.At < cutoff).OrderBy(r => r.At).Select(r => r.Id),
        (db, ids) => db.Replies.Where(r => ids.Contains(r.Id)),
        chunk => chunk.Where(r => r.RecordType != null && r.RecordKey != null).GroupBy(r => new { r.RecordType, r.RecordKey })
            .Select(g => new Lost(g.Key.RecordType!, g.Key.RecordKey!, g.Count(), g.Min(r => r.At), g.Max(r => r.At))),
        (summary, lost, now) => summary.AddReplies(lost.Count, lost.From, lost.To, now), ct);

    /// <summary>What a deleted chunk took from one record.</summary>
    private sealed record Lost(string RecordType, string RecordKey, int Count, DateTime From, DateTime To);

    /// <summary>
    /// Deletes one chunk of the oldest <paramref name="candidates"/> in its own transaction and adds what each record lost
    /// to its summary; a chunk that another node swept meanwhile is undone (counted nowhere), and the next is chosen afresh.
    /// </summary>
    private async Task<int> DeleteSummarisedAsync<T>(
        Func<NotifyDbContext, IQueryable<Guid>> candidates, Func<NotifyDbContext, List<Guid>, IQueryable<T>> chunkOf,
        Func<IQueryable<T>, IQueryable<Lost>> perRecordOf, Action<RecordHistorySummary, Lost, DateTime> add, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await candidates(db).Take(options.Value.ChunkSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var chunk = chunkOf(db, ids);
        var counted = await chunk.CountAsync(ct);
        var perRecord = await perRecordOf(chunk).ToListAsync(ct);
        var deleted = await chunk.ExecuteDeleteAsync(ct);
        if (deleted != counted)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var summaries = await SummariesAsync(db, perRecord.Select(l => (l.RecordType, l.RecordKey)), ct);
        foreach (var lost in perRecord)
        {
            add(summaries[(lost.RecordType, lost.RecordKey)], lost, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    /// <summary>Digest items whose digest went out before the cutoff: the digest's own message stands for them.</summary>
    private async Task<int> DeleteDigestItemsAsync(DateTime cutoff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.DigestItems.Where(i => i.FlushedAt < cutoff).OrderBy(i => i.FlushedAt).Select(i => i.Id).Take(options.Value.ChunkSize).ToListAsync(ct);
        return ids.Count == 0 ? 0 : await db.DigestItems.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>The oldest message still in the send log, or null when it is empty.</summary>
    public async Task<DateTime?> OldestMessageAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Deliveries.OrderBy(d => d.CreatedAt).Select(d => (DateTime?)d.CreatedAt).FirstOrDefaultAsync(ct);
    }
}
