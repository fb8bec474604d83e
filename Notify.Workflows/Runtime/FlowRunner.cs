using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Persistence;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Runtime;

/// <summary>
/// Executes a run's steps until it ends or waits, then saves the run, its journal and the deliveries it
/// decided in one transaction. A second runner saving the same run loses on its revision and changes nothing.
/// </summary>
public sealed class FlowRunner(
    IDbContextFactory<NotifyDbContext> dbFactory,
    PublishedFlowCache flows,
    StepRegistry steps,
    TimeProvider time,
    DeliveriesWakeUp deliveriesWakeUp,
    ILogger<FlowRunner> logger)
{
    private const int MaxStepsPerPass = 200;

    public async Task<bool> ExecuteAsync(Guid runId, CancellationToken ct) => await ExecuteBatchAsync([runId], ct) == 1;

    /// <summary>
    /// Executes the due runs among <paramref name="runIds"/> and commits them together. Should the group
    /// commit fail (another worker saved one of them first), each run is tried again on its own.
    /// </summary>
    public async Task<int> ExecuteBatchAsync(IReadOnlyList<Guid> runIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false; // runs change through their methods: one DetectChanges before the save
        var now = time.GetUtcNow().UtcDateTime;
        var runs = (await db.Runs.Where(r => runIds.Contains(r.Id)).ToListAsync(ct))
            .Where(r => r.Status is RunStatus.Running or RunStatus.Waiting && r.ResumeAt <= now).ToList();
        if (runs.Count == 0)
        {
            return 0;
        }

        var eventIds = runs.Select(r => r.EventId).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var types = runs.Select(r => r.RecordType).Distinct().ToList();
        var keys = runs.Select(r => r.RecordKey).Distinct().ToList();
        var records = (await db.Records.AsNoTracking().Where(r => types.Contains(r.Type) && keys.Contains(r.Key)).ToListAsync(ct))
            .ToDictionary(r => (r.Type, r.Key));
        var recordTypes = await db.RecordTypes.AsNoTracking().Where(t => types.Contains(t.Type)).ToDictionaryAsync(t => t.Type, ct);
        var queued = 0;
        var lookups = new LookupCache(db);
        foreach (var run in runs)
        {
            var journal = new RunJournal(db, run, now);
            var flow = await flows.GetVersionAsync(run.FlowVersionId, ct);
            var recordType = recordTypes.GetValueOrDefault(run.RecordType) ?? RecordType.Create(run.RecordType, run.RecordType, []);
            await ExecuteOneAsync(db, run, flow, events.GetValueOrDefault(run.EventId), records.GetValueOrDefault((run.RecordType, run.RecordKey)),
                recordType, journal, lookups, now, ct);
            queued += journal.QueuedDeliveries;
        }

        try
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (runs.Count > 1)
        {
            logger.LogInformation(ex, "A group commit of {Count} runs failed; running them one by one.", runs.Count);
            var done = 0;
            foreach (var run in runs)
            {
                done += await ExecuteBatchAsync([run.Id], ct);
            }

            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Run {RunId} was saved by another worker first; this pass is dropped.", runs[0].Id);
            return 0;
        }

        if (queued > 0)
        {
            deliveriesWakeUp.Signal();
        }

        return runs.Count;
    }

    /// <summary>
    /// Executes the runs just started in <paramref name="db"/> (added, not yet saved) inside the caller's
    /// transaction, so an event, its runs, their journals and their deliveries are committed together and the
    /// run worker has nothing left to pick up. A run whose execution throws is put back as a fresh, unexecuted
    /// run for the worker to try again. Returns how many deliveries were queued.
    /// </summary>
    public async Task<int> ExecuteStartedAsync(NotifyDbContext db, DateTime now, CancellationToken ct)
    {
        var started = db.ChangeTracker.Entries<FlowRun>()
            .Where(e => e.State == EntityState.Added && e.Entity.Status == RunStatus.Running).Select(e => e.Entity).ToList();
        if (started.Count == 0)
        {
            return 0;
        }

        var events = db.ChangeTracker.Entries<RecordEvent>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var records = db.ChangeTracker.Entries<Record>().ToDictionary(e => (e.Entity.Type, e.Entity.Key), e => e.Entity);
        var types = db.ChangeTracker.Entries<RecordType>().ToDictionary(e => e.Entity.Type, e => e.Entity);
        var lookups = new LookupCache(db);
        var queued = 0;
        foreach (var run in started)
        {
            var flow = await flows.GetVersionAsync(run.FlowVersionId, ct);
            var journal = new RunJournal(db, run, now);
            try
            {
                await ExecuteOneAsync(db, run, flow, events.GetValueOrDefault(run.EventId), records.GetValueOrDefault((run.RecordType, run.RecordKey)),
                    types.GetValueOrDefault(run.RecordType) ?? RecordType.Create(run.RecordType, run.RecordType, []), journal, lookups, now, ct);
                queued += journal.QueuedDeliveries;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Run of flow {Flow} could not be executed at once; the run worker tries again.", run.FlowKey);
                journal.Discard();
                db.Runs.Add(FlowRun.Start(run.FlowVersionId, run.FlowKey, run.FlowVersion, run.EventId, run.EventType,
                    run.RecordType, run.RecordKey, flow?.Definition.Steps.FirstOrDefault()?.Id, now));
            }
        }

        return queued;
    }

    private async Task ExecuteOneAsync(NotifyDbContext db, FlowRun run, PublishedFlow? flow, RecordEvent? e, Record? record,
        RecordType recordType, RunJournal journal, LookupCache lookups, DateTime now, CancellationToken ct)
    {
        if (flow is null || e is null)
        {
            run.Fail(flow is null ? "The flow version is gone." : "The event is gone.", now);
            return;
        }

        if (record is null)
        {
            journal.Write("trigger", "trigger", "cancelled", "The record no longer exists.");
            run.Cancel("The record no longer exists.", now);
            return;
        }

        if (run.Status == RunStatus.Waiting)
        {
            run.Resume(now);
        }

        if (!run.AtTrigger || CheckDeadline(run, record, recordType, journal, flow.Definition, now))
        {
            var context = new StepContext { Run = run, Event = e, Record = record.Snapshot(), RecordType = recordType, Now = now, Db = db, Lookups = lookups, FlowRequired = flow.Definition.Required };
            await RunStepsAsync(context, flow.Definition, journal, ct);
        }
    }

    private static bool CheckDeadline(FlowRun run, Record record, RecordType type, RunJournal journal, FlowDefinition flow, DateTime now)
    {
        if (type.IsDone(record.Status))
        {
            journal.Write("trigger", "trigger", "cancelled", $"The {record.Type} is {record.Status}: the reminder is no longer needed.");
            run.Cancel($"The {record.Type} was done ({record.Status}) before the reminder.", now);
            return false;
        }

        if (record.Deadline is null)
        {
            journal.Write("trigger", "trigger", "cancelled", "The record no longer has a deadline.");
            run.Cancel("The deadline was removed.", now);
            return false;
        }

        journal.Write("trigger", "trigger", "deadline reached", $"{flow.Trigger.Deadline} ({record.Deadline:u}); status is '{record.Status}'.");
        run.MoveTo(flow.Steps.FirstOrDefault()?.Id, now);
        return true;
    }

    private async Task RunStepsAsync(StepContext context, FlowDefinition flow, RunJournal journal, CancellationToken ct)
    {
        var run = context.Run;
        for (var i = 0; i < MaxStepsPerPass; i++)
        {
            if (run.CurrentStepId is null)
            {
                run.Complete("The flow reached its end.", context.Now);
                return;
            }

            var index = flow.Steps.ToList().FindIndex(s => s.Id == run.CurrentStepId);
            var definition = index < 0 ? null : flow.Steps[index];
            var step = definition is null ? null : steps.Find(definition.Kind);
            if (definition is null || step is null)
            {
                journal.Write(run.CurrentStepId, definition?.Kind ?? "?", "failed", $"The flow has no runnable step '{run.CurrentStepId}'.");
                run.Fail($"Step '{run.CurrentStepId}' does not exist.", context.Now);
                return;
            }

            var result = await step.ExecuteAsync(context, definition, ct);
            journal.Write(definition.Id, definition.Kind, result.Outcome, result.Message);
            await journal.AddDeliveriesAsync(result, ct);
            var next = definition.Next ?? (index + 1 < flow.Steps.Count ? flow.Steps[index + 1].Id : null);
            switch (result.Decision)
            {
                case StepDecision.Continue:
                    run.MoveTo(result.EndsFlow ? null : result.JumpTo ?? next, context.Now);
                    break;
                case StepDecision.Wait:
                    run.WaitUntil(result.ResumeAt!.Value, result.FollowsRecordDate ? definition.Id : next, context.Now, result.FollowsRecordDate);
                    return;
                case StepDecision.End:
                    run.Complete(result.Message, context.Now);
                    return;
                default:
                    run.Fail(result.Message, context.Now);
                    return;
            }
        }

        run.Fail($"The run took more than {MaxStepsPerPass} steps at once; is there a loop?", context.Now);
    }
}
