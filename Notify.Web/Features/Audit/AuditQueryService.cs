using Microsoft.EntityFrameworkCore;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Audit;

/// <summary>The audit log, filtered and paged in the database; each entry compared with the state the one before it for the same thing left.</summary>
public sealed class AuditQueryService(IDbContextFactory<NotifyDbContext> dbFactory)
{
    public async Task<PageOf<AuditRow>> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Subject)) query = query.Where(a => a.Subject == filter.Subject);
        var actor = SearchText.Fold(filter.Actor?.Trim());
        var text = SearchText.Fold(filter.Text?.Trim());
        if (actor.Length > 0) query = query.Where(a => SearchText.Fold(a.Actor).Contains(actor));
        if (text.Length > 0) query = query.Where(a => SearchText.Fold(a.SubjectKey).Contains(text) || SearchText.Fold(a.Actor).Contains(text) || SearchText.Fold(a.Detail).Contains(text));
        if (filter.From is { } from) query = query.Where(a => a.At >= from);
        if (filter.To is { } to) query = query.Where(a => a.At < to);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        var rows = new List<AuditRow>(items.Count);
        foreach (var entry in items)
        {
            // A change is compared with the state the thing's creation or last change left; other entries stand alone.
            var previous = entry.Action != "changed" ? null : await db.Audit.AsNoTracking()
                .Where(a => a.Subject == entry.Subject && a.SubjectKey == entry.SubjectKey && a.Id < entry.Id && (a.Action == "created" || a.Action == "changed" || a.Action == "invited" || a.Action == "deactivated" || a.Action == "reactivated"))
                .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstOrDefaultAsync(ct);
            rows.Add(AuditRow.From(entry, previous));
        }

        return new PageOf<AuditRow>(rows, total, page, pageSize);
    }
}
