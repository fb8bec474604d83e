namespace Notify.Domain.Contacts;

/// <summary>
/// An email address or phone number of a person, optionally labelled ("work"), marked primary, and marked for
/// notifications: a message goes to every address so marked, or to the primary one when none is.
/// </summary>
public sealed record ContactPoint(string Value, string? Label = null, bool Primary = false, bool Notify = false);
