namespace Notify.Workflows.Steps.WaitFor;

/// <summary>What a "wait for" step waits for.</summary>
public enum WaitForWhat
{
    /// <summary>The in-app message of an earlier send step is read.</summary>
    Read,

    /// <summary>The message of an earlier send step reached the person (SMS delivery report; email accepted by the mail server; in-app shown).</summary>
    Delivered,

    /// <summary>The record reaches one of the given statuses.</summary>
    Status,

    /// <summary>A custom event of a given type arrives on the record.</summary>
    Event,
}
