using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.WaitFor;

/// <summary>A "wait for" step's condition and time-out in the words the designer, the journal and "In short" use.</summary>
public static class WaitForWords
{
    /// <summary>"the message of 'notify' to be read", "the order to be done or cancelled".</summary>
    public static string What(WaitForStepDefinition step) => step.For switch
    {
        WaitForWhat.Read => $"the message of '{step.Step}' to be read",
        WaitForWhat.Delivered => $"the message of '{step.Step}' to be delivered",
        WaitForWhat.Status => $"the record's status to become {Or(step.Statuses)}",
        _ => $"a '{step.EventType}' event",
    };

    /// <summary>"2 hours".</summary>
    public static string TimeOut(WaitForStepDefinition step) => new DeadlineOffset(step.Amount, step.Unit, OffsetDirection.After).Duration;

    /// <summary>"go to 'escalate'", "end the run".</summary>
    public static string Go(string? target) => target is null or StepDefinition.End ? "the run ends" : $"going to '{target}'";

    private static string Or(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "(none chosen)",
        1 => $"'{items[0]}'",
        _ => string.Join(", ", items.Take(items.Count - 1).Select(s => $"'{s}'")) + $" or '{items[^1]}'",
    };
}
