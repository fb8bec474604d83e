namespace Notify.Workflows.Definitions;

/// <summary>"24 hours before", "1 working day after": a signed distance from a record's deadline.</summary>
public sealed record DeadlineOffset(int Amount, TimeUnit Unit, OffsetDirection Direction)
{
    /// <summary>"1 hour", "3 working days".</summary>
    public string Duration => $"{Amount} {UnitName(Unit, Amount)}";

    public override string ToString() => $"{Duration} {Direction.ToString().ToLowerInvariant()} the deadline";

    public static string UnitName(TimeUnit unit, int amount)
    {
        var plural = unit switch
        {
            TimeUnit.WorkingDays => "working days",
            _ => unit.ToString().ToLowerInvariant(),
        };
        return amount == 1 ? plural[..^1] : plural;
    }
}
