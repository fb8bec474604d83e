using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Notify.Workflows.Dispatch;
using Notify.Workflows.Ingest;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Observability;

/// <summary>Ready only while the workers that resume runs and send deliveries are running and beating, and the ingest writer has not stopped.</summary>
internal sealed class WorkersHealthCheck(DueRunsWorker dueRuns, DeliveryDispatcher dispatcher, IngestService ingest, WorkerHeartbeats heartbeats) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        Check(dueRuns, WorkerHeartbeats.DueRuns, problems);
        Check(dispatcher, WorkerHeartbeats.Deliveries, problems);
        if (!ingest.WriterAlive) problems.Add("The ingest writer has stopped.");
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("The due-runs worker, the delivery dispatcher and the ingest writer are running.")
            : HealthCheckResult.Unhealthy(string.Join(" ", problems)));
    }

    private void Check(BackgroundService worker, string name, List<string> problems)
    {
        var since = heartbeats.SinceLastBeat(name);
        if (worker.ExecuteTask is { IsCompleted: true })
        {
            problems.Add($"The {name} worker has stopped.");
        }
        else if (since is null)
        {
            problems.Add($"The {name} worker has not started yet.");
        }
        else if (since > WorkerHeartbeats.Stale)
        {
            problems.Add($"The {name} worker has not finished a pass for {(int)since.Value.TotalMinutes} minutes.");
        }
    }
}
