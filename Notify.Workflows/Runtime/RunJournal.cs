using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Runtime;

/// <summary>Collects a run's journal lines and deliveries for one pass; skips delivery keys that already exist.</summary>
public sealed class RunJournal(NotifyDbContext db, FlowRun run, DateTime now)
{
    private readonly List<object> _added = [];

    public int QueuedDeliveries { get; private set; }

    public void Write(string stepId, string kind, string outcome, string message) =>
        _added.Add(db.Journal.Add(JournalEntry.Write(run.Id, stepId, kind, outcome, message, now)).Entity);

    public async Task AddDeliveriesAsync(StepResult result, CancellationToken ct)
    {
        var all = result.Deliveries.Select(d => (Draft: d, Reason: (string?)null))
            .Concat(result.Skipped.Select(s => (s.Draft, Reason: (string?)s.Reason))).ToList();
        if (all.Count == 0)
        {
            return;
        }

        // A run that is not saved yet cannot have deliveries in the database.
        var keys = all.Select(a => a.Draft.DeliveryKey).ToList();
        var existing = db.Entry(run).State == EntityState.Added
            ? []
            : await db.Deliveries.Where(d => keys.Contains(d.DeliveryKey)).Select(d => d.DeliveryKey).ToListAsync(ct);
        foreach (var (draft, reason) in all.Where(a => !existing.Contains(a.Draft.DeliveryKey)))
        {
            _added.Add(db.Deliveries.Add(reason is null ? Delivery.Queue(draft, now) : Delivery.Skip(draft, reason, now)).Entity);
            QueuedDeliveries += reason is null ? 1 : 0;
        }
    }

    /// <summary>Takes back everything this pass added, and the run itself, from the unit of work.</summary>
    public void Discard()
    {
        foreach (var entity in _added)
        {
            db.Entry(entity).State = EntityState.Detached;
        }

        db.Entry(run).State = EntityState.Detached;
        QueuedDeliveries = 0;
    }
}
