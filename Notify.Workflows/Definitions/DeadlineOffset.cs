namespace Notify.Workflows.Definitions;

/// <summary>"24 hours before", "1 working day after": a signed distance from a record's deadline.</summary>
public sealed record DeadlineOffset(int Amount, TimeUnit Unit, OffsetDirection Direction)
{
    public override string ToString() =>
        $"{Amount} {Unit.ToString().ToLowerInvariant()} {Direction.ToString().ToLowerInvariant()} the deadline";
}
