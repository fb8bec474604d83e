using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Workflows.Conditions.Builder;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>What the designer offers to pick from: record types, templates (and the channels they have text for), recipient roles.</summary>
public sealed record DesignerCatalog(
    IReadOnlyList<(string Type, string Name)> RecordTypes,
    IReadOnlyList<DesignerTemplate> Templates,
    IReadOnlyList<string> Roles,
    IReadOnlyList<DesignerDataField>? DataFields = null)
{
    /// <summary>Who else a send can reach, as the stored contacts and records have it; null: not known, so nothing is warned about.</summary>
    public DesignerPeople? People { get; init; }

    /// <summary>Finds contacts by name or key, for a send to one person; null: no search (nothing to search in).</summary>
    public Func<string?, CancellationToken, Task<IReadOnlyList<DesignerPerson>>>? FindPeople { get; init; }

    private const int SamplePerType = 200;

    /// <summary>Roles every record has, whatever its contacts: its assignees, and those just assigned.</summary>
    public static readonly IReadOnlyList<string> BuiltInRoles = ["assignees", "newAssignees"];

    public static async Task<DesignerCatalog> LoadAsync(IDbContextFactory<NotifyDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.RecordTypes.AsNoTracking().OrderBy(t => t.Type).Select(t => new { t.Type, t.Name, t.ContactRoles }).ToListAsync(ct);
        var templates = await db.Templates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

        // The contact roles admins declared on the record types (customer, manager…), so a role a host system sent once by
        // mistake is never offered; where none is declared yet, the roles host systems use on recent records.
        var declared = types.SelectMany(t => t.ContactRoles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var roles = declared.Count > 0 ? declared
            : (await db.Records.AsNoTracking().OrderByDescending(r => r.UpdatedAt).Take(500).Select(r => r.Contacts).ToListAsync(ct))
                .SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // Data fields as host systems send them, per record type and per custom event type, with the kind of value seen.
        var fields = new List<DesignerDataField>();
        foreach (var type in types)
        {
            var data = await db.Records.AsNoTracking().Where(r => r.Type == type.Type).OrderByDescending(r => r.UpdatedAt).Take(SamplePerType)
                .Select(r => r.DataJson).ToListAsync(ct);
            fields.AddRange(JsonValueKinds.Keys(data).Select(kv => new DesignerDataField("record", type.Type, kv.Key, kv.Value)));
        }

        var events = await db.Events.AsNoTracking().Where(e => !e.Type.StartsWith("record.") && e.DataJson != "{}")
            .OrderByDescending(e => e.OccurredAt).Take(SamplePerType).Select(e => new { e.Type, e.DataJson }).ToListAsync(ct);
        foreach (var byType in events.GroupBy(e => e.Type))
        {
            fields.AddRange(JsonValueKinds.Keys(byType.Select(e => e.DataJson)).Select(kv => new DesignerDataField("event", byType.Key, kv.Key, kv.Value)));
        }

        return new DesignerCatalog(
            types.Select(t => (t.Type, t.Name)).ToList(),
            templates.Select(t => new DesignerTemplate(t.Key, t.Name, t.Content)).ToList(),
            roles.Concat(BuiltInRoles).ToList(),
            fields) { People = await DesignerPeople.LoadAsync(db, ct), FindPeople = (text, token) => FindPeopleAsync(dbFactory, text, token) };
    }

    private static async Task<IReadOnlyList<DesignerPerson>> FindPeopleAsync(IDbContextFactory<NotifyDbContext> dbFactory, string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Contacts.AsNoTracking();
        var t = SearchText.Fold(text?.Trim());
        if (t.Length > 0) query = query.Where(c => SearchText.Fold(c.Name).Contains(t) || SearchText.Fold(c.Key).Contains(t));
        return await query.OrderBy(c => c.Name).Take(10).Select(c => new DesignerPerson(c.Key, c.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// What a condition in this flow can test: the built-in fields, and the data fields seen on records of the flow's record
    /// types (every type when it names none) and on its custom event; a key seen with two kinds reads as text.
    /// </summary>
    public ConditionFields ConditionFieldsFor(FlowDesign design)
    {
        var own = (DataFields ?? []).Where(f => f.Owner == "record"
            ? design.RecordTypes.Count == 0 || design.RecordTypes.Contains(f.Scope, StringComparer.Ordinal)
            : design.Event == FlowDesign.CustomEvent && f.Scope == design.CustomEventType.Trim());
        return new ConditionFields(own.Where(f => f.Type is not null).GroupBy(f => (f.Owner, f.Key))
            .Select(g => ConditionField.Data(g.Key.Owner, g.Key.Key, g.Select(f => f.Type!.Value).Distinct().Count() == 1 ? g.First().Type!.Value : FieldType.Text)));
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

