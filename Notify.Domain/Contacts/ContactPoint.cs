namespace Notify.Domain.Contacts;

/// <summary>An email address or phone number of a person, optionally labelled ("work") and marked primary.</summary>
public sealed record ContactPoint(string Value, string? Label = null, bool Primary = false);
