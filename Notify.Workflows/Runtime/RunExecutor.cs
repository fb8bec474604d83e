using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Persistence;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Runtime;

/// <summary>
/// Executes one pass of each run of a batch: from where it stands until it ends or waits. A pass that throws is
/// undone whole and the run is tried again later, or faulted after <see cref="EngineOptions.MaxAttempts"/>.
/// Steps only decide; the deliveries they decide are added to the unit of work here, once per delivery key.
/// </summary>
public sealed class RunExecutor(
    StepRegistry steps, PublishedFlowCache flows, Organisation.OrganisationSettingsStore organisation, Triggers.WorkCalendar calendar,
    IOptions<Organisation.OrganisationOptions> place, IOptions<EngineOptions> options, Observability.NotifyMetrics metrics, ILogger<RunExecutor> logger)
{
    private const int MaxStepsPerPass = 200;

    internal async Task ExecuteAsync(NotifyDbContext db, IReadOnlyList<FlowRun> runs, RunBatch batch, DateTime now, CancellationToken ct)
    {
        var reads = new DbStepReads(db, organisation);
        var shared = new SharedStepWork();
        foreach (var run in runs)
        {
            var decided = new List<(DeliveryDraft Draft, string? Skipped)>();
            var collected = new List<Digests.DigestItem>();
            var flow = await flows.GetVersionAsync(run.FlowVersionId, ct);
            run.BeginPass(options.Value.Node);
            try
            {
                await PassAsync(run, flow, batch, reads, shared, decided, collected, now, ct);
                decided = await WithoutExistingAsync(db, run, decided, ct);
                run.EndPass();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "A pass of run {RunId} of flow {Flow} threw (attempt {Attempt}).", run.Id, run.FlowKey, run.Attempts + 1);
                var max = Math.Max(1, options.Value.MaxAttempts);
                run.PassThrew(ex.Message, RunRetryPolicy.NextAttempt(run.Attempts + 1, max, now), max, now);
                continue;
            }

            db.DigestItems.AddRange(collected);
            foreach (var (draft, skipped) in decided)
            {
                db.Deliveries.Add(skipped is null ? Delivery.Queue(draft, now) : Delivery.Skip(draft, skipped, now));
            }
        }
    }

    private async Task PassAsync(FlowRun run, PublishedFlow? flow, RunBatch batch, IStepReads reads, SharedStepWork shared,
        List<(DeliveryDraft, string?)> decided, List<Digests.DigestItem> collected, DateTime now, CancellationToken ct)
    {
        var e = batch.Events.GetValueOrDefault(run.EventId);
        var record = batch.Records.GetValueOrDefault((run.RecordType, run.RecordKey));
        if (flow is null || e is null)
        {
            run.Fail(run.CurrentStepId ?? JournalEntry.TriggerStep, "run", flow is null ? "The flow version is gone." : "The event is gone.", now);
            return;
        }

        if (record is null)
        {
            run.Cancel("The record no longer exists.", now);
            return;
        }

        // A run's first pass judges the record as its own event left it; after a wait, as it is now.
        var seen = run.IsFresh ? e.Current : record.Snapshot();
        var type = batch.RecordTypes.GetValueOrDefault(run.RecordType) ?? RecordType.Create(run.RecordType, run.RecordType, []);
        var resumed = run.WaitingFor is not null && run is { CurrentStepId: { } at, WaitingSince: { } since } ? new ResumedWait(at, since) : null;
        if (run.Status == RunStatus.Waiting)
        {
            run.Resume(now);
        }

        if (run.AtTrigger && !ReminderStillNeeded(run, seen, type, flow.Definition, now))
        {
            return;
        }

        var context = new StepContext
        {
            RunId = run.Id, FlowKey = run.FlowKey, Event = e, Record = seen, RecordType = type, Now = now,
            FlowRequired = flow.Definition.Required, Throttle = flow.Definition.Throttle, IgnoreQuietHours = flow.Definition.IgnoreQuietHours, Reads = reads, Calendar = calendar, Zone = place.Value.Zone, Resumed = resumed, Shared = shared,
        };
        await StepsAsync(run, flow.Definition, context, decided, collected, ct);
    }

    private static bool ReminderStillNeeded(FlowRun run, RecordSnapshot record, RecordType type, FlowDefinition flow, DateTime now)
    {
        if (type.IsDone(record.Status))
        {
            run.Cancel($"The {record.Type} is {record.Status}: the reminder is no longer needed.", now);
            return false;
        }

        if (record.Deadline is null)
        {
            run.Cancel("The record no longer has a deadline.", now);
            return false;
        }

        run.DeadlineReached(flow.Steps.FirstOrDefault()?.Id, $"{flow.DeadlineTrigger?.Deadline} ({record.Deadline:u}); status is '{record.Status}'.", now);
        return true;
    }

    private async Task StepsAsync(
        FlowRun run, FlowDefinition flow, StepContext context, List<(DeliveryDraft, string?)> decided, List<Digests.DigestItem> collected, CancellationToken ct)
    {
        var now = context.Now;
        for (var i = 0; i < MaxStepsPerPass; i++)
        {
            if (run.CurrentStepId is null)
            {
                run.Complete("The flow reached its end.", now);
                return;
            }

            var index = flow.Steps.ToList().FindIndex(s => s.Id == run.CurrentStepId);
            var definition = index < 0 ? null : flow.Steps[index];
            var step = definition is null ? null : steps.Find(definition.Kind);
            if (definition is null || step is null)
            {
                run.Fail(run.CurrentStepId, definition?.Kind ?? "run", $"The flow has no runnable step '{run.CurrentStepId}'.", now);
                return;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await step.ExecuteAsync(context, definition, ct);
            var waitsOn = result.WakesOn is not null && context.Resumed?.StepId == definition.Id // woken, but nothing happened and nothing new was decided
                && result.Deliveries.Count == 0 && result.Skipped.Count == 0;
            context.Resumed = null; // only the step the run waited at resumes its wait; a later visit waits afresh
            metrics.StepTook(definition.Kind, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            if (result.Decision == StepDecision.Fail)
            {
                run.Fail(definition.Id, definition.Kind, result.Message, now);
                return;
            }

            if (!waitsOn) run.StepDecided(definition.Id, definition.Kind, result.Verdict, result.Message, now); // the journal already says it waits
            decided.AddRange(result.Deliveries.Select(d => (d, (string?)null)));
            decided.AddRange(result.Skipped.Select(s => (s.Draft, (string?)s.Reason)));
            collected.AddRange(result.Collected);
            var next = flow.NextOf(index);
            switch (result.Decision)
            {
                case StepDecision.Continue:
                    run.MoveTo(result.EndsFlow ? null : result.JumpTo ?? next, now);
                    break;
                case StepDecision.Wait when result.WakesOn is { } signal:
                    run.WaitFor(definition.Id, signal, result.ResumeAt!.Value, now);
                    return;
                case StepDecision.Wait:
                    run.WaitUntil(result.ResumeAt!.Value, result.FollowsRecordDate ? definition.Id : next, result.FollowsRecordDate, now);
                    return;
                default:
                    run.Complete(result.Message, now);
                    return;
            }
        }

        run.Fail(run.CurrentStepId ?? JournalEntry.TriggerStep, "run", $"The run took more than {MaxStepsPerPass} steps at once; is there a loop?", now);
    }

    /// <summary>A delivery key the database already has was decided by an earlier pass: it is not decided again.</summary>
    private static async Task<List<(DeliveryDraft Draft, string? Skipped)>> WithoutExistingAsync(
        NotifyDbContext db, FlowRun run, List<(DeliveryDraft Draft, string? Skipped)> decided, CancellationToken ct)
    {
        if (decided.Count == 0 || db.Entry(run).State == EntityState.Added)
        {
            return decided; // a run not saved yet has no deliveries in the database
        }

        var keys = decided.Select(d => d.Draft.DeliveryKey).ToList();
        var existing = (await db.Deliveries.Where(d => keys.Contains(d.DeliveryKey)).Select(d => d.DeliveryKey).ToListAsync(ct)).ToHashSet();
        return decided.Where(d => !existing.Contains(d.Draft.DeliveryKey)).ToList();
    }
}

/// <summary>What the runs of a batch need besides themselves: their events, their records as they are now, and record types.</summary>
public sealed record RunBatch(
    IReadOnlyDictionary<Guid, RecordEvent> Events,
    IReadOnlyDictionary<(string Type, string Key), Record> Records,
    IReadOnlyDictionary<string, RecordType> RecordTypes);
