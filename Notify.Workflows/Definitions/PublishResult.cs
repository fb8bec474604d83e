namespace Notify.Workflows.Definitions;

public sealed record PublishResult(int Version, int MovedReminders);
