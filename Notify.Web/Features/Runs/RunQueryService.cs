using Microsoft.EntityFrameworkCore;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Runs;

/// <summary>Runs and their journals, paged in the database; for the Runs page and the API.</summary>
public sealed class RunQueryService(IDbContextFactory<NotifyDbContext> dbFactory)
{
    public async Task<PageOf<RunRow>> SearchAsync(
        string? flow, RunStatus? status, string? record, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Runs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(flow)) query = query.Where(r => r.FlowKey == flow);
        if (status is { } s) query = query.Where(r => r.Status == s);
        var key = SearchText.Fold(record?.Trim());
        if (key.Length > 0) query = query.Where(r => SearchText.Fold(r.RecordKey).Contains(key));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).Select(RunRow.Projection).ToListAsync(ct);
        return new PageOf<RunRow>(items, total, page, pageSize);
    }

    public async Task<RunDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(RunRow.Projection).FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return null;
        }

        var stored = await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => r.JournalJson).FirstAsync(ct);
        var journal = RunJournal.Read(stored).Select(j => new JournalRow(j.At, j.StepId, j.Kind, j.Verdict, j.Message)).ToList();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.RunId == id).OrderBy(d => d.CreatedAt)
            .Select(DeliveryRow.Projection).ToListAsync(ct);
        return new RunDetails(run, journal, deliveries);
    }
}
