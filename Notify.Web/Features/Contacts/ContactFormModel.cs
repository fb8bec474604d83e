using Notify.Domain.Contacts;

namespace Notify.Web.Features.Contacts;

/// <summary>What the contact dialog binds to: lists as one value per line.</summary>
public sealed class ContactFormModel
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string Emails { get; set; } = "";

    public string Phones { get; set; } = "";

    public string Language { get; set; } = "nb";

    public bool SmsConsent { get; set; } = true;

    public bool EmailConsent { get; set; } = true;

    public bool InAppConsent { get; set; } = true;

    public string Roles { get; set; } = "";

    public string Groups { get; set; } = "";

    public static ContactFormModel From(ContactView c) => new()
    {
        Key = c.Key, Name = c.Name, Emails = string.Join("\n", c.Emails.Select(e => e.Value)), Phones = string.Join("\n", c.Phones.Select(p => p.Value)),
        Language = c.Language, SmsConsent = c.Consent.Sms, EmailConsent = c.Consent.Email, InAppConsent = c.Consent.InApp,
        Roles = string.Join(", ", c.Roles), Groups = string.Join(", ", c.Groups),
    };

    public ContactDetails ToDetails() => new()
    {
        Name = Name,
        Emails = Lines(Emails).Select(v => new ContactPoint(v)).ToList(),
        Phones = Lines(Phones).Select(v => new ContactPoint(v)).ToList(),
        Language = Language,
        Consent = new ChannelConsent(SmsConsent, EmailConsent, InAppConsent),
        Roles = Split(Roles),
        Groups = Split(Groups),
    };

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static List<string> Split(string text) =>
        text.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
