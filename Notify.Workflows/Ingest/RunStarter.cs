using Microsoft.EntityFrameworkCore;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Ingest;

/// <summary>Starts the runs an event triggers, and keeps deadline reminders in step with the record.</summary>
public sealed class RunStarter(WorkCalendar calendar)
{
    public List<string> StartRuns(NotifyDbContext db, RecordEvent e, IReadOnlyList<PublishedFlow> flows, DateTime now)
    {
        var started = new List<string>();
        foreach (var flow in flows.Where(f => TriggerMatcher.Match(f.Definition.Trigger, e).Matches))
        {
            db.Runs.Add(FlowRun.Start(flow.VersionId, flow.FlowKey, flow.Version, e.Id, e.Type, e.RecordType, e.RecordKey,
                flow.Definition.Steps.FirstOrDefault()?.Id, now));
            started.Add(flow.FlowKey);
        }

        e.MarkMatched(now);
        return started;
    }

    /// <summary>
    /// A deadline set or moved schedules or moves each deadline flow's reminder; a done status or a removed
    /// deadline cancels the reminders that have not gone out.
    /// </summary>
    public async Task<List<string>> SyncDeadlinesAsync(
        NotifyDbContext db, Record record, RecordType type, Guid eventId, bool deadlineChanged,
        IReadOnlyList<PublishedFlow> flows, DateTime now, CancellationToken ct)
    {
        var notes = new List<string>();
        if (deadlineChanged)
        {
            await RecheckDateWaitsAsync(db, record, now, notes, ct);
        }

        var done = type.IsDone(record.Status);
        if (!done && !deadlineChanged && record.Deadline is not null)
        {
            return notes;
        }

        var stored = await db.Runs
            .Where(r => r.RecordType == record.Type && r.RecordKey == record.Key && r.EventType == EventTypes.Deadline
                && r.Status == RunStatus.Waiting)
            .ToListAsync(ct);
        var waiting = stored.Union(db.Runs.Local.Where(r => r.RecordType == record.Type && r.RecordKey == record.Key
            && r.EventType == EventTypes.Deadline && r.Status == RunStatus.Waiting)).ToList();
        if (done || record.Deadline is null)
        {
            var why = done ? $"The {record.Type} is {record.Status}." : "The deadline was removed.";
            foreach (var run in waiting)
            {
                run.Cancel(why + " The reminder was withdrawn before it went out.", now);
                db.Journal.Add(JournalEntry.Write(run.Id, "trigger", "trigger", "cancelled", why, now));
                notes.Add($"{run.FlowKey}: cancelled");
            }

            return notes;
        }

        foreach (var flow in flows.Where(f => TriggerMatcher.WatchesDeadlinesOf(f.Definition.Trigger, record.Type)))
        {
            var offset = flow.Definition.Trigger.Deadline!;
            var due = calendar.Shift(record.Deadline.Value, offset.Amount, offset.Unit, offset.Direction);
            var existing = waiting.FirstOrDefault(r => r.FlowKey == flow.FlowKey && r.AtTrigger);
            if (existing is not null)
            {
                existing.Reschedule(due, now);
                db.Journal.Add(JournalEntry.Write(existing.Id, "trigger", "trigger", "moved", $"The deadline moved; the reminder now waits until {due:u}.", now));
                notes.Add($"{flow.FlowKey}: moved to {due:u}");
            }
            else
            {
                var run = FlowRun.WaitForDeadline(flow.VersionId, flow.FlowKey, flow.Version, eventId, record.Type, record.Key, due, now);
                db.Runs.Add(run);
                db.Journal.Add(JournalEntry.Write(run.Id, "trigger", "trigger", "scheduled", $"{offset}: waiting until {due:u}.", now));
                notes.Add($"{flow.FlowKey}: scheduled for {due:u}");
            }
        }

        return notes;
    }

    /// <summary>Runs waiting in a delay until the deadline work their wait out again, at once, against the new date.</summary>
    private static async Task RecheckDateWaitsAsync(NotifyDbContext db, Record record, DateTime now, List<string> notes, CancellationToken ct)
    {
        var waiting = await db.Runs
            .Where(r => r.RecordType == record.Type && r.RecordKey == record.Key && r.Status == RunStatus.Waiting && r.FollowsRecordDate)
            .ToListAsync(ct);
        foreach (var run in waiting)
        {
            run.RecheckWait(now);
            var why = record.Deadline is null ? "The deadline was removed" : $"The deadline moved to {record.Deadline:u}";
            db.Journal.Add(JournalEntry.Write(run.Id, run.CurrentStepId ?? "trigger", "delay", "moved", why + "; the wait is worked out again.", now));
            notes.Add($"{run.FlowKey}: wait re-checked");
        }
    }
}
