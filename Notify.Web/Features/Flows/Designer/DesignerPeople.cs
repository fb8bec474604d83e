using Microsoft.EntityFrameworkCore;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>
/// Whom a send step can reach beyond the record's own roles, as the stored data has it: contacts' own roles, groups, and
/// the roles on linked records (<c>link:customer/notification-recipient</c>, from recent records' links). The designer
/// offers these as tick boxes and warns about a recipient nobody matches.
/// </summary>
public sealed record DesignerPeople(
    IReadOnlyList<string> OwnRoles, IReadOnlyList<string> Groups, IReadOnlyList<string> LinkRoles, IReadOnlySet<string> ContactKeys,
    IReadOnlySet<string> RecordRoles)
{
    private const int Sample = 500;

    public static async Task<DesignerPeople> LoadAsync(NotifyDbContext db, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking().Select(c => new { c.Key, c.Roles, c.Groups }).ToListAsync(ct);
        var records = await db.Records.AsNoTracking().OrderByDescending(r => r.UpdatedAt).Take(Sample).Select(r => new { r.Contacts, r.Links }).ToListAsync(ct);
        var links = records.SelectMany(r => r.Links).Select(l => (Name: l.Key, Target: RecordLink.TryParse(l.Value, out var t) ? t : null))
            .Where(l => l.Target is not null).Distinct().Take(Sample).ToList();
        var targets = links.Select(l => l.Target!).Distinct().ToList();
        var types = targets.Select(t => t.Type).Distinct().ToList();
        var keys = targets.Select(t => t.Key).Distinct().ToList();
        var linked = (await db.Records.AsNoTracking().Where(r => types.Contains(r.Type) && keys.Contains(r.Key)).Select(r => new { r.Type, r.Key, r.Contacts }).ToListAsync(ct))
            .ToDictionary(r => new RecordLink(r.Type, r.Key), r => r.Contacts.Keys);
        var linkRoles = links.SelectMany(l => linked.TryGetValue(l.Target!, out var roles) ? roles.Select(role => $"link:{l.Name}/{role}") : [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new DesignerPeople(
            contacts.SelectMany(c => c.Roles).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            contacts.SelectMany(c => c.Groups).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            linkRoles,
            contacts.Select(c => c.Key).ToHashSet(StringComparer.Ordinal),
            records.SelectMany(r => r.Contacts.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Every send step's recipient nobody matches: the step's place and id, the recipient's place, and why, in words.</summary>
    public IEnumerable<(int StepIndex, string StepId, int RecipientIndex, string Message)> NobodyIn(Notify.Workflows.Definitions.FlowDefinition flow) =>
        flow.Steps.Select((step, i) => (Send: step as Notify.Workflows.Steps.Send.SendStepDefinition, i)).Where(x => x.Send is not null)
            .SelectMany(x => x.Send!.Recipients.Select((who, j) => (x.i, x.Send.Id, j, who, Why: NobodyFor(who))))
            .Where(x => x.Why is not null)
            .Select(x => (x.i, x.Id, x.j, $"{Steps.RecipientChoice.Label(x.who)}: {x.Why}."));

    /// <summary>Why nobody would get a message sent to <paramref name="recipient"/>, as far as the stored data tells; null when someone may.</summary>
    public string? NobodyFor(string recipient)
    {
        var colon = recipient.IndexOf(':');
        var (prefix, value) = colon > 0 ? (recipient[..colon], recipient[(colon + 1)..]) : ("", recipient);
        return prefix switch
        {
            "" when DesignerCatalog.BuiltInRoles.Contains(recipient, StringComparer.OrdinalIgnoreCase) => null,
            "" when !RecordRoles.Contains(value) => $"no record seen has a '{value}' contact, so nobody would get this yet",
            "role" when !OwnRoles.Contains(value, StringComparer.OrdinalIgnoreCase) => $"no contact has the role '{value}'",
            "group" when !Groups.Contains(value, StringComparer.OrdinalIgnoreCase) => $"nobody is in the group '{value}'",
            "contact" when !ContactKeys.Contains(value) => $"there is no contact '{value}'",
            "link" when !value.Contains('/', StringComparison.Ordinal) => $"'{recipient}' names no role: choose link:LINK/ROLE",
            "link" when !LinkRoles.Contains(recipient, StringComparer.OrdinalIgnoreCase) => $"no linked record seen has this ({Steps.RecipientChoice.Label(recipient)})",
            "email" or "phone" or "role" or "group" or "contact" or "link" or "" => null,
            _ => $"'{prefix}:' is not a kind of recipient: use a role, link:, role:, group:, contact:, email: or phone:",
        };
    }
}
