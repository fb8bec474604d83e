using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps;

/// <summary>Executes one kind of step. Orchestration (what comes next, saving) is the runner's.</summary>
public interface IStep
{
    string Kind { get; }

    Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct);
}
