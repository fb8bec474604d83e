using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels;

/// <summary>Hands one delivery to the outside world (or captures it, for sandboxes).</summary>
public interface IChannelProvider
{
    Channel Channel { get; }

    /// <summary>"smtp", "twilio", "in-app", "sandbox".</summary>
    string Name { get; }

    /// <summary>True when sending the same delivery twice does no harm (sandbox, in-app): in-doubt sends are simply redone.</summary>
    bool IsIdempotent { get; }

    Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct);
}
