using Notify.Domain.Contacts;

namespace Notify.Workflows.Steps.Send;

/// <summary>A person a send step resolved: a known contact, or a fixed address written in the flow.</summary>
public sealed record Recipient(string Key, string Name, Contact? Contact, string? FixedEmail = null, string? FixedPhone = null)
{
    /// <summary>Why this person could not be found, when the role named someone unknown.</summary>
    public string? Missing { get; init; }

    public string Language => Contact?.Language ?? "nb";
}
