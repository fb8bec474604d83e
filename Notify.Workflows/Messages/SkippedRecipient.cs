namespace Notify.Workflows.Messages;

/// <summary>A person a manual message does not reach on a channel, and why (no consent, no phone number…).</summary>
public sealed record SkippedRecipient(string Recipient, string Channel, string Reason);
