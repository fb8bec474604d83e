using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Observability;

/// <summary>Ready only when the database answers and every migration this build knows has been applied to it.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<NotifyDbContext> dbFactory, DatabaseInitializer schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    return HealthCheckResult.Unhealthy("The database does not answer.");
                }
            }

            var pending = await schema.PendingMigrationsAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is up to date.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied yet, the first '{pending[0]}'.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database could not be reached: {ex.Message}");
        }
    }
}
