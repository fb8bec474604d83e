namespace Notify.Workflows.Channels;

/// <summary>What the provider's record said about a message in doubt.</summary>
public sealed record LookupResult(LookupVerdict Verdict, string? ProviderMessageId = null, DateTime? AcceptedAt = null, string? Reason = null)
{
    public static LookupResult Found(string id, DateTime? acceptedAt) => new(LookupVerdict.Found, id, acceptedAt);

    public static readonly LookupResult NotFound = new(LookupVerdict.NotFound);

    /// <summary>The provider could not be asked (unreachable, slow, refused): nothing is known yet.</summary>
    public static LookupResult CannotTell(string reason) => new(LookupVerdict.CannotTell, Reason: reason);
}
