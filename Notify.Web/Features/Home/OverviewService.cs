using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Home;

/// <summary>The figures on the overview: what is published, waiting, sent and in trouble.</summary>
public sealed class OverviewService(IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time)
{
    public async Task<Overview> GetAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Overview(
            await db.Flows.CountAsync(f => f.PublishedVersion > 0, ct),
            await db.Runs.CountAsync(r => r.Status == RunStatus.Waiting, ct),
            await db.Deliveries.CountAsync(d => d.CreatedAt >= since && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Delivered || d.Status == DeliveryStatus.Read), ct),
            await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.NeedsReview, ct),
            await db.Runs.CountAsync(r => r.Status == RunStatus.Failed, ct),
            await db.Runs.CountAsync(r => r.Status == RunStatus.Faulted, ct),
            await db.Runs.CountAsync(r => r.Status == RunStatus.NobodyReached && r.EndedAt >= since, ct));
    }
}

public sealed record Overview(int PublishedFlows, int WaitingRuns, int SentLastDay, int DeliveriesNeedingAttention, int FailedRuns, int FaultedRuns, int UnreachedRunsLastDay);
