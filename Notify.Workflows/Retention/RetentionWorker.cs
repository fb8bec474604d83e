using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Notify.Workflows.Retention;

/// <summary>Sweeps a little after start-up and then every hour, with a short pause between chunks.</summary>
internal sealed class RetentionWorker(RetentionSweeper sweeper, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (sweeper.Days <= 0)
        {
            return;
        }

        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var swept = await sweeper.SweepAsync(Pause, stoppingToken);
                if (swept.Deliveries + swept.Runs > 0)
                {
                    logger.LogInformation("Retention ({Days} days) deleted {Deliveries} messages, {Attempts} attempts, {Runs} runs with their journals.",
                        sweeper.Days, swept.Deliveries, swept.Attempts, swept.Runs);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The retention sweep failed; it tries again in an hour.");
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}
