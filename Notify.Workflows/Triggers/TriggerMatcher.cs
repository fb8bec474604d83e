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
            return TriggerMatch.No($"only for {string.Join(", ", trigger.RecordTypes)} records, this was a {e.RecordType}");
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

        return TriggerMatch.Yes;
    }

    /// <summary>Whether a deadline trigger watches this record type.</summary>
    public static bool WatchesDeadlinesOf(TriggerDefinition trigger, string recordType) =>
        trigger.Event == EventTypes.Deadline && trigger.Deadline is not null
        && (trigger.RecordTypes.Count == 0 || trigger.RecordTypes.Contains(recordType, StringComparer.OrdinalIgnoreCase));
}
