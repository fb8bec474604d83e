namespace Notify.Workflows.Conditions;

/// <summary>Evaluates admin-written conditions. The one door to RulesEngine.</summary>
public interface IConditionEvaluator
{
    /// <summary>Null when the expression compiles to a true/false test; otherwise the message with its position.</summary>
    string? Validate(string expression);

    ConditionResult Evaluate(string expression, ConditionInput input);
}
