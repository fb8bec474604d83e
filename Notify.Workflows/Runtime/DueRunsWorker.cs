using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Notify.Workflows.Runtime;

/// <summary>Resumes runs whose time has come: new runs at once, delays and deadline reminders when due.</summary>
public sealed class DueRunsWorker(
    RunEngine engine,
    Digests.DigestFlusher digests,
    RunsWakeUp wakeUp,
    Observability.WorkerHeartbeats heartbeats,
    ILogger<DueRunsWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs every due run once, then sends the digests whose time has come; returns how many runs ran. Tests call this after moving the clock.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var ran = await engine.ExecuteDueAsync(ct);
        await digests.FlushDueAsync(ct);
        return ran;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeats.Beat(Observability.WorkerHeartbeats.DueRuns);
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The due-runs pass failed; retrying.");
            }

            await wakeUp.WaitAsync(PollInterval, stoppingToken);
        }
    }
}
