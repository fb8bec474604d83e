namespace Notify.Workflows.Runtime;

/// <summary>What wakes a run that waits for something to happen (besides its time running out).</summary>
public enum RunSignal
{
    /// <summary>A message the run sent changed: it was read, delivered or failed.</summary>
    Message,

    /// <summary>The run's record changed, or an event arrived on it.</summary>
    Record,
}
