namespace Notify.Workflows.Conditions.Builder;

/// <summary>One line of a built condition, or a group of them: what the builder edits and writes as an expression.</summary>
public abstract class ConditionPart;
