using Notify.Domain.Contacts;

namespace Notify.Web.Features.Contacts;

/// <summary>A person as the API answers and the Contacts page shows.</summary>
public sealed record ContactView(
    string Key, string Name, IReadOnlyList<ContactPoint> Emails, IReadOnlyList<ContactPoint> Phones, string Language,
    ChannelConsent Consent, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, DateTime UpdatedAt,
    IReadOnlyList<string> MutedFlows)
{
    /// <summary>The person's time zone; null: the organisation's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The person's own quiet hours; null: the organisation's.</summary>
    public QuietHoursBody? QuietHours { get; init; }

    public static ContactView From(Contact c) =>
        new(c.Key, c.Name, c.Emails, c.Phones, c.Language, c.Consent, c.Roles, c.Groups, c.UpdatedAt, c.MutedFlows)
        {
            TimeZone = c.TimeZone,
            QuietHours = c.QuietStart is { } start && c.QuietEnd is { } end ? new QuietHoursBody(start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)) : null,
        };
}

/// <summary>A live flow as a person sees it among their message choices.</summary>
public sealed record FlowChoice(string FlowKey, string Name, string? Description, bool Required, bool Muted)
{
    public bool Receives => !Muted;
}
