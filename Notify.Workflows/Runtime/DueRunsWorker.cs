using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Runtime;

/// <summary>Resumes runs whose time has come: new runs at once, delays and deadline reminders when due.</summary>
public sealed class DueRunsWorker(
    IDbContextFactory<NotifyDbContext> dbFactory,
    FlowRunner runner,
    TimeProvider time,
    RunsWakeUp wakeUp,
    ILogger<DueRunsWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 100;

    /// <summary>Runs every due run once; returns how many ran. Tests call this after moving the clock.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            List<Guid> due;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                due = await db.Runs.AsNoTracking()
                    .Where(r => (r.Status == RunStatus.Running || r.Status == RunStatus.Waiting) && r.ResumeAt <= now)
                    .OrderBy(r => r.ResumeAt)
                    .Select(r => r.Id)
                    .Take(BatchSize)
                    .ToListAsync(ct);
            }

            var ran = 0;
            try
            {
                ran = await runner.ExecuteBatchAsync(due, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A batch of {Count} runs failed; running them one by one.", due.Count);
                foreach (var id in due)
                {
                    try
                    {
                        ran += await runner.ExecuteAsync(id, ct) ? 1 : 0;
                    }
                    catch (Exception one) when (one is not OperationCanceledException)
                    {
                        logger.LogError(one, "Run {RunId} could not be executed; it stays due and is tried again.", id);
                    }
                }
            }

            total += ran;
            if (due.Count < BatchSize || ran == 0)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
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
