using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Contacts;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Contacts;

/// <summary>People: created, changed, found and removed; the Contacts page and the API both call this.</summary>
public sealed class ContactService(IDbContextFactory<NotifyDbContext> dbFactory, PhoneNumberNormalizer phones, TimeProvider time, Notify.Workflows.Access.AuditLog audit)
{
    public async Task<(ContactView Contact, bool Created)> UpsertAsync(
        string key, ContactDetails details, CancellationToken ct, string changedBy = "api", string source = "api")
    {
        Keys.Require(key, "key");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Key == key, ct);
        var created = contact is null;
        var before = contact?.Consent;
        if (contact is null)
        {
            contact = Contact.Create(key, details, phones, now);
            db.Contacts.Add(contact);
        }
        else
        {
            contact.Update(details, phones, now);
        }

        db.ConsentChanges.AddRange(ConsentChange.Between(key, before, contact.Consent, changedBy, source, now));
        audit.Record(db, created ? "created" : "changed", "contact", key, ContactView.From(contact));
        await db.SaveChangesAsync(ct);
        return (ContactView.From(contact), created);
    }

    /// <summary>A person's own choice of channels, from their inbox; recorded in the consent ledger.</summary>
    public async Task SetConsentAsync(string key, ChannelConsent consent, string changedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Key == key, ct) ?? throw new NotFoundException("Contact", key);
        var now = time.GetUtcNow().UtcDateTime;
        var before = contact.Consent;
        contact.ChangeConsent(consent, now);
        db.ConsentChanges.AddRange(ConsentChange.Between(key, before, consent, changedBy, "inbox", now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The live flows a person can choose to get or not, with what they chose.</summary>
    public async Task<IReadOnlyList<FlowChoice>> FlowChoicesAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct) ?? throw new NotFoundException("Contact", key);
        return (await LiveFlowsAsync(db, ct))
            .Select(f => new FlowChoice(f.Key, f.Definition.Name, f.Definition.Description, f.Definition.Required,
                !f.Definition.Required && contact.HasMuted(f.Key)))
            .OrderBy(f => f.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>
    /// Sets the flows whose messages the person does not want. Required flows and flows that are not live cannot be
    /// turned off; asking to is refused naming the flow. The change goes in the audit log.
    /// </summary>
    public async Task SetMutedFlowsAsync(string key, IReadOnlyList<string> muted, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Key == key, ct) ?? throw new NotFoundException("Contact", key);
        var live = (await LiveFlowsAsync(db, ct)).ToDictionary(f => f.Key, f => f.Definition.Required, StringComparer.Ordinal);
        var errors = new List<FieldError>();
        for (var i = 0; i < muted.Count; i++)
        {
            if (!live.TryGetValue(muted[i], out var required)) errors.Add(new($"mutedFlows[{i}]", $"there is no live flow '{muted[i]}'."));
            else if (required) errors.Add(new($"mutedFlows[{i}]", $"the flow '{muted[i]}' is required and cannot be turned off."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var (off, on) = contact.ChooseMutedFlows(muted, time.GetUtcNow().UtcDateTime);
        if (off.Count + on.Count == 0)
        {
            return;
        }

        audit.Record(db, "changed message choices", "contact", key, new { turnedOff = off, turnedOn = on });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The published version of every flow, as its definition.</summary>
    private static async Task<List<(string Key, Notify.Workflows.Definitions.FlowDefinition Definition)>> LiveFlowsAsync(NotifyDbContext db, CancellationToken ct) =>
        (await db.FlowVersions.AsNoTracking().Where(v => v.IsCurrent).ToListAsync(ct)).Select(v => (v.FlowKey, v.Definition())).ToList();

    public async Task<IReadOnlyList<ConsentChangeView>> ConsentHistoryAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ConsentChanges.AsNoTracking().Where(c => c.ContactKey == key).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new ConsentChangeView(c.Channel, c.Granted, c.ChangedBy, c.Source, c.At)).ToListAsync(ct);
    }

    public async Task<ContactView?> GetAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
        return contact is null ? null : ContactView.From(contact);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Key == key, ct);
        if (contact is null)
        {
            return false;
        }

        db.Contacts.Remove(contact);
        audit.Record(db, "deleted", "contact", key, ContactView.From(contact));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The groups contacts are in, with how many are in each, those matching <paramref name="text"/> first.</summary>
    public async Task<IReadOnlyList<(string Group, int Members)>> GroupsAsync(string? text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.Contacts.AsNoTracking().Select(c => c.Groups).ToListAsync(ct);
        return groups.SelectMany(g => g).GroupBy(g => g, StringComparer.OrdinalIgnoreCase)
            .Where(g => string.IsNullOrWhiteSpace(text) || g.Key.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => (g.Key, g.Count())).ToList();
    }

    public async Task<PageOf<ContactView>> SearchAsync(string? text, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = SearchText.Fold(text.Trim());
            query = query.Where(c => SearchText.Fold(c.Key).Contains(t) || SearchText.Fold(c.Name).Contains(t));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.Name).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new PageOf<ContactView>(items.Select(ContactView.From).ToList(), total, page, pageSize);
    }

    /// <summary>
    /// The contact with this phone number (E.164). The phones are one JSON text column, narrowed by LIKE in SQL with the
    /// table and column named as the database spells them (quoted on PostgreSQL), then matched exactly.
    /// </summary>
    public async Task<Contact?> FindByPhoneAsync(string e164, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = db.Model.FindEntityType(typeof(Contact))!;
        var sql = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>(db);
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var column = sql.DelimitIdentifier(entity.FindProperty(nameof(Contact.Phones))!.GetColumnName());
        var pattern = $"%{e164.TrimStart('+')}%";
        var query = "SELECT * FROM " + table + " WHERE " + column + " LIKE {0}"; // identifiers from the model; the number is a parameter
        var candidates = await db.Contacts.FromSqlRaw(query, pattern).AsNoTracking().ToListAsync(ct);
        return candidates.FirstOrDefault(c => c.Phones.Any(p => p.Value == e164));
    }
}
