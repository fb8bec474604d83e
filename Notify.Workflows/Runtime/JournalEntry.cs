namespace Notify.Workflows.Runtime;

/// <summary>
/// One line of a run's story: which step, when, what it decided and why. Written only by <see cref="FlowRun"/>, and
/// kept with the run itself (<see cref="RunJournal"/>), so a run and its story are one row, saved together.
/// </summary>
public sealed record JournalEntry(DateTime At, string StepId, string Kind, JournalVerdict Verdict, string Message)
{
    /// <summary>The step id of lines about the run's trigger (a reminder scheduled, moved, reached or withdrawn).</summary>
    public const string TriggerStep = "trigger";

    internal const int MaxMessage = 4000;

    public bool IsAboutTrigger => StepId == TriggerStep;
}
