using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Runtime;

/// <summary>
/// The one owner of a run's life. Ingestion, publishing and deletion hand it facts — an event happened, a deadline
/// moved, a record is done or gone, a version was published — inside their own unit of work; it alone starts,
/// executes, resumes, reschedules, moves, cancels, retries and faults runs, and the runs journal every change. This
/// file takes the facts; <c>RunEngine.Execution.cs</c> executes runs and saves them.
/// </summary>
public sealed partial class RunEngine(
    IDbContextFactory<NotifyDbContext> dbFactory,
    WorkCalendar calendar,
    TimeProvider time,
    IOptions<EngineOptions> options,
    RunExecutor executor,
    DueRunClaims claims,
    RunsWakeUp runsWakeUp,
    DeliveriesWakeUp deliveriesWakeUp,
    Observability.NotifyMetrics metrics,
    ILogger<RunEngine> logger)
{
    private int BatchSize => Math.Clamp(options.Value.BatchSize, 1, 1000);

    public ExecutionPolicy Policy => options.Value.Execution;

    /// <summary>An event happened: every published flow whose trigger fits starts a run, in the caller's unit of work.</summary>
    public IReadOnlyList<string> EventHappened(NotifyDbContext db, RecordEvent e, IReadOnlyList<PublishedFlow> published, DateTime now)
    {
        var started = new List<string>();
        foreach (var flow in published.Where(f => TriggerMatcher.Match(f.Definition, e).Matches))
        {
            db.Runs.Add(FlowRun.Start(flow, e.Id, e.Type, e.RecordType, e.RecordKey, now));
            started.Add(flow.FlowKey);
        }

        e.MarkMatched(now);
        return started;
    }

    /// <summary>A record's deadline was set or moved: date waits are worked out again, reminders made or moved.</summary>
    public async Task<IReadOnlyList<string>> DeadlineChangedAsync(
        NotifyDbContext db, Record record, RecordType type, Guid eventId, IReadOnlyList<PublishedFlow> published, DateTime now, CancellationToken ct)
    {
        var notes = new List<string>();
        var why = record.Deadline is null ? "The deadline was removed" : $"The deadline moved to {record.Deadline:u}";
        foreach (var run in await OpenRunsAsync(db, record, WaitingForARecordDate, ct))
        {
            run.RecordDateMoved(why, now);
            notes.Add($"{run.FlowKey}: wait re-checked");
        }

        if (type.IsDone(record.Status) || record.Deadline is not { } deadline)
        {
            notes.AddRange(await RecordSettledAsync(db, record, type, now, ct));
            return notes;
        }

        var waiting = await WaitingRemindersAsync(db, record, ct);
        foreach (var flow in published.Where(f => TriggerMatcher.WatchesDeadlinesOf(f.Definition, record.Type)))
        {
            var due = ReminderDue(flow, deadline);
            if (waiting.FirstOrDefault(r => r.FlowKey == flow.FlowKey) is { } existing)
            {
                existing.ReminderMoved(due, "The deadline moved", now);
                notes.Add($"{flow.FlowKey}: moved to {due:u}");
            }
            else
            {
                db.Runs.Add(FlowRun.ScheduleReminder(flow, eventId, record.Type, record.Key, due, now));
                notes.Add($"{flow.FlowKey}: scheduled for {due:u}");
            }
        }

        return notes;
    }

    /// <summary>A record is done, or has no deadline any more: its reminders that have not gone out are withdrawn.</summary>
    public async Task<IReadOnlyList<string>> RecordSettledAsync(NotifyDbContext db, Record record, RecordType type, DateTime now, CancellationToken ct)
    {
        var done = type.IsDone(record.Status);
        if (!done && record.Deadline is not null)
        {
            return [];
        }

        var waiting = await WaitingRemindersAsync(db, record, ct);
        if (waiting.Count == 0)
        {
            return [];
        }

        var why = (done ? $"The {record.Type} is {record.Status}." : "The deadline was removed.") + " The reminder was withdrawn before it went out."
            + await SentReminders.DescribeAsync(db, record, ct);
        var notes = new List<string>();
        foreach (var run in waiting)
        {
            run.Cancel(why, now);
            notes.Add($"{run.FlowKey}: cancelled");
        }

        return notes;
    }

    /// <summary>A record was deleted: its runs still open are cancelled. Their history stays.</summary>
    public async Task RecordDeletedAsync(NotifyDbContext db, Record record, DateTime now, CancellationToken ct)
    {
        foreach (var run in await OpenRunsAsync(db, record, Open, ct))
        {
            run.Cancel("The record was deleted.", now);
        }
    }

    /// <summary>A flow was disabled or deleted and its waiting runs are not to finish: they are cancelled, with the reason. Their history stays.</summary>
    public async Task<int> FlowStoppedAsync(NotifyDbContext db, string flowKey, string why, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Runs.Where(r => r.FlowKey == flowKey && r.Status == RunStatus.Waiting).ToListAsync(ct);
        foreach (var run in waiting)
        {
            run.Cancel(why, now);
        }

        return waiting.Count;
    }

    /// <summary>How many runs of a flow are waiting (for a time or a deadline), for the disable question.</summary>
    public async Task<int> CountWaitingRunsAsync(string flowKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Runs.CountAsync(r => r.FlowKey == flowKey && r.Status == RunStatus.Waiting, ct);
    }

    /// <summary>How many deadline reminders of a flow's older versions are waiting, for the publish question.</summary>
    public async Task<int> CountWaitingRemindersAsync(string flowKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Runs.CountAsync(r => r.FlowKey == flowKey && r.Status == RunStatus.Waiting && r.AtTrigger, ct);
    }

    /// <summary>
    /// A version was published. Running runs finish on their version. If asked, reminders still waiting for their
    /// deadline move to it, with its offset; a reminder whose record type it no longer watches stays where it is.
    /// </summary>
    public async Task<int> VersionPublishedAsync(NotifyDbContext db, PublishedFlow version, bool moveWaitingReminders, DateTime now, CancellationToken ct)
    {
        if (!moveWaitingReminders || version.Definition.DeadlineTrigger is null)
        {
            return 0;
        }

        var waiting = await db.Runs.Where(r => r.FlowKey == version.FlowKey && r.Status == RunStatus.Waiting && r.AtTrigger).ToListAsync(ct);
        var keys = waiting.Select(r => r.RecordKey).Distinct().ToList();
        var deadlines = (await db.Records.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => new { r.Type, r.Key, r.Deadline }).ToListAsync(ct))
            .ToDictionary(r => (r.Type, r.Key), r => r.Deadline);
        var moved = 0;
        foreach (var run in waiting)
        {
            if (deadlines.GetValueOrDefault((run.RecordType, run.RecordKey)) is { } deadline
                && TriggerMatcher.WatchesDeadlinesOf(version.Definition, run.RecordType))
            {
                run.MovedToVersion(version, ReminderDue(version, deadline), now);
                moved++;
            }
        }

        return moved;
    }

    private DateTime ReminderDue(PublishedFlow flow, DateTime deadline)
    {
        var offset = flow.Definition.DeadlineTrigger!.Deadline!;
        return calendar.Shift(deadline, offset.Amount, offset.Unit, offset.Direction);
    }

    private static readonly RunFilter Open = new(r => r.Status == RunStatus.Waiting || r.Status == RunStatus.Running);
    private static readonly RunFilter WaitingForARecordDate = new(r => r.Status == RunStatus.Waiting && r.FollowsRecordDate);
    private static readonly RunFilter WaitingReminders = new(r => r.EventType == EventTypes.Deadline && r.Status == RunStatus.Waiting && r.AtTrigger);

    private static Task<List<FlowRun>> WaitingRemindersAsync(NotifyDbContext db, Record record, CancellationToken ct) =>
        OpenRunsAsync(db, record, WaitingReminders, ct);

    /// <summary>A record's runs matching <paramref name="filter"/>, stored or added in this unit of work, each once.</summary>
    private static async Task<List<FlowRun>> OpenRunsAsync(NotifyDbContext db, Record record, RunFilter filter, CancellationToken ct)
    {
        var stored = await db.Runs.Where(r => r.RecordType == record.Type && r.RecordKey == record.Key).Where(filter.Query).ToListAsync(ct);
        var added = db.Runs.Local.Where(r => r.RecordType == record.Type && r.RecordKey == record.Key);
        return stored.Union(added).Where(filter.Matches).ToList(); // as tracked now: a run changed earlier in this unit of work may no longer match
    }

    /// <summary>A condition on runs, for the database and, compiled once, for the runs already tracked.</summary>
    private sealed record RunFilter(System.Linq.Expressions.Expression<Func<FlowRun, bool>> Query)
    {
        public Func<FlowRun, bool> Matches { get; } = Query.Compile();
    }
}
