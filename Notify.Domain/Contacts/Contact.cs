using Notify.Domain.Common;

namespace Notify.Domain.Contacts;

/// <summary>A person who can receive messages: an employee, a customer, a contact at an organisation.</summary>
public sealed class Contact
{
    private Contact()
    {
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public List<ContactPoint> Emails { get; private set; } = [];

    public List<ContactPoint> Phones { get; private set; } = [];

    public string Language { get; private set; } = "nb";

    /// <summary>Which channels the person agreed to; a new contact has agreed to none until told.</summary>
    public ChannelConsent Consent { get; private set; } = ChannelConsent.None;

    /// <summary>The person's time zone (IANA id); null: the organisation's.</summary>
    public string? TimeZone { get; private set; }

    /// <summary>The person's own quiet hours, in their time zone; null (both): the organisation's.</summary>
    public TimeOnly? QuietStart { get; private set; }

    public TimeOnly? QuietEnd { get; private set; }

    public List<string> Roles { get; private set; } = [];

    public List<string> Groups { get; private set; } = [];

    /// <summary>Flows (by key) whose messages this person has turned off; flows marked required still reach them.</summary>
    public List<string> MutedFlows { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string? PrimaryEmail => Primary(Emails);

    public string? PrimaryPhone => Primary(Phones);

    /// <summary>The emails a message goes to: those marked for notifications, else the primary one.</summary>
    public IReadOnlyList<string> NotifyEmails => Notified(Emails);

    /// <summary>The phones a message goes to: those marked for notifications, else the primary one.</summary>
    public IReadOnlyList<string> NotifyPhones => Notified(Phones);

    public static Contact Create(string key, ContactDetails details, PhoneNumberNormalizer phones, DateTime now)
    {
        Keys.Require(key, "key");
        var contact = new Contact { Id = Guid.NewGuid(), Key = key, CreatedAt = now };
        contact.Update(details, phones, now);
        return contact;
    }

    /// <summary>Replaces the details after checking every field; on any error nothing changes.</summary>
    public void Update(ContactDetails details, PhoneNumberNormalizer phones, DateTime now)
    {
        var errors = new List<FieldError>();
        var name = details.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add(new FieldError("name", name.Length == 0 ? "is required." : "is longer than 200 characters."));
        }

        var emails = Check(details.Emails, "emails", errors, (string v, out string n, out string e) =>
            EmailAddressRules.TryNormalize(v, out n, out e));
        var phoneList = Check(details.Phones, "phones", errors, (string v, out string n, out string e) =>
            phones.TryNormalize(v, out n, out e));
        var language = string.IsNullOrWhiteSpace(details.Language) ? "nb" : details.Language.Trim().ToLowerInvariant();
        if (language.Length > 10)
        {
            errors.Add(new FieldError("language", "must be a language code such as 'nb' or 'en'."));
        }

        var zone = string.IsNullOrWhiteSpace(details.TimeZone) ? null : details.TimeZone.Trim();
        if (zone is not null && (zone.Length > 100 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)))
        {
            errors.Add(new FieldError("timeZone", "is not a known time zone: use an IANA name such as Europe/Oslo or America/New_York."));
        }

        var (quietStart, quietEnd) = (Clock.Parse(details.QuietStart, "quietHours.start", errors), Clock.Parse(details.QuietEnd, "quietHours.end", errors));
        if (quietStart is null != quietEnd is null && errors.Count == 0)
        {
            errors.Add(new FieldError(quietStart is null ? "quietHours.start" : "quietHours.end", "give both when quiet hours start and when they end, or neither."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        (TimeZone, QuietStart, QuietEnd) = (zone, quietStart, quietEnd);
        Name = name;
        Emails = emails;
        Phones = phoneList;
        Language = language;
        Consent = details.Consent?.Over(Consent) ?? Consent;
        Roles = Clean(details.Roles);
        Groups = Clean(details.Groups);
        UpdatedAt = now;
    }

    /// <summary>
    /// When messages should not wake this person: their own window, else the organisation's, in their own time zone (else the
    /// organisation's zone); null when neither has a window.
    /// </summary>
    public Messaging.QuietHours? QuietHoursWith(Messaging.QuietHours? organisation, TimeZoneInfo organisationZone)
    {
        var zone = TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var own) ? own : organisation?.Zone ?? organisationZone;
        if (QuietStart is { } start && QuietEnd is { } end)
        {
            return new Messaging.QuietHours(start, end, zone);
        }

        return organisation is null ? null : organisation with { Zone = zone };
    }

    /// <summary>Whether the person turned this flow's messages off.</summary>
    public bool HasMuted(string? flowKey) => flowKey is not null && MutedFlows.Contains(flowKey, StringComparer.Ordinal);

    /// <summary>Sets which flows' messages the person does not want; returns the flows turned off and on by this change.</summary>
    public (IReadOnlyList<string> TurnedOff, IReadOnlyList<string> TurnedOn) ChooseMutedFlows(IEnumerable<string> flowKeys, DateTime now)
    {
        var next = Clean(flowKeys.ToList());
        var off = next.Except(MutedFlows, StringComparer.Ordinal).ToList();
        var on = MutedFlows.Except(next, StringComparer.Ordinal).ToList();
        if (off.Count > 0 || on.Count > 0)
        {
            MutedFlows = next;
            UpdatedAt = now;
        }

        return (off, on);
    }

    public void ChangeConsent(ChannelConsent consent, DateTime now)
    {
        Consent = consent;
        UpdatedAt = now;
    }

    private delegate bool Normalizer(string value, out string normalized, out string error);

    private static List<ContactPoint> Check(
        IReadOnlyList<ContactPoint> points, string field, List<FieldError> errors, Normalizer normalize)
    {
        var result = new List<ContactPoint>();
        for (var i = 0; i < points.Count; i++)
        {
            if (normalize(points[i].Value, out var normalized, out var error))
            {
                if (result.All(p => p.Value != normalized))
                {
                    result.Add(points[i] with { Value = normalized });
                }
            }
            else
            {
                errors.Add(new FieldError($"{field}[{i}]", error));
            }
        }

        return result;
    }

    private static List<string> Clean(IReadOnlyList<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();

    private static IReadOnlyList<string> Notified(List<ContactPoint> points)
    {
        var marked = points.Where(p => p.Notify).Select(p => p.Value).ToList();
        return marked.Count > 0 ? marked : Primary(points) is { } primary ? [primary] : [];
    }

    private static string? Primary(List<ContactPoint> points) =>
        (points.FirstOrDefault(p => p.Primary) ?? points.FirstOrDefault())?.Value;
}
