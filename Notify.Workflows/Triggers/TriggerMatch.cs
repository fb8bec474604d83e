namespace Notify.Workflows.Triggers;

public sealed record TriggerMatch(bool Matches, string Reason)
{
    public static TriggerMatch Yes { get; } = new(true, "trigger matches");

    public static TriggerMatch No(string reason) => new(false, reason);
}
