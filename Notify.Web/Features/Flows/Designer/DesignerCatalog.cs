using Microsoft.EntityFrameworkCore;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>What the designer offers to pick from: record types, templates (and the channels they have text for), recipient roles.</summary>
public sealed record DesignerCatalog(
    IReadOnlyList<(string Type, string Name)> RecordTypes,
    IReadOnlyList<DesignerTemplate> Templates,
    IReadOnlyList<string> Roles)
{
    /// <summary>Roles every record has, whatever its contacts: its assignees, and those just assigned.</summary>
    public static readonly IReadOnlyList<string> BuiltInRoles = ["assignees", "newAssignees"];

    public static async Task<DesignerCatalog> LoadAsync(IDbContextFactory<NotifyDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.RecordTypes.AsNoTracking().OrderBy(t => t.Type).Select(t => new { t.Type, t.Name }).ToListAsync(ct);
        var templates = await db.Templates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

        // Contact roles as host systems use them on records (customer, manager…), from a sample of recent records.
        var contacts = await db.Records.AsNoTracking().OrderByDescending(r => r.UpdatedAt).Take(500).Select(r => r.Contacts).ToListAsync(ct);
        var roles = contacts.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        return new DesignerCatalog(
            types.Select(t => (t.Type, t.Name)).ToList(),
            templates.Select(t => new DesignerTemplate(t.Key, t.Name, t.Content)).ToList(),
            roles.Concat(BuiltInRoles).ToList());
    }

    /// <summary>The roles to show as tick boxes: the known ones plus any the flow already uses.</summary>
    public IReadOnlyList<string> RolesFor(IReadOnlyList<string> chosen) =>
        Roles.Concat(chosen.Where(r => !Roles.Contains(r, StringComparer.Ordinal))).ToList();
}

/// <summary>A template the designer can pick, with its own text (to say which channels it has nothing for).</summary>
public sealed record DesignerTemplate(string Key, string Name, Notify.Domain.Templates.TemplateContent Content)
{
    public bool Covers(string channel) => !Notify.Domain.Messaging.ChannelNames.TryParse(channel, out var c) || Content.Has(c);
}
