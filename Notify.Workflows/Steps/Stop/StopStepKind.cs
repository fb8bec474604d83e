using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Stop;

public sealed class StopStepKind : StepKind<StopStepDefinition, StopStep>
{
    public override string Kind => "stop";

    public override string Label => "Stop";

    public override string Help => "Ends the run here.";

    public override StepDefinition Create(string id) => new StopStepDefinition { Id = id };

    public override IReadOnlyList<StepExit> Exits(StepDefinition step) => [];

    protected override string Describe(StopStepDefinition step) => $"Stop{(step.Reason is null ? "" : $": {step.Reason}")}";
}
