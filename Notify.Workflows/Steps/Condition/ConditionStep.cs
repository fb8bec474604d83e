using Notify.Workflows.Conditions;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Steps.Condition;

public sealed class ConditionStep(IConditionEvaluator conditions) : IStep
{
    public string Kind => "condition";

    public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
    {
        var step = (ConditionStepDefinition)definition;
        var input = context.ToConditionInput();
        var result = conditions.Evaluate(step.Expression, input);
        var seen = ConditionInputFactory.Describe(input);
        return Task.FromResult(result switch
        {
            { IsError: true } => StepResult.Fail($"The condition `{step.Expression}` could not be evaluated: {result.Error}"),
            { Value: true } => StepResult.Continue(JournalVerdict.ConditionMet, $"`{step.Expression}` is true ({seen})"),
            _ => StepResult.End(JournalVerdict.ConditionNotMet, $"`{step.Expression}` is false ({seen})"),
        });
    }
}
