using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Messages;

/// <summary>
/// Reads the <c>to</c> list of a manual message into people, each entry checked on its own and named when wrong
/// (<c>to[2]</c>: "'1234' is not a phone number"). Contacts come with their addresses and consent; typed numbers
/// and addresses are people of their own, for their one channel.
/// </summary>
internal sealed class ManualRecipients(PhoneNumberNormalizer phones)
{
    public sealed record Person(string Key, string Name, Contact? Contact, string? Phone = null, string? Email = null);

    public async Task<List<Person>> ReadAsync(NotifyDbContext db, IReadOnlyList<string> to, IReadOnlySet<Channel> channels, List<FieldError> errors, CancellationToken ct)
    {
        var people = new List<Person>();
        List<Contact>? all = null;
        for (var i = 0; i < to.Count; i++)
        {
            var field = $"to[{i}]";
            var entry = to[i]?.Trim() ?? "";
            var colon = entry.IndexOf(':');
            var (prefix, value) = colon > 0 ? (entry[..colon].ToLowerInvariant(), entry[(colon + 1)..].Trim()) : ("", entry);
            switch (prefix)
            {
                case "" when entry.Length == 0:
                    errors.Add(new(field, "is empty: name a contact, a group, an email address or phone numbers."));
                    break;
                case "contact":
                    var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Key == value, ct);
                    if (contact is null) errors.Add(new(field, $"no contact with the key '{value}' is known."));
                    else people.Add(new Person(contact.Key, contact.Name, contact));
                    break;
                case "group":
                    all ??= await db.Contacts.AsNoTracking().ToListAsync(ct);
                    var members = all.Where(c => c.Groups.Contains(value, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (members.Count == 0) errors.Add(new(field, $"nobody is in the group '{value}'."));
                    people.AddRange(members.Select(c => new Person(c.Key, c.Name, c)));
                    break;
                case "email":
                    if (!EmailAddressRules.TryNormalize(value, out var address, out var emailError)) errors.Add(new(field, $"'{value}' is not an email address: {emailError}"));
                    else if (!channels.Contains(Channel.Email)) errors.Add(new(field, "is an email address, but email is not among the channels."));
                    else people.Add(new Person($"email:{address}", "Typed address", null, Email: address));
                    break;
                case "" or "phone":
                    ReadNumbers(field, value, channels, people, errors);
                    break;
                default:
                    errors.Add(new(field, "must be contact:KEY, group:NAME, email:ADDRESS or phone numbers separated by ;."));
                    break;
            }
        }

        return people.DistinctBy(p => p.Key).ToList();
    }

    private void ReadNumbers(string field, string value, IReadOnlySet<Channel> channels, List<Person> people, List<FieldError> errors)
    {
        var numbers = value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (numbers.Length == 0)
        {
            errors.Add(new(field, "has no phone number in it."));
            return;
        }

        if (!channels.Contains(Channel.Sms))
        {
            errors.Add(new(field, "is phone numbers, but SMS is not among the channels."));
            return;
        }

        foreach (var number in numbers)
        {
            if (phones.TryNormalize(number, out var e164, out var error)) people.Add(new Person($"phone:{e164}", "Typed number", null, Phone: e164));
            else errors.Add(new(field, error)); // it names the number
        }
    }
}
