namespace Notify.Workflows.Channels;

public enum SendOutcomeKind
{
    Sent,
    Delivered,
    Transient,
    Permanent,

    /// <summary>The request went out and no answer came back: the message may or may not have arrived.</summary>
    Unknown,
}

/// <summary>
/// What a provider said: accepted (with its id), a failure worth retrying (not before <see cref="RetryAfter"/> when the
/// provider asked for a pause), a permanent one, or nothing at all after the request went out (unknown).
/// </summary>
public sealed record SendOutcome(SendOutcomeKind Kind, string? ProviderMessageId, string? Reason, TimeSpan? RetryAfter = null)
{
    public static SendOutcome Sent(string? id) => new(SendOutcomeKind.Sent, id, null);

    public static SendOutcome Delivered(string? id) => new(SendOutcomeKind.Delivered, id, null);

    public static SendOutcome Transient(string reason, TimeSpan? retryAfter = null) => new(SendOutcomeKind.Transient, null, reason, retryAfter);

    public static SendOutcome Permanent(string reason) => new(SendOutcomeKind.Permanent, null, reason);

    public static SendOutcome Unknown(string reason) => new(SendOutcomeKind.Unknown, null, reason);
}
