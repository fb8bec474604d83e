using Microsoft.EntityFrameworkCore;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Runtime;

/// <summary>
/// Wakes the runs waiting at a "wait for" step when what they wait for may have happened: a message they sent changed
/// (read, delivered, failed), or their record changed or got an event. A woken run is due now; its step looks again and
/// either goes on or waits on until its time-out. A wake-up that is missed only delays the run: the step always looks
/// before it times out.
/// </summary>
public sealed class WaitingRuns(IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, RunsWakeUp wakeUp, Observability.NotifyMetrics metrics)
{
    private const int Tries = 3;

    /// <summary>The record changed or an event arrived on it, in the caller's unit of work: its runs waiting for that are due now.</summary>
    public async Task RecordChangedAsync(NotifyDbContext db, string recordType, string recordKey, DateTime now, CancellationToken ct)
    {
        var stored = await db.Runs
            .Where(r => r.RecordType == recordType && r.RecordKey == recordKey && r.Status == RunStatus.Waiting && r.WaitingFor == RunSignal.Record)
            .ToListAsync(ct);
        foreach (var run in stored)
        {
            run.Woken(now);
        }
    }

    /// <summary>Messages of these runs changed (after their own commit): the runs waiting for one to be read or delivered are due now.</summary>
    public async Task MessagesChangedAsync(IEnumerable<Guid?> runIds, CancellationToken ct)
    {
        var ids = runIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var runs = await db.Runs.Where(r => ids.Contains(r.Id) && r.Status == RunStatus.Waiting && r.WaitingFor == RunSignal.Message).ToListAsync(ct);
            if (runs.Count == 0)
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            foreach (var run in runs)
            {
                run.Woken(now);
            }

            try
            {
                await RunUnitOfWork.SaveAsync(db, metrics, ct);
                wakeUp.Signal();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Tries)
            {
                // a worker saved one of them meanwhile: look again
            }
        }
    }
}
