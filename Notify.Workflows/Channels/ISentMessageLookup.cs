using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels;

/// <summary>
/// A provider that can say what it received (Twilio's message list). Before an attempt in doubt is repeated, the
/// dispatcher asks it whether the message arrived, so a slow answer or a stop mid-send never sends it twice.
/// </summary>
public interface ISentMessageLookup
{
    /// <summary>The provider's record of this delivery's message since <paramref name="since"/>, if it has one.</summary>
    Task<LookupResult> FindAsync(Delivery delivery, DateTime since, CancellationToken ct);
}
