using Notify.Domain.Common;

namespace Notify.Workflows.Steps.Condition;

public sealed class ConditionStepKind : StepKind<ConditionStepDefinition, ConditionStep>
{
    public override string Kind => "condition";

    public override string Label => "Only go on if…";

    public override string Help => "Ends the run when the condition is false.";

    public override Definitions.StepDefinition Create(string id) => new ConditionStepDefinition { Id = id };

    protected override void Validate(ConditionStepDefinition step, string at, FlowCheck check, List<FieldError> errors) =>
        check.Expression(step.Expression, $"{at}.expression", errors);

    protected override string Describe(ConditionStepDefinition step) => $"Only if {Conditions.Builder.ConditionSentence.Of(step.Expression)}";
}
