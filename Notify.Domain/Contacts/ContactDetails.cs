namespace Notify.Domain.Contacts;

/// <summary>A person's details as a host system or an admin sends them, before they are checked.</summary>
public sealed record ContactDetails
{
    public string? Name { get; init; }

    public IReadOnlyList<ContactPoint> Emails { get; init; } = [];

    public IReadOnlyList<ContactPoint> Phones { get; init; } = [];

    public string? Language { get; init; }

    /// <summary>The person's time zone (IANA, <c>Europe/Stockholm</c>); null: the organisation's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>When the person's own quiet hours start and end (24-hour clock, <c>22:00</c>); both or neither. Null: the organisation's.</summary>
    public string? QuietStart { get; init; }

    public string? QuietEnd { get; init; }

    /// <summary>Consent per channel; a channel left out keeps what the person had (a new contact: none). Null: unchanged.</summary>
    public ConsentChoice? Consent { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];
}
