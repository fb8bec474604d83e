namespace Notify.Workflows.Runtime;

/// <summary>How the run engine executes runs (<c>Notify:Engine</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>Where the steps of a run just started execute; see <see cref="ExecutionPolicy"/>.</summary>
    public ExecutionPolicy Execution { get; set; } = ExecutionPolicy.InCommit;

    /// <summary>How many passes in a row may throw before a run is faulted for a person to look at (1 faults at once).</summary>
    public int MaxAttempts { get; set; } = RunRetryPolicy.DefaultMaxAttempts;

    /// <summary>How many due runs one worker pass claims and commits together.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>This node's name in the runs it executes; by default the machine name and process id.</summary>
    public string Node { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}

/// <summary>
/// Where a new run's first pass executes. Either way the record, its events and the runs they start commit together,
/// and every step of a run's first pass sees the record as its own event left it.
/// </summary>
public enum ExecutionPolicy
{
    /// <summary>In the upsert's own commit: the answer to the host system comes after the runs' first steps.</summary>
    InCommit,

    /// <summary>Right after the upsert's commit, in the run worker's own group commit.</summary>
    AfterCommit,
}
