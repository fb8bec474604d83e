using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Steps.Stop;

public sealed class StopStep : IStep
{
    public string Kind => "stop";

    public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct) =>
        Task.FromResult(StepResult.End(JournalVerdict.Stopped, ((StopStepDefinition)definition).Reason ?? "A stop step ended the flow."));
}
