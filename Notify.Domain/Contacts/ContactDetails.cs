namespace Notify.Domain.Contacts;

/// <summary>A person's details as a host system or an admin sends them, before they are checked.</summary>
public sealed record ContactDetails
{
    public string? Name { get; init; }

    public IReadOnlyList<ContactPoint> Emails { get; init; } = [];

    public IReadOnlyList<ContactPoint> Phones { get; init; } = [];

    public string? Language { get; init; }

    /// <summary>Consent per channel; a channel left out keeps what the person had (a new contact: none). Null: unchanged.</summary>
    public ConsentChoice? Consent { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];
}
