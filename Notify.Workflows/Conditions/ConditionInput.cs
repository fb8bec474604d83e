namespace Notify.Workflows.Conditions;

/// <summary>What a condition sees: <c>event</c>, <c>record</c>, <c>previous</c> (the record before) and <c>now</c> (UTC).</summary>
public sealed record ConditionInput(ConditionEvent Event, ConditionRecord Record, ConditionRecord Previous, DateTime Now);
