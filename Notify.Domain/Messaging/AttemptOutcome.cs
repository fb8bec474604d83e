namespace Notify.Domain.Messaging;

/// <summary>How one attempt at handing a delivery to its provider ended.</summary>
public enum AttemptOutcome
{
    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>The provider confirmed delivery at once (sandbox, in-app).</summary>
    Delivered,

    /// <summary>A failure worth retrying; another attempt is planned.</summary>
    WillRetry,

    /// <summary>A failure that retrying cannot mend, or the attempts ran out.</summary>
    Failed,

    /// <summary>No answer after the request went out: it may have arrived. Checked (SMS) or left for a person (email).</summary>
    Unknown,

    /// <summary>The app stopped during the attempt.</summary>
    Interrupted,

    /// <summary>Asked the provider about an earlier attempt in doubt: it had the message, so it was not sent again.</summary>
    FoundAtProvider,
}
