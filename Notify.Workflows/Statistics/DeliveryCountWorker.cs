using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Notify.Workflows.Statistics;

/// <summary>Counts the changed days every ten seconds, so the dashboard is at most that far behind.</summary>
internal sealed class DeliveryCountWorker(DeliveryCountRoller roller, TimeProvider time, ILogger<DeliveryCountWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await roller.RollUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Counting the messages per day failed; the next pass tries again.");
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}
