namespace Notify.Workflows.Runtime;

public enum RunStatus
{
    /// <summary>Due to run now (just started, or a wait that is over).</summary>
    Running,

    /// <summary>Saved with a <see cref="FlowRun.ResumeAt"/>: a delay or a deadline reminder.</summary>
    Waiting,

    Completed,

    Failed,

    /// <summary>Withdrawn: the task was done before its reminder, or an admin cancelled it.</summary>
    Cancelled,

    /// <summary>Executing it kept throwing; it waits for a person to retry or cancel it.</summary>
    Faulted,

    /// <summary>Reached its end, but its send steps left everybody out (no consent, no address, turned off…): a warning, not a success.</summary>
    NobodyReached,
}
