using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Templates;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Templates;

/// <summary>Templates: every part is compiled when saved, so errors are caught with their position, not at send time.</summary>
public sealed class TemplateService(IDbContextFactory<NotifyDbContext> dbFactory, TemplateRenderer renderer, TimeProvider time, Notify.Workflows.Access.AuditLog audit)
{
    public async Task<IReadOnlyList<TemplateView>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Templates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(t => TemplateView.From(t, renderer)).ToList();
    }

    public async Task<TemplateView?> GetAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Templates.AsNoTracking().FirstOrDefaultAsync(x => x.Key == key, ct);
        return t is null ? null : TemplateView.From(t, renderer);
    }

    public async Task<(TemplateView Template, bool Created)> SaveAsync(string key, TemplateBody body, CancellationToken ct)
    {
        Keys.Require(key, "key");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var template = await db.Templates.FirstOrDefaultAsync(x => x.Key == key, ct);
        var created = template is null;
        var content = body.Content ?? new TemplateContent();
        if (template is null)
        {
            template = MessageTemplate.Create(key, body.Name ?? "", body.Language ?? "nb", content, renderer, now, body.Translations, body.RequiredFields);
            db.Templates.Add(template);
        }
        else
        {
            template.Require(body.RequiredFields);
            template.Update(body.Name ?? "", body.Language ?? template.Language, content, renderer, now, body.Translations);
        }

        audit.Record(db, created ? "created" : "changed", "template", key, body);
        await db.SaveChangesAsync(ct);
        return (TemplateView.From(template, renderer), created);
    }
}
