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

    public List<string>? Roles { get; init; }

    public List<string>? Groups { get; init; }

    public ContactDetails ToDetails() => new()
    {
        Name = Name,
        Emails = Emails ?? [],
        Phones = Phones ?? [],
        Language = Language,
        Consent = Consent is null ? null : new ConsentChoice(Consent.Sms, Consent.Email, Consent.InApp),
        Roles = Roles ?? [],
        Groups = Groups ?? [],
    };
}

public sealed record ConsentBody(bool? Sms, bool? Email, bool? InApp);
