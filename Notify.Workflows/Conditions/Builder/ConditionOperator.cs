namespace Notify.Workflows.Conditions.Builder;

/// <summary>The comparisons a condition row can make; <see cref="ConditionOperators"/> says which fit which field type.</summary>
public enum ConditionOperator
{
    Is,
    IsNot,
    IsOneOf,
    IsNotOneOf,
    Contains,
    DoesNotContain,
    StartsWith,
    IsEmpty,
    IsNotEmpty,
    GreaterThan,
    AtLeast,
    LessThan,
    AtMost,
    Before,
    OnOrAfter,
    InThePast,
    InTheFuture,
    WithinTheNext,
    WithinTheLast,
    MoreThanAhead,
    MoreThanAgo,
    IsYes,
    IsNo,
}
