namespace Notify.Workflows.Conditions.Builder;

/// <summary>What a condition row asks for after its operator.</summary>
public enum OperandKind
{
    None,
    Value,
    Values,
    Duration,
}
