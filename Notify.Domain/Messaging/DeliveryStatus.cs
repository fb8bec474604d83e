namespace Notify.Domain.Messaging;

/// <summary>Where one message to one person on one channel stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for the dispatcher (first try or a retry).</summary>
    Queued,

    /// <summary>Claimed by the dispatcher and handed to the provider; outcome not yet known.</summary>
    Sending,

    /// <summary>Accepted by the provider (or captured by the sandbox).</summary>
    Sent,

    /// <summary>The provider confirmed it reached the person.</summary>
    Delivered,

    /// <summary>Read by the person (in-app).</summary>
    Read,

    /// <summary>Not sent on purpose: no consent, no address, opted out. The reason says which.</summary>
    Skipped,

    /// <summary>Could not be sent; the reason says why.</summary>
    Failed,

    /// <summary>A crash hit it mid-send: it may or may not have gone out. A person decides.</summary>
    NeedsReview,

    /// <summary>Withdrawn before it went out.</summary>
    Cancelled,
}
