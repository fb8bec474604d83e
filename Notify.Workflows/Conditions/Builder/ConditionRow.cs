using Notify.Workflows.Definitions;

namespace Notify.Workflows.Conditions.Builder;

/// <summary>
/// "Amount is more than 1000", "Deadline is within the next 2 working days": a field, an operator and what it compares
/// with. <see cref="Value"/> holds text, a number as typed, a day (yyyy-MM-dd) or a list ("a, b"); durations use
/// <see cref="Amount"/> and <see cref="Unit"/>.
/// </summary>
public sealed class ConditionRow : ConditionPart
{
    public string Field { get; set; } = "";

    public ConditionOperator Operator { get; set; }

    public string Value { get; set; } = "";

    public int Amount { get; set; } = 1;

    public TimeUnit Unit { get; set; } = TimeUnit.Hours;
}
