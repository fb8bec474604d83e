using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Dispatch;

/// <summary>
/// Loads queued deliveries for the dispatcher to claim. On PostgreSQL the rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c> in a transaction the claim commits, so two nodes never claim the same delivery and
/// neither waits for the other; the status concurrency token stays as the safety net. SQLite has one node.
/// </summary>
public sealed class DeliveryClaims(IOptions<DatabaseOptions> database)
{
    private bool LocksRows => database.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>A transaction to claim in, on PostgreSQL; null on SQLite.</summary>
    public async Task<IDbContextTransaction?> BeginAsync(NotifyDbContext db, CancellationToken ct) =>
        LocksRows ? await db.Database.BeginTransactionAsync(ct) : null;

    /// <summary>Those of <paramref name="ids"/> still queued and not being claimed by another node right now.</summary>
    public Task<List<Delivery>> QueuedAsync(NotifyDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (!LocksRows)
        {
            return db.Deliveries.Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Queued).ToListAsync(ct);
        }

        var deliveries = StoreNames.Of<Delivery>(db);
        var sql = $$"""
            SELECT * FROM {{deliveries.Table}}
            WHERE {{deliveries.Column(nameof(Delivery.Id))}} = ANY({0}) AND {{deliveries.Column(nameof(Delivery.Status))}} = '{{DeliveryStatus.Queued}}'
            FOR UPDATE SKIP LOCKED
            """;
        return db.Deliveries.FromSqlRaw(sql, ids.ToArray()).ToListAsync(ct);
    }
}
