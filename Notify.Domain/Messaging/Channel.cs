namespace Notify.Domain.Messaging;

/// <summary>How a message reaches a person.</summary>
public enum Channel
{
    Sms,
    Email,
    InApp,
}
