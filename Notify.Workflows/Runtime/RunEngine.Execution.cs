using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Runtime;

/// <summary>The engine's other half: executing runs (in the caller's commit, when due, or when a person asks) and saving them.</summary>
public sealed partial class RunEngine
{
    /// <summary>
    /// Under <see cref="ExecutionPolicy.InCommit"/>, executes the first pass of the runs just started in the caller's
    /// unit of work, so they commit with the event that started them. Under <see cref="ExecutionPolicy.AfterCommit"/>
    /// they are left for the worker, which it wakes once the caller has committed.
    /// </summary>
    public async Task ExecuteStartedAsync(NotifyDbContext db, DateTime now, CancellationToken ct)
    {
        if (Policy != ExecutionPolicy.InCommit)
        {
            return;
        }

        var started = db.ChangeTracker.Entries<FlowRun>()
            .Where(e => e.State == EntityState.Added && e.Entity.Status == RunStatus.Running).Select(e => e.Entity).ToList();
        if (started.Count == 0)
        {
            return;
        }

        var batch = new RunBatch(
            db.ChangeTracker.Entries<RecordEvent>().ToDictionary(e => e.Entity.Id, e => e.Entity),
            db.ChangeTracker.Entries<Record>().ToDictionary(e => (e.Entity.Type, e.Entity.Key), e => e.Entity),
            db.ChangeTracker.Entries<RecordType>().ToDictionary(e => e.Entity.Type, e => e.Entity));
        await executor.ExecuteAsync(db, started, batch, now, ct);
    }

    /// <summary>Saves a unit of work in which runs changed; commit the transaction, then hand the result to <see cref="Wake"/>.</summary>
    public Task<CommitSignals> SaveAsync(NotifyDbContext db, CancellationToken ct) => RunUnitOfWork.SaveAsync(db, metrics, ct);

    /// <summary>Wakes the dispatcher for new deliveries, and the run worker for runs left to it.</summary>
    public void Wake(CommitSignals signals)
    {
        if (signals.DeliveriesQueued) deliveriesWakeUp.Signal();
        if (signals.RunsLeftForTheWorker) runsWakeUp.Signal();
    }

    /// <summary>Executes every due run, a batch per commit, until none is due; returns how many passes went through.</summary>
    public async Task<int> ExecuteDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var (claimed, executed) = await ExecuteBatchAsync(null, ct);
            total += executed;
            if (claimed < BatchSize || executed == 0)
            {
                return total;
            }
        }
    }

    /// <summary>Executes one run now if it is due; false when it is not due, not open, or another worker saved it first.</summary>
    public async Task<bool> ExecuteAsync(Guid runId, CancellationToken ct) => (await ExecuteBatchAsync(runId, ct)).Executed == 1;

    /// <summary>A person asks for a faulted run to be tried again; Support may.</summary>
    public Task RetryAsync(Guid runId, string who, CancellationToken ct) => ChangeAsync(runId, (run, now) => run.RetryByPerson(who, now), ct);

    /// <summary>A person cancels a run that is waiting or faulted.</summary>
    public Task CancelAsync(Guid runId, string who, CancellationToken ct) => ChangeAsync(runId, (run, now) => run.Cancel($"Cancelled by {who}.", now), ct);

    private async Task ChangeAsync(Guid runId, Action<FlowRun, DateTime> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("Run", runId.ToString());
        try
        {
            change(run, time.GetUtcNow().UtcDateTime);
        }
        catch (InvalidOperationException ex)
        {
            throw new ValidationException("status", ex.Message);
        }

        Wake(await SaveAsync(db, ct));
    }

    private async Task<(int Claimed, int Executed)> ExecuteBatchAsync(Guid? only, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false; // runs change through their methods: one DetectChanges before the save
        await using var tx = claims.LocksRows ? await db.Database.BeginTransactionAsync(ct) : null;
        var now = time.GetUtcNow().UtcDateTime;
        var runs = only is { } id
            ? await db.Runs.Where(r => r.Id == id && (r.Status == RunStatus.Running || r.Status == RunStatus.Waiting) && r.ResumeAt <= now).ToListAsync(ct)
            : await claims.ClaimAsync(db, now, BatchSize, ct);
        if (runs.Count == 0)
        {
            return (0, 0);
        }

        using var activity = Observability.NotifyTracing.Source.StartActivity("run pass");
        activity?.SetTag("notify.runs", runs.Count);
        foreach (var run in runs.Where(r => r.ResumeAt is not null))
        {
            metrics.DueRunPicked(now - run.ResumeAt!.Value);
        }

        var eventIds = runs.Select(r => r.EventId).Distinct().ToList();
        var types = runs.Select(r => r.RecordType).Distinct().ToList();
        var batch = new RunBatch(
            await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct),
            await db.Records.AsNoTracking().NamedAsync(runs.Select(r => (r.RecordType, r.RecordKey)), ct),
            await db.RecordTypes.AsNoTracking().Where(t => types.Contains(t.Type)).ToDictionaryAsync(t => t.Type, ct));
        await executor.ExecuteAsync(db, runs, batch, now, ct);
        CommitSignals signals;
        try
        {
            // SQLite: the transaction (and so the write lock) starts only now, after the steps ran, for the bulk insert.
            await using var sqliteTx = tx is null && db.Database.IsSqlite() ? await db.Database.BeginTransactionAsync(ct) : null;
            signals = await SaveAsync(db, ct);
            if ((tx ?? sqliteTx) is { } commit) await commit.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The safety net under the claims: another worker saved one of these runs first; nothing of this pass stands.
            logger.LogWarning("A pass of {Count} runs lost to another worker's save; it is dropped.", runs.Count);
            return (runs.Count, 0);
        }

        Wake(signals with { RunsLeftForTheWorker = false });
        return (runs.Count, runs.Count);
    }
}
