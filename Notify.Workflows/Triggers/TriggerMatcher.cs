using Notify.Domain.Records;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Triggers;

/// <summary>Says whether a trigger fits an event, and if not, why — for the explain view.</summary>
public static class TriggerMatcher
{
    public static TriggerMatch Match(TriggerDefinition trigger, RecordEvent e)
    {
        if (!string.Equals(trigger.Event, e.Type, StringComparison.OrdinalIgnoreCase))
        {
            return TriggerMatch.No($"listens for {trigger.Event}, this was {e.Type}");
        }

        if (trigger.RecordTypes.Count > 0 && !trigger.RecordTypes.Contains(e.RecordType, StringComparer.OrdinalIgnoreCase))
        {
            return TriggerMatch.No($"only for {string.Join(", ", trigger.RecordTypes)} records, and this record is of type {e.RecordType}");
        }

        if (e.Type == EventTypes.StatusChanged)
        {
            if (trigger.FromStatuses.Count > 0 && !trigger.FromStatuses.Contains(e.FromStatus ?? "", StringComparer.OrdinalIgnoreCase))
            {
                return TriggerMatch.No($"only from {string.Join(", ", trigger.FromStatuses)}, this came from '{e.FromStatus}'");
            }

            if (trigger.ToStatuses.Count > 0 && !trigger.ToStatuses.Contains(e.ToStatus ?? "", StringComparer.OrdinalIgnoreCase))
            {
                return TriggerMatch.No($"only to {string.Join(", ", trigger.ToStatuses)}, this went to '{e.ToStatus}'");
            }
        }

        if (e.Type == EventTypes.Changed && trigger.Fields is { Count: > 0 } watched && !RecordDiff.Watches(watched, e.ChangedFields()))
        {
            return TriggerMatch.No($"watches {string.Join(", ", watched)}, and this change was to {string.Join(", ", e.ChangedFields())}");
        }

        return TriggerMatch.Yes;
    }

    /// <summary>The first of a flow's triggers that fits the event, or why none does.</summary>
    public static TriggerMatch Match(FlowDefinition flow, RecordEvent e)
    {
        var misses = new List<string>();
        foreach (var trigger in flow.AllTriggers)
        {
            var match = Match(trigger, e);
            if (match.Matches) return match;
            misses.Add(match.Reason!);
        }

        return TriggerMatch.No(string.Join("; and ", misses.Distinct()));
    }

    /// <summary>Whether a deadline trigger watches this record type.</summary>
    public static bool WatchesDeadlinesOf(FlowDefinition flow, string recordType) => flow.DeadlineTrigger is { } t && WatchesDeadlinesOf(t, recordType);

    public static bool WatchesDeadlinesOf(TriggerDefinition trigger, string recordType) =>
        trigger.Event == EventTypes.Deadline && trigger.Deadline is not null
        && (trigger.RecordTypes.Count == 0 || trigger.RecordTypes.Contains(recordType, StringComparer.OrdinalIgnoreCase));
}
