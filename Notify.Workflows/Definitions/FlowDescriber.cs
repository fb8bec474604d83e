using Notify.Domain.Records;

namespace Notify.Workflows.Definitions;

/// <summary>Says a flow in words a business admin reads: "When an order's status changes to ready…".</summary>
public static class FlowDescriber
{
    public static string Trigger(TriggerDefinition t)
    {
        var what = t.RecordTypes.Count == 0 ? "a record" : string.Join(" or ", t.RecordTypes.Select(r => $"a{(StartsWithVowel(r) ? "n" : "")} {r}"));
        return t.Event switch
        {
            EventTypes.Created => $"When {what} is created",
            EventTypes.StatusChanged => $"When {what}'s status changes" +
                (t.FromStatuses.Count > 0 ? $" from {string.Join(" or ", t.FromStatuses)}" : "") +
                (t.ToStatuses.Count > 0 ? $" to {string.Join(" or ", t.ToStatuses)}" : ""),
            EventTypes.Assigned => $"When someone is assigned to {what}",
            EventTypes.Changed => t.Fields is { Count: > 0 } fields
                ? $"When {what}'s {Join(fields.Select(FieldWords))} changes"
                : $"When anything about {what} changes",
            EventTypes.Deadline => t.Deadline is null ? $"At {what}'s deadline" : $"{Capitalize(t.Deadline.ToString())} of {what}",
            _ => $"When {what} gets the event '{t.Event}'",
        };
    }

    /// <summary>Every trigger of a flow: "When an order is created, or when an order's booking start changes".</summary>
    public static string Triggers(FlowDefinition flow) =>
        string.Join(", or ", flow.AllTriggers.Select((t, i) => i == 0 ? Trigger(t) : Lower(Trigger(t))));

    /// <summary>A watched field in words: "status", "deadline", "booking start" for data.booking_start.</summary>
    public static string FieldWords(string field) =>
        field.StartsWith(RecordDiff.DataPrefix, StringComparison.OrdinalIgnoreCase) ? field[RecordDiff.DataPrefix.Length..].Replace('_', ' ') : field;

    private static string Join(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " or " + list[^1];
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    public static string Step(StepDefinition step) => Steps.StepKinds.Of(step).Describe(step);

    private static bool StartsWithVowel(string word) => word.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(word[0]));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
