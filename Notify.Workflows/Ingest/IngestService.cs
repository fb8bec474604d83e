using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Ingest;

/// <summary>
/// Takes records and events from host systems. A record, the events it derives and the runs they start are
/// written in one transaction. Concurrent upserts are group-committed: one writer takes whatever requests are
/// waiting and commits them together, and each caller is answered only after its commit.
/// </summary>
public sealed class IngestService(
    IDbContextFactory<NotifyDbContext> dbFactory,
    PublishedFlowCache flows,
    RunEngine engine,
    WaitingRuns waitingRuns,
    TimeProvider time,
    Access.AuditLog audit,
    ILogger<IngestService> logger)
{
    private const int MaxBatch = 256;

    private readonly Channel<IngestRequest> _queue = Channel.CreateUnbounded<IngestRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _writer;

    public async Task<UpsertResult> UpsertRecordAsync(string type, string key, RecordState state, CancellationToken ct)
    {
        Keys.Require(type, "type");
        Keys.Require(key, "key");
        Record.Validate(state);
        return (UpsertResult)await EnqueueAsync(new UpsertRequest(type.ToLowerInvariant(), key, state), ct);
    }

    /// <summary>Stores a custom event once per idempotency key; a repeat answers with the first event. Same pipeline as upserts.</summary>
    public async Task<EventSummary> PostEventAsync(CustomEvent request, string? idempotencyKey, CancellationToken ct)
    {
        CustomEventRules.Validate(request, idempotencyKey);
        return (EventSummary)await EnqueueAsync(new EventRequest(request, idempotencyKey), ct);
    }

    private async Task<object> EnqueueAsync(IngestRequest request, CancellationToken ct)
    {
        EnsureWriter();
        await _queue.Writer.WriteAsync(request, ct);
        return await request.Completion.Task.WaitAsync(ct);
    }

    /// <summary>Removes a record; its runs that are still waiting (reminders, delays) are cancelled. History stays.</summary>
    public async Task<bool> DeleteRecordAsync(string type, string key, CancellationToken ct)
    {
        type = type.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = await db.Records.FirstOrDefaultAsync(r => r.Type == type && r.Key == key, ct);
        if (record is null)
        {
            return false;
        }

        await engine.RecordDeletedAsync(db, record, time.GetUtcNow().UtcDateTime, ct);
        db.Records.Remove(record);
        await engine.SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Creates or changes a record type and the statuses that count as done for it.</summary>
    /// <summary>Declares a record type; <paramref name="contactRoles"/> null keeps the roles declared before.</summary>
    public async Task<RecordType> SaveRecordTypeAsync(
        string type, string? name, IReadOnlyList<string> doneStatuses, CancellationToken ct, IReadOnlyList<string>? contactRoles = null)
    {
        Keys.Require(type, "type");
        type = type.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.RecordTypes.FirstOrDefaultAsync(t => t.Type == type, ct);
        var saved = RecordType.Create(type, string.IsNullOrWhiteSpace(name) ? existing?.Name ?? type : name.Trim(), doneStatuses)
            .WithContactRoles(contactRoles ?? existing?.ContactRoles ?? []);
        if (existing is not null)
        {
            db.RecordTypes.Remove(existing);
            await db.SaveChangesAsync(ct);
        }

        db.RecordTypes.Add(saved);
        audit.Record(db, existing is null ? "created" : "changed", "record-type", type, new { saved.Name, saved.DoneStatuses, saved.ContactRoles });
        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>False when the writer that commits records and events has stopped with an error; it starts on the first request.</summary>
    public bool WriterAlive => _writer is not { IsCompleted: true };

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _writer ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<IngestRequest>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            if (batch.Count == 1)
            {
                await CommitAloneAsync(batch[0]);
                continue;
            }

            try
            {
                var results = await CommitAsync(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(results[i]);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A group commit of {Count} records and events failed; committing them one by one.", batch.Count);
                foreach (var request in batch)
                {
                    await CommitAloneAsync(request);
                }
            }
        }
    }

    /// <summary>
    /// Commits one request. When another node wrote the same record (or the same idempotency key) first, the save fails
    /// as a whole and is tried again on the fresh state, which then derives only what is still new.
    /// </summary>
    private async Task CommitAloneAsync(IngestRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                request.Completion.TrySetResult((await CommitAsync([request]))[0]);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                logger.LogInformation(ex, "The record {Record} was changed by someone else meanwhile; trying again ({Attempt}).",
                    request.Subject, attempt);
            }
            catch (Exception ex)
            {
                request.Completion.TrySetException(ex);
                return;
            }
        }
    }

    private const int MaxAttempts = 5;

    /// <summary>Commits these upserts as one group, as the writer does with whatever is waiting; tests call it to make a batch.</summary>
    internal async Task<List<UpsertResult>> CommitGroupAsync(IReadOnlyList<(string Type, string Key, RecordState State)> upserts) =>
        (await CommitAsync(upserts.Select(u => new UpsertRequest(u.Type.ToLowerInvariant(), u.Key, u.State)).ToList())).Cast<UpsertResult>().ToList();

    private async Task<List<object>> CommitAsync(IReadOnlyList<IngestRequest> batch)
    {
        var published = await flows.CurrentAsync(CancellationToken.None);
        await using var db = await dbFactory.CreateDbContextAsync();
        // Records change through their own methods and everything else is added, so one DetectChanges before the
        // save is enough; leaving it automatic would compare every tracked JSON column on each lookup.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        var now = time.GetUtcNow().UtcDateTime;
        // The records the group names, read in one query inside its transaction; one it creates is added, so a later
        // request in the same group finds it.
        var records = await db.Records.NamedAsync(batch.Select(r => r.Record), CancellationToken.None);
        var results = new List<object>(batch.Count);
        foreach (var request in batch)
        {
            results.Add(request switch
            {
                UpsertRequest upsert => await ApplyAsync(db, records, upsert, published, now),
                EventRequest e => await ApplyAsync(db, records, e, published, now),
                _ => throw new InvalidOperationException($"Unknown ingest request {request.GetType().Name}."),
            });
        }

        await engine.ExecuteStartedAsync(db, now, CancellationToken.None);
        var signals = await engine.SaveAsync(db, CancellationToken.None);
        await tx.CommitAsync();
        engine.Wake(signals);
        return results;
    }

    private async Task<UpsertResult> ApplyAsync(
        NotifyDbContext db, Dictionary<(string Type, string Key), Record> records, UpsertRequest request, IReadOnlyList<PublishedFlow> published, DateTime now)
    {
        var (type, key) = (request.Type, request.Key);
        var created = !records.TryGetValue((type, key), out var record);
        if (record is null)
        {
            record = Record.Create(type, key, now);
            db.Records.Add(record);
            records[(type, key)] = record;
        }

        var recordType = await RecordTypeAsync(db, type, CancellationToken.None);
        var previous = created ? null : record.Snapshot();
        var changes = record.Apply(request.State, created, now);
        var current = record.Snapshot();
        var summaries = new List<EventSummary>();
        foreach (var change in changes)
        {
            var e = RecordEvent.FromChange(change, previous, current, now);
            db.Events.Add(e);
            var started = engine.EventHappened(db, e, published, now);
            var scheduled = change.Type == EventTypes.DeadlineChanged
                ? await engine.DeadlineChangedAsync(db, record, recordType, e.Id, published, now, CancellationToken.None)
                : [];
            summaries.Add(new EventSummary(e.Id, e.Type, e.FromStatus, e.ToStatus, started.ToList()) { Scheduled = scheduled.ToList() });
        }

        if (!created && changes.Count > 0)
        {
            await waitingRuns.RecordChangedAsync(db, type, key, now, CancellationToken.None);
            var cancelled = await engine.RecordSettledAsync(db, record, recordType, now, CancellationToken.None);
            if (cancelled.Count > 0 && summaries.Count > 0)
            {
                summaries[0] = summaries[0] with { Scheduled = [.. summaries[0].Scheduled, .. cancelled] };
            }
        }

        return new UpsertResult(created, current, summaries);
    }

    private async Task<EventSummary> ApplyAsync(
        NotifyDbContext db, Dictionary<(string Type, string Key), Record> records, EventRequest request, IReadOnlyList<PublishedFlow> published, DateTime now)
    {
        if (request.IdempotencyKey is { } idempotencyKey && await FindAsync(db, idempotencyKey) is { } first)
        {
            return first;
        }

        var (type, key) = request.Record;
        if (!records.TryGetValue((type, key), out var record))
        {
            record = Record.Create(type, key, now);
            record.Apply(new RecordState(), true, now);
            db.Records.Add(record);
            records[(type, key)] = record;
            await RecordTypeAsync(db, type, CancellationToken.None);
        }

        var e = RecordEvent.Custom(request.Event.Type, record.Snapshot(), request.Event.Data, request.IdempotencyKey, now);
        db.Events.Add(e);
        var started = engine.EventHappened(db, e, published, now);
        await waitingRuns.RecordChangedAsync(db, type, key, now, CancellationToken.None);
        return new EventSummary(e.Id, e.Type, null, null, started.ToList());
    }

    /// <summary>The event stored (or added earlier in this group commit) under an idempotency key, answered as a duplicate.</summary>
    private static async Task<EventSummary?> FindAsync(NotifyDbContext db, string idempotencyKey)
    {
        var e = db.Events.Local.FirstOrDefault(x => x.IdempotencyKey == idempotencyKey)
            ?? await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.IdempotencyKey == idempotencyKey);
        if (e is null)
        {
            return null;
        }

        var flowsStarted = db.Runs.Local.Where(r => r.EventId == e.Id).Select(r => r.FlowKey)
            .Concat(await db.Runs.AsNoTracking().Where(r => r.EventId == e.Id).Select(r => r.FlowKey).ToListAsync()).Distinct().ToList();
        return new EventSummary(e.Id, e.Type, null, null, flowsStarted) { Duplicate = true };
    }

    private static async Task<RecordType> RecordTypeAsync(NotifyDbContext db, string type, CancellationToken ct)
    {
        var found = db.RecordTypes.Local.FirstOrDefault(t => t.Type == type)
            ?? await db.RecordTypes.FirstOrDefaultAsync(t => t.Type == type, ct);
        if (found is null)
        {
            found = RecordType.Create(type, type, []);
            db.RecordTypes.Add(found);
        }

        return found;
    }
}
