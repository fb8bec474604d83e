namespace Notify.Domain.Messaging;

/// <summary>How a message reaches a person.</summary>
public enum Channel
{
    Sms,
    Email,
    InApp,

    /// <summary>Not a person's channel: a POST to a host system (a webhook step). Never in consent, preferences or a send step's channels.</summary>
    Webhook,
}
