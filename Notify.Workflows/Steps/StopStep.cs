using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps;

public sealed class StopStep : IStep
{
    public string Kind => "stop";

    public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct) =>
        Task.FromResult(StepResult.End("stopped", ((StopStepDefinition)definition).Reason ?? "A stop step ended the flow."));
}
