using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Definitions;

/// <summary>Saving drafts and publishing versions; the UI and the API both come through here.</summary>
public sealed class FlowService(
    IDbContextFactory<NotifyDbContext> dbFactory, FlowValidator validator, PublishedFlowCache cache, TimeProvider time, Access.AuditLog audit,
    Triggers.WorkCalendar calendar)
{
    public async Task<Flow?> FindAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Flows.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct);
    }

    public async Task<IReadOnlyList<Flow>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Flows.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
    }

    public async Task<Flow> SaveDraftAsync(string key, FlowDefinition definition, CancellationToken ct)
    {
        Keys.Require(key, "key");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = (await db.Templates.Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var errors = validator.Validate(definition, templates);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var flow = await db.Flows.FirstOrDefaultAsync(f => f.Key == key, ct);
        if (flow is null)
        {
            flow = Flow.Create(key, definition, now);
            db.Flows.Add(flow);
            audit.Record(db, "created", "flow", key, definition);
        }
        else
        {
            flow.SaveDraft(definition, now);
            audit.Record(db, "changed", "flow", key, definition);
        }

        await db.SaveChangesAsync(ct);
        return flow;
    }

    /// <summary>How many deadline reminders of older versions are waiting, for the publish question.</summary>
    public async Task<int> CountWaitingRemindersAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Runs.CountAsync(r => r.FlowKey == key && r.Status == RunStatus.Waiting && r.AtTrigger, ct);
    }

    /// <summary>Publishes the draft as a new version. Running runs finish on their version; waiting reminders move if asked.</summary>
    public async Task<PublishResult> PublishAsync(string key, bool moveWaitingReminders, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = await db.Flows.FirstOrDefaultAsync(f => f.Key == key, ct) ?? throw new NotFoundException("Flow", key);
        var now = time.GetUtcNow().UtcDateTime;
        var templates = (await db.Templates.Select(t => t.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var draft = flow.Draft();
        var errors = validator.Validate(draft, templates);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        foreach (var old in await db.FlowVersions.Where(v => v.FlowKey == key && v.IsCurrent).ToListAsync(ct))
        {
            old.Supersede();
        }

        var version = flow.Publish(now);
        db.FlowVersions.Add(version);
        var moved = moveWaitingReminders && draft.Trigger.Event == EventTypes.Deadline
            ? await MoveWaitingRemindersAsync(db, key, version, draft.Trigger, now, ct)
            : 0;
        audit.Record(db, "published", "flow", key, $"version {version.Version}" + (moved > 0 ? $"; {moved} waiting reminders moved to it" : ""));

        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return new PublishResult(version.Version, moved);
    }

    /// <summary>
    /// Reminders still waiting for their deadline move to the new version, and their time is worked out again with
    /// the new version's offset. A reminder whose record type the new version no longer watches stays on its version.
    /// </summary>
    private async Task<int> MoveWaitingRemindersAsync(NotifyDbContext db, string key, FlowVersion version, TriggerDefinition trigger, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Runs.Where(r => r.FlowKey == key && r.Status == RunStatus.Waiting && r.AtTrigger).ToListAsync(ct);
        var recordKeys = waiting.Select(r => r.RecordKey).Distinct().ToList();
        var deadlines = (await db.Records.AsNoTracking().Where(r => recordKeys.Contains(r.Key)).Select(r => new { r.Type, r.Key, r.Deadline }).ToListAsync(ct))
            .ToDictionary(r => (r.Type, r.Key), r => r.Deadline);
        var moved = 0;
        foreach (var run in waiting)
        {
            if (deadlines.GetValueOrDefault((run.RecordType, run.RecordKey)) is not { } deadline
                || !Triggers.TriggerMatcher.WatchesDeadlinesOf(trigger, run.RecordType))
            {
                continue;
            }

            var offset = trigger.Deadline!;
            var due = calendar.Shift(deadline, offset.Amount, offset.Unit, offset.Direction);
            run.MoveToVersion(version.Id, version.Version, now);
            run.Reschedule(due, now);
            db.Journal.Add(JournalEntry.Write(run.Id, "trigger", "trigger", "moved",
                $"Moved to version {version.Version} when it was published; {offset}: now waits until {due:u}.", now));
            moved++;
        }

        return moved;
    }
}
