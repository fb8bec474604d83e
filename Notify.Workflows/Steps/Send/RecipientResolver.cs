using Notify.Domain.Records;

namespace Notify.Workflows.Steps.Send;

/// <summary>
/// Turns recipient roles (customer, assignees, link:customer/notification-recipient, group:ops, role:technician,
/// email:x@y) into people, at send time.
/// </summary>
public static class RecipientResolver
{
    public static async Task<(IReadOnlyList<Recipient> People, IReadOnlyList<string> Notes)> ResolveAsync(
        IStepReads reads, IReadOnlyList<string> roles, RecordSnapshot record, RecordEvent e, CancellationToken ct)
    {
        var keys = new List<string>();
        var fixedPeople = new List<Recipient>();
        var notes = new List<string>();
        var groups = new List<string>();
        var ownRoles = new List<string>();
        foreach (var raw in roles)
        {
            var role = raw.Trim();
            var (prefix, value) = role.Contains(':') ? (role[..role.IndexOf(':')].ToLowerInvariant(), role[(role.IndexOf(':') + 1)..]) : ("", role);
            switch (prefix)
            {
                case "group": groups.Add(value); break;
                case "role": ownRoles.Add(value); break;
                case "contact": keys.Add(value); break;
                case "link": keys.AddRange(await LinkedAsync(reads, record, value, notes, ct)); break;
                case "email": fixedPeople.Add(new Recipient($"email:{value}", value, null, FixedEmail: value)); break;
                case "phone": fixedPeople.Add(new Recipient($"phone:{value}", value, null, FixedPhone: value)); break;
                default:
                    if (role.Equals("assignees", StringComparison.OrdinalIgnoreCase))
                    {
                        keys.AddRange(record.Assignees);
                        if (record.Assignees.Count == 0) notes.Add("the record has no assignees");
                    }
                    else if (role.Equals("newAssignees", StringComparison.OrdinalIgnoreCase))
                    {
                        keys.AddRange(e.AddedAssignees);
                    }
                    else if (record.Contacts.TryGetValue(role.ToLowerInvariant(), out var named))
                    {
                        keys.AddRange(RoleContacts.Keys(named));
                    }
                    else
                    {
                        notes.Add($"the record has no '{role}' contact");
                    }

                    break;
            }
        }

        var distinct = keys.Distinct().ToList();
        var contacts = (await reads.ContactsAsync(distinct, ct)).ToList();
        if (groups.Count > 0)
        {
            var members = await reads.GroupMembersAsync(groups, ct);
            if (members.Count == 0) notes.Add($"nobody is in {string.Join(", ", groups.Select(g => $"group '{g}'"))}");
            contacts.AddRange(members.Where(m => contacts.All(c => c.Key != m.Key)));
            distinct.AddRange(members.Select(m => m.Key).Where(k => !distinct.Contains(k)));
        }

        if (ownRoles.Count > 0)
        {
            var holders = await reads.RoleMembersAsync(ownRoles, ct);
            if (holders.Count == 0) notes.Add($"nobody has {string.Join(" or ", ownRoles.Select(r => $"the role '{r}'"))}");
            contacts.AddRange(holders.Where(h => contacts.All(c => c.Key != h.Key)));
            distinct.AddRange(holders.Select(h => h.Key).Where(k => !distinct.Contains(k)));
        }

        var people = distinct.Select(k => contacts.FirstOrDefault(c => c.Key == k) is { } c
                ? new Recipient(c.Key, c.Name, c)
                : new Recipient(k, k, null) { Missing = $"no contact with the key '{k}' is known" })
            .Concat(fixedPeople.DistinctBy(p => p.Key))
            .ToList();
        return (people, notes);
    }

    /// <summary><c>LINK/ROLE</c>: the contacts with ROLE on the record this one links as LINK.</summary>
    private static async Task<IReadOnlyList<string>> LinkedAsync(IStepReads reads, RecordSnapshot record, string value, List<string> notes, CancellationToken ct)
    {
        var slash = value.IndexOf('/');
        var (name, role) = slash > 0 ? (value[..slash].Trim().ToLowerInvariant(), value[(slash + 1)..].Trim().ToLowerInvariant()) : (value.Trim().ToLowerInvariant(), "");
        if (role.Length == 0)
        {
            notes.Add($"'link:{value}' names no role: write link:{name}/ROLE");
            return [];
        }

        if (!record.Links.TryGetValue(name, out var target) || !RecordLink.TryParse(target, out var link))
        {
            notes.Add($"the record has no '{name}' link");
            return [];
        }

        if (await reads.RecordAsync(link.Type, link.Key, ct) is not { } linked)
        {
            notes.Add($"the linked {link.Type} '{link.Key}' is not known");
            return [];
        }

        if (!linked.Contacts.TryGetValue(role, out var named) || RoleContacts.Keys(named) is not { Count: > 0 } keys)
        {
            notes.Add($"the linked {link.Type} '{link.Key}' has no '{role}' contact");
            return [];
        }

        return keys;
    }
}
