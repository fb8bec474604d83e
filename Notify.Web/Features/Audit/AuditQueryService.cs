using Microsoft.EntityFrameworkCore;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Access;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Audit;

/// <summary>The audit log, filtered and paged in the database.</summary>
public sealed class AuditQueryService(IDbContextFactory<NotifyDbContext> dbFactory)
{
    public async Task<PageOf<AuditEntry>> SearchAsync(string? subject, string? text, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(subject)) query = query.Where(a => a.Subject == subject);
        if (!string.IsNullOrWhiteSpace(text)) query = query.Where(a => a.SubjectKey.Contains(text) || a.Actor.Contains(text) || a.Detail.Contains(text));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PageOf<AuditEntry>(items, total, page, pageSize);
    }
}
