namespace Notify.Workflows.Definitions;

/// <summary>A length of time in a flow ("2 hours", "1 working day").</summary>
public sealed record WaitTime(int Amount, TimeUnit Unit)
{
    public override string ToString() => new DeadlineOffset(Amount, Unit, OffsetDirection.After).Duration;
}
