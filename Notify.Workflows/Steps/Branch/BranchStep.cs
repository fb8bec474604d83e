using Notify.Workflows.Conditions;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Steps.Branch;

public sealed class BranchStep(IConditionEvaluator conditions) : IStep
{
    public string Kind => "branch";

    public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
    {
        var step = (BranchStepDefinition)definition;
        var input = context.ToConditionInput();
        var result = conditions.Evaluate(step.Expression, input);
        if (result.IsError)
        {
            return Task.FromResult(StepResult.Fail($"The branch condition `{step.Expression}` could not be evaluated: {result.Error}"));
        }

        var target = result.Value ? step.Then : step.Else;
        if (target == StepDefinition.End) target = null;
        var message = $"`{step.Expression}` is {result.Value.ToString().ToLowerInvariant()} ({ConditionInputFactory.Describe(input)}); " +
            (target is null ? "nothing on that path, the flow ends" : $"going to '{target}'");
        return Task.FromResult(StepResult.Continue(result.Value ? JournalVerdict.BranchYes : JournalVerdict.BranchNo, message)
            with { JumpTo = target, EndsFlow = target is null });
    }
}
