using System.Collections.Concurrent;

namespace Notify.Workflows.Observability;

/// <summary>
/// The background workers' sign of life: each beats once per pass. Measured on the process's own clock, not the
/// business clock, so a test that moves time forward does not make a worker look stuck.
/// </summary>
public sealed class WorkerHeartbeats
{
    public const string DueRuns = "due runs";
    public const string Deliveries = "deliveries";

    /// <summary>A worker that has not beaten for this long counts as stuck: longer than any one pass may take.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, long> _beats = new();

    public void Beat(string worker) => _beats[worker] = Environment.TickCount64;

    /// <summary>How long ago the worker last beat; null when it never has.</summary>
    public TimeSpan? SinceLastBeat(string worker) =>
        _beats.TryGetValue(worker, out var at) ? TimeSpan.FromMilliseconds(Environment.TickCount64 - at) : null;
}
