namespace Notify.Workflows.Conditions.Builder;

/// <summary>Which operators a field type offers, what each is called, and what value it asks for.</summary>
public static class ConditionOperators
{
    public static IReadOnlyList<ConditionOperator> For(FieldType type, bool canBeEmpty = true)
    {
        IReadOnlyList<ConditionOperator> own = type switch
        {
            FieldType.Text => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.IsOneOf, ConditionOperator.IsNotOneOf,
                ConditionOperator.Contains, ConditionOperator.DoesNotContain, ConditionOperator.StartsWith],
            FieldType.Number => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.GreaterThan, ConditionOperator.AtLeast,
                ConditionOperator.LessThan, ConditionOperator.AtMost],
            FieldType.Date => [ConditionOperator.Before, ConditionOperator.OnOrAfter, ConditionOperator.InThePast, ConditionOperator.InTheFuture,
                ConditionOperator.WithinTheNext, ConditionOperator.WithinTheLast, ConditionOperator.MoreThanAhead, ConditionOperator.MoreThanAgo],
            FieldType.YesNo => [ConditionOperator.IsYes, ConditionOperator.IsNo],
            FieldType.List => [ConditionOperator.Contains, ConditionOperator.DoesNotContain],
            _ => [],
        };
        return canBeEmpty && type != FieldType.YesNo ? [.. own, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty] : own;
    }

    public static string Label(ConditionOperator op, FieldType type) => (op, type) switch
    {
        (ConditionOperator.Is, FieldType.Number) => "is equal to",
        (ConditionOperator.IsNot, FieldType.Number) => "is not equal to",
        (ConditionOperator.Contains, FieldType.List) => "includes",
        (ConditionOperator.DoesNotContain, FieldType.List) => "does not include",
        (ConditionOperator.Is, _) => "is",
        (ConditionOperator.IsNot, _) => "is not",
        (ConditionOperator.IsOneOf, _) => "is one of",
        (ConditionOperator.IsNotOneOf, _) => "is none of",
        (ConditionOperator.Contains, _) => "contains",
        (ConditionOperator.DoesNotContain, _) => "does not contain",
        (ConditionOperator.StartsWith, _) => "starts with",
        (ConditionOperator.IsEmpty, _) => "is empty",
        (ConditionOperator.IsNotEmpty, _) => "is not empty",
        (ConditionOperator.GreaterThan, _) => "is more than",
        (ConditionOperator.AtLeast, _) => "is at least",
        (ConditionOperator.LessThan, _) => "is less than",
        (ConditionOperator.AtMost, _) => "is at most",
        (ConditionOperator.Before, _) => "is before",
        (ConditionOperator.OnOrAfter, _) => "is on or after",
        (ConditionOperator.InThePast, _) => "has passed",
        (ConditionOperator.InTheFuture, _) => "is still ahead",
        (ConditionOperator.WithinTheNext, _) => "is within the next",
        (ConditionOperator.WithinTheLast, _) => "was within the last",
        (ConditionOperator.MoreThanAhead, _) => "is more than … away",
        (ConditionOperator.MoreThanAgo, _) => "was more than … ago",
        (ConditionOperator.IsYes, _) => "is yes",
        (ConditionOperator.IsNo, _) => "is no",
        _ => op.ToString(),
    };

    /// <summary>What the operator needs next to it: nothing, a value, a list of values, or an amount of time.</summary>
    public static OperandKind Operand(ConditionOperator op) => op switch
    {
        ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty or ConditionOperator.InThePast or ConditionOperator.InTheFuture
            or ConditionOperator.IsYes or ConditionOperator.IsNo => OperandKind.None,
        ConditionOperator.IsOneOf or ConditionOperator.IsNotOneOf => OperandKind.Values,
        ConditionOperator.WithinTheNext or ConditionOperator.WithinTheLast or ConditionOperator.MoreThanAhead
            or ConditionOperator.MoreThanAgo => OperandKind.Duration,
        _ => OperandKind.Value,
    };
}
