using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Persistence;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Runtime;

/// <summary>Answers "which flows ran for this event, and why (or why not)?" from the stored versions, runs and journal.</summary>
public sealed class EventExplainer(IDbContextFactory<NotifyDbContext> dbFactory)
{
    public async Task<EventExplanation?> ExplainAsync(Guid eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return null;
        }

        var versions = (await db.FlowVersions.AsNoTracking().Where(v => v.PublishedAt <= e.OccurredAt).ToListAsync(ct))
            .GroupBy(v => v.FlowKey).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.FlowKey, StringComparer.Ordinal).ToList();
        var runs = await db.Runs.AsNoTracking().Where(r => r.EventId == e.Id).ToListAsync(ct);
        var runIds = runs.Select(r => r.Id).ToList();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.RunId != null && runIds.Contains(d.RunId.Value))
            .Select(d => new { d.RunId, d.Status }).ToListAsync(ct);
        var verdicts = new List<FlowVerdict>();
        foreach (var version in versions)
        {
            var definition = version.Definition();
            var run = runs.FirstOrDefault(r => r.FlowKey == version.FlowKey);
            var match = e.Type == EventTypes.DeadlineChanged && TriggerMatcher.WatchesDeadlinesOf(definition, e.RecordType)
                ? TriggerMatch.Yes
                : TriggerMatcher.Match(definition, e);
            if (run is null)
            {
                verdicts.Add(new FlowVerdict(version.FlowKey, definition.Name, version.Version, false,
                    match.Matches ? "The trigger fits, but no run was started (the flow was published after the event was matched)." : $"Not started: it {match.Reason}."));
                continue;
            }

            var lines = run.ReadJournal();
            var decisive = lines.LastOrDefault(j => j.Verdict is JournalVerdict.ConditionNotMet or JournalVerdict.Failed
                or JournalVerdict.Cancelled or JournalVerdict.Faulted) ?? lines.LastOrDefault();
            var mine = deliveries.Where(d => d.RunId == run.Id).ToList();
            verdicts.Add(new FlowVerdict(version.FlowKey, definition.Name, run.FlowVersion, true, Describe(run, decisive))
            {
                RunId = run.Id,
                RunStatus = run.Status,
                DeliveriesSent = mine.Count(d => d.Status is not (DeliveryStatus.Skipped or DeliveryStatus.Failed or DeliveryStatus.Cancelled)),
                DeliveriesSkipped = mine.Count(d => d.Status == DeliveryStatus.Skipped),
            });
        }

        return new EventExplanation(e.Id, e.Type, e.RecordType, e.RecordKey, e.OccurredAt, verdicts);
    }

    private static string Describe(FlowRun run, JournalEntry? line) => run.Status switch
    {
        RunStatus.Waiting when run.AtTrigger => $"A reminder is waiting until {run.ResumeAt:u}.",
        RunStatus.Waiting => $"Waiting until {run.ResumeAt:u} at step '{run.CurrentStepId}'.",
        RunStatus.Running => "Started; being executed now.",
        _ when line is { Verdict: JournalVerdict.ConditionNotMet } => $"Ran, but stopped at '{line.StepId}': {line.Message}",
        RunStatus.Failed => $"Failed: {run.Outcome}",
        RunStatus.Faulted => $"Stopped for a person to look at: {run.Outcome}",
        RunStatus.Cancelled => $"Cancelled: {run.Outcome}",
        RunStatus.NobodyReached => $"Ran to the end but reached nobody: {line?.Message ?? run.Outcome}",
        _ => $"Ran to the end: {line?.Message ?? run.Outcome}",
    };
}
