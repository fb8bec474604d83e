namespace Notify.Workflows.Messages;

/// <summary>The record a manual message is about.</summary>
public sealed record MessageRecord(string? Type, string? Key);
