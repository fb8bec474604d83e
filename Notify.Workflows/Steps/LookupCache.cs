using Microsoft.EntityFrameworkCore;
using Notify.Domain.Contacts;
using Notify.Domain.Templates;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Steps;

/// <summary>Templates and contacts read once per batch of runs instead of once per send step.</summary>
public sealed class LookupCache(NotifyDbContext db)
{
    private readonly Dictionary<string, MessageTemplate?> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Contact?> _contacts = new(StringComparer.Ordinal);

    public async Task<MessageTemplate?> TemplateAsync(string key, CancellationToken ct)
    {
        if (!_templates.TryGetValue(key, out var template))
        {
            template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
            _templates[key] = template;
        }

        return template;
    }

    public async Task<IReadOnlyList<Contact>> ContactsAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var missing = keys.Where(k => !_contacts.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var found = await db.Contacts.AsNoTracking().Where(c => missing.Contains(c.Key)).ToListAsync(ct);
            foreach (var key in missing)
            {
                _contacts[key] = found.FirstOrDefault(c => c.Key == key);
            }
        }

        return keys.Select(k => _contacts[k]).OfType<Contact>().ToList();
    }
}
