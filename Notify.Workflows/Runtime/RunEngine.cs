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
/// executes, resumes, reschedules, moves, cancels, retries and faults runs, and the runs journal every change.
/// </summary>
public sealed class RunEngine(
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

    /// <summary>
    /// Under <see cref="ExecutionPolicy.InCommit"/>, executes the first pass of the runs just started in the caller's
    /// unit of work, so they commit with the event that started them. Under <see cref="ExecutionPolicy.AfterCommit"/>
    /// they are left for the worker, which it wakes once the caller has committed.
    /// </summary>
    public async Task ExecuteStartedAsync(NotifyDbContext db, DateTime now, CancellationToken ct)
    {
        if (Policy != ExecutionPolicy.InCommit)
        {
            return;
        }

        var started = db.ChangeTracker.Entries<FlowRun>()
            .Where(e => e.State == EntityState.Added && e.Entity.Status == RunStatus.Running).Select(e => e.Entity).ToList();
        if (started.Count == 0)
        {
            return;
        }

        var batch = new RunBatch(
            db.ChangeTracker.Entries<RecordEvent>().ToDictionary(e => e.Entity.Id, e => e.Entity),
            db.ChangeTracker.Entries<Record>().ToDictionary(e => (e.Entity.Type, e.Entity.Key), e => e.Entity),
            db.ChangeTracker.Entries<RecordType>().ToDictionary(e => e.Entity.Type, e => e.Entity));
        await executor.ExecuteAsync(db, started, batch, now, ct);
    }

    /// <summary>Saves a unit of work in which runs changed; commit the transaction, then hand the result to <see cref="Wake"/>.</summary>
    public Task<CommitSignals> SaveAsync(NotifyDbContext db, CancellationToken ct) => RunUnitOfWork.SaveAsync(db, metrics, ct);

    /// <summary>Wakes the dispatcher for new deliveries, and the run worker for runs left to it.</summary>
    public void Wake(CommitSignals signals)
    {
        if (signals.DeliveriesQueued) deliveriesWakeUp.Signal();
        if (signals.RunsLeftForTheWorker) runsWakeUp.Signal();
    }

    /// <summary>Executes every due run, a batch per commit, until none is due; returns how many passes went through.</summary>
    public async Task<int> ExecuteDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var (claimed, executed) = await ExecuteBatchAsync(null, ct);
            total += executed;
            if (claimed < BatchSize || executed == 0)
            {
                return total;
            }
        }
    }

    /// <summary>Executes one run now if it is due; false when it is not due, not open, or another worker saved it first.</summary>
    public async Task<bool> ExecuteAsync(Guid runId, CancellationToken ct) => (await ExecuteBatchAsync(runId, ct)).Executed == 1;

    /// <summary>A person asks for a faulted run to be tried again; Support may.</summary>
    public Task RetryAsync(Guid runId, string who, CancellationToken ct) => ChangeAsync(runId, (run, now) => run.RetryByPerson(who, now), ct);

    /// <summary>A person cancels a run that is waiting or faulted.</summary>
    public Task CancelAsync(Guid runId, string who, CancellationToken ct) => ChangeAsync(runId, (run, now) => run.Cancel($"Cancelled by {who}.", now), ct);

    private async Task ChangeAsync(Guid runId, Action<FlowRun, DateTime> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("Run", runId.ToString());
        try
        {
            change(run, time.GetUtcNow().UtcDateTime);
        }
        catch (InvalidOperationException ex)
        {
            throw new ValidationException("status", ex.Message);
        }

        Wake(await SaveAsync(db, ct));
    }

    private async Task<(int Claimed, int Executed)> ExecuteBatchAsync(Guid? only, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false; // runs change through their methods: one DetectChanges before the save
        await using var tx = claims.LocksRows ? await db.Database.BeginTransactionAsync(ct) : null;
        var now = time.GetUtcNow().UtcDateTime;
        var runs = only is { } id
            ? await db.Runs.Where(r => r.Id == id && (r.Status == RunStatus.Running || r.Status == RunStatus.Waiting) && r.ResumeAt <= now).ToListAsync(ct)
            : await claims.ClaimAsync(db, now, BatchSize, ct);
        if (runs.Count == 0)
        {
            return (0, 0);
        }

        using var activity = Observability.NotifyTracing.Source.StartActivity("run pass");
        activity?.SetTag("notify.runs", runs.Count);
        foreach (var run in runs.Where(r => r.ResumeAt is not null))
        {
            metrics.DueRunPicked(now - run.ResumeAt!.Value);
        }

        var eventIds = runs.Select(r => r.EventId).Distinct().ToList();
        var types = runs.Select(r => r.RecordType).Distinct().ToList();
        var batch = new RunBatch(
            await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct),
            await db.Records.AsNoTracking().NamedAsync(runs.Select(r => (r.RecordType, r.RecordKey)), ct),
            await db.RecordTypes.AsNoTracking().Where(t => types.Contains(t.Type)).ToDictionaryAsync(t => t.Type, ct));
        await executor.ExecuteAsync(db, runs, batch, now, ct);
        CommitSignals signals;
        try
        {
            // SQLite: the transaction (and so the write lock) starts only now, after the steps ran, for the bulk insert.
            await using var sqliteTx = tx is null && db.Database.IsSqlite() ? await db.Database.BeginTransactionAsync(ct) : null;
            signals = await SaveAsync(db, ct);
            if ((tx ?? sqliteTx) is { } commit) await commit.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The safety net under the claims: another worker saved one of these runs first; nothing of this pass stands.
            logger.LogWarning("A pass of {Count} runs lost to another worker's save; it is dropped.", runs.Count);
            return (runs.Count, 0);
        }

        Wake(signals with { RunsLeftForTheWorker = false });
        return (runs.Count, runs.Count);
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
