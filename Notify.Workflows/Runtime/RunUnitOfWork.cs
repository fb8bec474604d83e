using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Runtime;

/// <summary>
/// Saves a unit of work in which runs changed. The attempts deliveries ended are added first, what to wake afterwards is
/// read from the unit of work before anything is written, and on SQLite the many small rows of a group commit go
/// through one prepared statement per table. Every caller saves runs through here, so none can get the order wrong.
/// </summary>
internal static class RunUnitOfWork
{
    /// <summary>The rows a group commit adds by the thousand; records and record types still go through EF.</summary>
    private static readonly Type[] BulkInserted = [typeof(Domain.Records.RecordEvent), typeof(FlowRun), typeof(Delivery)];

    public static async Task<CommitSignals> SaveAsync(NotifyDbContext db, Observability.NotifyMetrics metrics, CancellationToken ct)
    {
        db.AddEndedAttempts();
        var tally = RunTally.Of(db);
        var signals = new CommitSignals(
            db.ChangeTracker.Entries<Delivery>().Any(e => e.State == EntityState.Added && e.Entity.Status == DeliveryStatus.Queued),
            db.ChangeTracker.Entries<FlowRun>().Any(e => e.State != EntityState.Deleted && DueNow(e.Entity)));
        if (db.Database.IsSqlite() && db.Database.CurrentTransaction is not null)
        {
            await SqliteBulkInsert.InsertAddedAsync(db, BulkInserted, ct);
        }

        db.ChangeTracker.DetectChanges(); // once, over what is left: the bulk-inserted rows are no longer tracked
        await db.SaveChangesAsync(ct);
        tally.Report(metrics);
        return signals;
    }

    /// <summary>Running, or waiting for a time no later than its last change (woken, or a wait worked out again): the worker's at once.</summary>
    private static bool DueNow(FlowRun run) => run.Status == RunStatus.Running || run.Status == RunStatus.Waiting && run.ResumeAt <= run.UpdatedAt;

    /// <summary>What a unit of work does to runs and events, counted before the bulk insert stops tracking them.</summary>
    private sealed record RunTally(int Events, int Started, IReadOnlyList<RunStatus> Ended)
    {
        private static readonly RunStatus[] Ends = [RunStatus.Completed, RunStatus.NobodyReached, RunStatus.Failed, RunStatus.Faulted, RunStatus.Cancelled];

        public static RunTally Of(NotifyDbContext db)
        {
            var runs = db.ChangeTracker.Entries<FlowRun>().Where(e => e.State != EntityState.Deleted).ToList();
            var ended = runs
                .Where(e => Ends.Contains(e.Entity.Status) && (e.State == EntityState.Added || e.Property(r => r.Status).OriginalValue != e.Entity.Status))
                .Select(e => e.Entity.Status).ToList();
            return new RunTally(
                db.ChangeTracker.Entries<Domain.Records.RecordEvent>().Count(e => e.State == EntityState.Added),
                runs.Count(e => e.State == EntityState.Added),
                ended);
        }

        public void Report(Observability.NotifyMetrics metrics)
        {
            metrics.EventsIngested(Events);
            metrics.RunsStarted(Started);
            foreach (var status in Ended) metrics.RunEnded(status);
        }
    }
}

/// <summary>What a commit leaves for the background workers: deliveries to send, runs to execute.</summary>
public readonly record struct CommitSignals(bool DeliveriesQueued, bool RunsLeftForTheWorker);
