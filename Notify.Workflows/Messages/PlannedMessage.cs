using Notify.Domain.Messaging;

namespace Notify.Workflows.Messages;

/// <summary>One person on one channel in a manual send: the address it goes to, or why it will not go.</summary>
public sealed record PlannedMessage(string PersonKey, string Name, string? ContactKey, Channel Channel, string Address, string? SkipReason)
{
    public bool Goes => SkipReason is null;
}
