using Notify.Domain.Contacts;

namespace Notify.Web.Features.Contacts;

/// <summary>What the contact dialog binds to: addresses as rows, roles and groups as comma-separated text.</summary>
public sealed class ContactFormModel
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public List<AddressRow> Emails { get; set; } = [new() { Primary = true }];

    public List<AddressRow> Phones { get; set; } = [new() { Primary = true }];

    public string Language { get; set; } = "nb";

    /// <summary>The person's time zone; empty: the organisation's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The person's own quiet hours (24-hour clock); both empty: the organisation's.</summary>
    public string QuietStart { get; set; } = "";

    public string QuietEnd { get; set; } = "";

    // A new contact has agreed to nothing until someone ticks what they agreed to (the seeds' rule: no box, no message).
    public bool SmsConsent { get; set; }

    public bool EmailConsent { get; set; }

    public bool InAppConsent { get; set; }

    public string Roles { get; set; } = "";

    public string Groups { get; set; } = "";

    public static ContactFormModel From(ContactView c) => new()
    {
        Key = c.Key, Name = c.Name, Emails = c.Emails.Select(AddressRow.From).ToList(), Phones = c.Phones.Select(AddressRow.From).ToList(),
        Language = c.Language, SmsConsent = c.Consent.Sms, EmailConsent = c.Consent.Email, InAppConsent = c.Consent.InApp,
        Roles = string.Join(", ", c.Roles), Groups = string.Join(", ", c.Groups),
        TimeZone = c.TimeZone, QuietStart = c.QuietHours?.Start ?? "", QuietEnd = c.QuietHours?.End ?? "",
    };

    public ContactDetails ToDetails() => new()
    {
        Name = Name,
        Emails = Emails.Where(e => !string.IsNullOrWhiteSpace(e.Value)).Select(e => e.ToPoint()).ToList(),
        Phones = Phones.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.ToPoint()).ToList(),
        Language = Language,
        TimeZone = TimeZone,
        QuietStart = QuietStart,
        QuietEnd = QuietEnd,
        Consent = new ChannelConsent(SmsConsent, EmailConsent, InAppConsent),
        Roles = Split(Roles),
        Groups = Split(Groups),
    };

    private static List<string> Split(string text) =>
        text.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
