using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Runtime;

/// <summary>
/// Picks the due runs a worker executes. On PostgreSQL several nodes share the database, so the rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c> inside the worker's transaction: each due run goes to exactly one node, and another
/// node takes the next ones instead of waiting or losing its commit. SQLite has one node, and one writer at a time.
/// </summary>
public sealed class DueRunClaims(IOptions<DatabaseOptions> database)
{
    public bool LocksRows => database.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>Up to <paramref name="count"/> due runs, the longest due first; on PostgreSQL locked until the caller's transaction ends.</summary>
    public Task<List<FlowRun>> ClaimAsync(NotifyDbContext db, DateTime now, int count, CancellationToken ct)
    {
        if (!LocksRows)
        {
            return db.Runs.Where(r => (r.Status == RunStatus.Running || r.Status == RunStatus.Waiting) && r.ResumeAt <= now)
                .OrderBy(r => r.ResumeAt).Take(count).ToListAsync(ct);
        }

        var runs = StoreNames.Of<FlowRun>(db);
        var (status, resumeAt) = (runs.Column(nameof(FlowRun.Status)), runs.Column(nameof(FlowRun.ResumeAt)));
        var sql = $$"""
            SELECT * FROM {{runs.Table}}
            WHERE {{status}} IN ('{{RunStatus.Running}}', '{{RunStatus.Waiting}}') AND {{resumeAt}} <= {0}
            ORDER BY {{resumeAt}}
            LIMIT {1}
            FOR UPDATE SKIP LOCKED
            """;
        return db.Runs.FromSqlRaw(sql, now, count).ToListAsync(ct);
    }
}
