namespace Notify.Workflows.Conditions;

/// <summary>True, false, or an error that must fail the run (never read as false).</summary>
public sealed record ConditionResult(bool Value, string? Error)
{
    public bool IsError => Error is not null;

    public static ConditionResult True { get; } = new(true, null);

    public static ConditionResult False { get; } = new(false, null);

    public static ConditionResult Failed(string error) => new(false, error);
}
