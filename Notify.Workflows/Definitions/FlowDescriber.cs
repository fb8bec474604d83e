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
            EventTypes.Deadline => t.Deadline is null ? $"At {what}'s deadline" : $"{Capitalize(t.Deadline.ToString())} of {what}",
            _ => $"When {what} gets the event '{t.Event}'",
        };
    }

    public static string Step(StepDefinition step) => Steps.StepKinds.Of(step).Describe(step);

    private static bool StartsWithVowel(string word) => word.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(word[0]));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
