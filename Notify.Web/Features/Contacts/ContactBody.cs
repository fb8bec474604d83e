using System.Text.Json.Serialization;
using Notify.Domain.Contacts;

namespace Notify.Web.Features.Contacts;

/// <summary>The JSON body of <c>PUT /api/v1/contacts/{key}</c>.</summary>
public sealed record ContactBody
{
    public string? Name { get; init; }

    [JsonPropertyName("emails")]
    public List<ContactPoint>? Emails { get; init; }

    [JsonPropertyName("phones")]
    public List<ContactPoint>? Phones { get; init; }

    public string? Language { get; init; }

    public ConsentBody? Consent { get; init; }

    /// <summary>The person's time zone (IANA); left out: the organisation's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The person's own quiet hours; left out: the organisation's.</summary>
    public QuietHoursBody? QuietHours { get; init; }

    public List<string>? Roles { get; init; }

    public List<string>? Groups { get; init; }

    public ContactDetails ToDetails() => new()
    {
        Name = Name,
        Emails = Emails ?? [],
        Phones = Phones ?? [],
        Language = Language,
        TimeZone = TimeZone,
        QuietStart = QuietHours?.Start,
        QuietEnd = QuietHours?.End,
        Consent = Consent is null ? null : new ConsentChoice(Consent.Sms, Consent.Email, Consent.InApp),
        Roles = Roles ?? [],
        Groups = Groups ?? [],
    };
}

public sealed record ConsentBody(bool? Sms, bool? Email, bool? InApp);

/// <summary>A daily window on a 24-hour clock (<c>"22:00"</c> to <c>"07:00"</c>, across midnight when the end is earlier).</summary>
public sealed record QuietHoursBody(string? Start, string? End);
