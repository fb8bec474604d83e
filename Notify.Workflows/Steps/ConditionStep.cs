using Notify.Workflows.Conditions;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps;

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
            { Value: true } => StepResult.Continue("true", $"`{step.Expression}` is true ({seen})"),
            _ => StepResult.End("condition not met", $"`{step.Expression}` is false ({seen})"),
        });
    }
}
