namespace Notify.Workflows.Definitions;

/// <summary>What changed from one version of a flow to the next, in words: "the trigger is now …; added 'Tell the manager': Send …".</summary>
public static class FlowDiff
{
    public static string Between(FlowDefinition? before, FlowDefinition after)
    {
        if (before is null) return "The first version.";
        var changes = new List<string>();
        if (before.Name != after.Name) changes.Add($"renamed '{after.Name}'");
        var was = FlowDescriber.Triggers(before);
        var now = FlowDescriber.Triggers(after);
        if (was != now) changes.Add($"the trigger is now \"{now}\" (was \"{was}\")");
        if (before.Required != after.Required) changes.Add(after.Required ? "it is now required (goes to people who turned it off)" : "it is no longer required");

        var old = before.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var step in after.Steps)
        {
            if (!old.TryGetValue(step.Id, out var previous))
            {
                changes.Add($"added {Name(step)}: {FlowDescriber.Step(step)}");
            }
            else if (FlowDescriber.Step(previous) != FlowDescriber.Step(step))
            {
                changes.Add($"{Name(step)} now: {FlowDescriber.Step(step)} (was: {FlowDescriber.Step(previous)})");
            }
            else if (FlowJson.Serialize(new FlowDefinition { Steps = [previous] }) != FlowJson.Serialize(new FlowDefinition { Steps = [step] }))
            {
                changes.Add($"{Name(step)} changed where it leads or what it is called");
            }
        }

        changes.AddRange(before.Steps.Where(s => after.Steps.All(a => a.Id != s.Id)).Select(s => $"removed {Name(s)}"));
        return changes.Count == 0 ? "No change to what the flow does (only its layout or wording)." : Capitalize(string.Join("; ", changes)) + ".";
    }

    private static string Name(StepDefinition step) => $"'{step.Title ?? step.Id}'";

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
