using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Notify.Domain.Messaging;
using Notify.Workflows.Channels;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Dispatch;

/// <summary>
/// Claims due deliveries, hands them to their channel's provider and records the outcome. The claim
/// (Queued → Sending) is saved before the provider is called, so a crash leaves a visible in-doubt row,
/// never a silent resend; at start-up such rows are redone (idempotent providers), checked with the provider
/// (one that can say what it received), or marked for review. An attempt in doubt — a stop mid-send or no answer —
/// is only repeated after the provider said it does not have the message.
/// </summary>
public sealed class DeliveryDispatcher(
    IDbContextFactory<NotifyDbContext> dbFactory,
    ChannelProviders providers,
    TimeProvider time,
    DeliveriesWakeUp wakeUp,
    Channels.InApp.InAppMessages inApp,
    Microsoft.Extensions.Options.IOptions<DatabaseOptions> database,
    Microsoft.Extensions.Options.IOptions<Channels.QuietHoursOptions> quietHours,
    DeliveryClaims claims,
    WaitingRuns waitingRuns,
    Observability.NotifyMetrics metrics,
    Observability.WorkerHeartbeats heartbeats,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    private readonly DeliveryAttempter _attempts = new(quietHours.Value.ToQuietHours(out _), time, metrics, logger);

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 50;

    /// <summary>
    /// How long a claim may stay in Sending before it counts as abandoned. One node (SQLite): whatever is in Sending
    /// when the app starts was left by a stopped process. Several nodes (PostgreSQL): another node may be sending
    /// right now, so only claims older than any send can take count, and every node looks for them every minute.
    /// </summary>
    private bool SharedDatabase => database.Value.Provider == DatabaseProvider.Postgres;

    private TimeSpan ClaimLease => SharedDatabase ? TimeSpan.FromMinutes(2) : TimeSpan.Zero;

    /// <summary>Deliveries left in Sending by a crash: redo the harmless ones, ask the provider about those it can tell, mark the others for a person.</summary>
    public async Task<int> RecoverInDoubtAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var claimedBefore = now - ClaimLease;
        var stuck = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Sending && d.UpdatedAt <= claimedBefore).ToListAsync(ct);
        foreach (var delivery in stuck)
        {
            var provider = providers.For(delivery.Channel);
            if (provider.IsIdempotent && delivery.Provider == provider.Name)
            {
                delivery.MarkInterruptedResend(now);
            }
            else if (provider is ISentMessageLookup && delivery.Provider == provider.Name)
            {
                delivery.MarkInterruptedCheckFirst(now);
            }
            else
            {
                delivery.MarkInDoubt(now);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // another node reconciled them first
        }

        if (stuck.Count > 0)
        {
            logger.LogWarning("{Count} deliveries were caught mid-send by a stop and were reconciled.", stuck.Count);
        }

        return stuck.Count;
    }

    /// <summary>Sends every due delivery once; returns how many were handed to a provider.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            List<Guid> due;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                due = await db.Deliveries.AsNoTracking()
                    .Where(d => d.Status == DeliveryStatus.Queued && d.NextAttemptAt <= now)
                    .OrderBy(d => d.NextAttemptAt)
                    .Select(d => d.Id)
                    .Take(BatchSize)
                    .ToListAsync(ct);
            }

            total += await DispatchBatchAsync(due, ct);

            if (due.Count < BatchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        heartbeats.Beat(Observability.WorkerHeartbeats.Deliveries);
        await RecoverInDoubtAsync(stoppingToken);
        var recovered = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeats.Beat(Observability.WorkerHeartbeats.Deliveries);
            try
            {
                if (SharedDatabase && time.GetUtcNow() - recovered >= TimeSpan.FromMinutes(1))
                {
                    recovered = time.GetUtcNow();
                    await RecoverInDoubtAsync(stoppingToken);
                }

                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The dispatch pass failed; retrying.");
            }

            await wakeUp.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>
    /// Claims a batch in one commit. Deliveries whose provider is idempotent (sandbox, in-app) are sent and
    /// recorded together; the others are sent one at a time with their outcome committed at once, so a crash
    /// leaves at most one of them in doubt.
    /// </summary>
    private async Task<int> DispatchBatchAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        List<Domain.Messaging.Delivery> claimed;
        await using (var tx = await claims.BeginAsync(db, ct))
        {
            claimed = await claims.QueuedAsync(db, ids, ct);
            foreach (var delivery in claimed.Where(d => providers.For(d.Channel).IsIdempotent))
            {
                delivery.MarkSending(providers.For(delivery.Channel).Name, time.GetUtcNow().UtcDateTime);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                if (tx is not null) await tx.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return 0;
            }
        }

        var cheap = claimed.Where(d => d.Status == DeliveryStatus.Sending).ToList();

        foreach (var delivery in cheap)
        {
            await _attempts.MakeAsync(providers.For(delivery.Channel), delivery, ct);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await waitingRuns.MessagesChangedAsync(cheap.Select(d => d.RunId), CancellationToken.None);
        inApp.Publish(cheap.Where(d => d.Channel == Channel.InApp && d.ContactKey is not null).Select(d => d.ContactKey!));
        var sent = cheap.Count;
        foreach (var delivery in claimed.Except(cheap))
        {
            sent += await DispatchOneAsync(delivery.Id, ct) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> DispatchOneAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Domain.Messaging.Delivery? delivery;
        await using (var tx = await claims.BeginAsync(db, ct))
        {
            delivery = (await claims.QueuedAsync(db, [id], ct)).FirstOrDefault();
            if (delivery is null)
            {
                return false; // sent already, or another node is claiming it right now
            }

            delivery.MarkSending(providers.For(delivery.Channel).Name, time.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
                if (tx is not null) await tx.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
        }

        await _attempts.MakeAsync(providers.For(delivery.Channel), delivery, ct);
        await db.SaveChangesAsync(CancellationToken.None);
        await waitingRuns.MessagesChangedAsync([delivery.RunId], CancellationToken.None);
        return true;
    }
}
