namespace Notify.Workflows.Messages;

/// <summary>The SMS senders a person may choose for a message by hand, their own number among them when they have one, and the one they used last.</summary>
public sealed record SenderChoices(IReadOnlyList<string> Allowed, string? OwnNumber, string? LastUsed);
