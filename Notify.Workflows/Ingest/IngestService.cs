using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Ingest;

/// <summary>
/// Takes records and events from host systems. The record, the events it derives and the runs they start
/// are written in one transaction, so an event is never stored without its runs or the other way round.
/// </summary>
public sealed class IngestService(
    IDbContextFactory<NotifyDbContext> dbFactory,
    PublishedFlowCache flows,
    RunStarter starter,
    TimeProvider time,
    RunsWakeUp runsWakeUp)
{
    public async Task<UpsertResult> UpsertRecordAsync(string type, string key, RecordState state, CancellationToken ct)
    {
        Keys.Require(type, "type");
        Keys.Require(key, "key");
        type = type.ToLowerInvariant();
        var published = await flows.CurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var record = await db.Records.FirstOrDefaultAsync(r => r.Type == type && r.Key == key, ct);
        var created = record is null;
        if (record is null)
        {
            record = Record.Create(type, key, now);
            db.Records.Add(record);
        }

        var recordType = await RecordTypeAsync(db, type, ct);
        var previous = created ? null : record.Snapshot();
        var changes = record.Apply(state, created, now);
        var current = record.Snapshot();
        var summaries = new List<EventSummary>();
        foreach (var change in changes)
        {
            var e = RecordEvent.FromChange(change, previous, current, now);
            db.Events.Add(e);
            var started = starter.StartRuns(db, e, published, now);
            var scheduled = change.Type == EventTypes.DeadlineChanged
                ? await starter.SyncDeadlinesAsync(db, record, recordType, e.Id, true, published, now, ct)
                : [];
            summaries.Add(new EventSummary(e.Id, e.Type, e.FromStatus, e.ToStatus, started) { Scheduled = scheduled });
        }

        if (!created && (recordType.IsDone(record.Status) || record.Deadline is null) && changes.Count > 0)
        {
            var cancelled = await starter.SyncDeadlinesAsync(db, record, recordType, Guid.Empty, false, published, now, ct);
            if (cancelled.Count > 0 && summaries.Count > 0)
            {
                summaries[0] = summaries[0] with { Scheduled = [.. summaries[0].Scheduled, .. cancelled] };
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (summaries.Any(s => s.StartedFlows.Count > 0 || s.Scheduled.Count > 0))
        {
            runsWakeUp.Signal();
        }

        return new UpsertResult(created, current, summaries);
    }

    /// <summary>Stores a custom event once per idempotency key; a repeat answers with the first event.</summary>
    public async Task<EventSummary> PostEventAsync(CustomEvent request, string? idempotencyKey, CancellationToken ct)
    {
        ValidateEvent(request, idempotencyKey);
        var published = await flows.CurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (idempotencyKey is not null && await FindAsync(db, idempotencyKey, ct) is { } first)
        {
            return first;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var recordType = request.RecordType.ToLowerInvariant();
        var record = await db.Records.FirstOrDefaultAsync(r => r.Type == recordType && r.Key == request.RecordKey, ct);
        if (record is null)
        {
            record = Record.Create(recordType, request.RecordKey, now);
            record.Apply(new RecordState(), true, now);
            db.Records.Add(record);
            await RecordTypeAsync(db, recordType, ct);
        }

        var e = RecordEvent.Custom(request.Type, record.Snapshot(), request.Data, idempotencyKey, now);
        db.Events.Add(e);
        var started = starter.StartRuns(db, e, published, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        runsWakeUp.Signal();
        return new EventSummary(e.Id, e.Type, null, null, started);
    }

    private static async Task<EventSummary?> FindAsync(NotifyDbContext db, string idempotencyKey, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.IdempotencyKey == idempotencyKey, ct);
        if (e is null)
        {
            return null;
        }

        var flowsStarted = await db.Runs.AsNoTracking().Where(r => r.EventId == e.Id).Select(r => r.FlowKey).ToListAsync(ct);
        return new EventSummary(e.Id, e.Type, null, null, flowsStarted) { Duplicate = true };
    }

    private static void ValidateEvent(CustomEvent request, string? idempotencyKey)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Type) || request.Type.Length > 100 || request.Type.Any(char.IsWhiteSpace))
        {
            errors.Add(new FieldError("type", "is required: a name such as 'booking.confirmed' (no spaces, at most 100 characters)."));
        }
        else if (EventTypes.IsBuiltIn(request.Type))
        {
            errors.Add(new FieldError("type", $"'{request.Type}' is derived by Notify from record upserts; use PUT /api/v1/records instead."));
        }

        if (!Keys.IsValid(request.RecordType)) errors.Add(new FieldError("record.type", "is required and must be a key."));
        if (!Keys.IsValid(request.RecordKey)) errors.Add(new FieldError("record.key", "is required and must be a key."));
        if (idempotencyKey is { Length: > 200 }) errors.Add(new FieldError("Idempotency-Key", "is longer than 200 characters."));
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private static async Task<RecordType> RecordTypeAsync(NotifyDbContext db, string type, CancellationToken ct)
    {
        var found = await db.RecordTypes.FirstOrDefaultAsync(t => t.Type == type, ct)
            ?? db.RecordTypes.Local.FirstOrDefault(t => t.Type == type);
        if (found is null)
        {
            found = RecordType.Create(type, type, []);
            db.RecordTypes.Add(found);
        }

        return found;
    }
}
