using Notify.Domain.Common;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Branch;

public sealed class BranchStepKind : StepKind<BranchStepDefinition, BranchStep>
{
    private const string Then = "then";
    private const string Else = "else";

    public override string Kind => "branch";

    public override string Label => "If / otherwise";

    public override string Help => "Goes to one step when the condition is true and another when it is false.";

    public override StepDefinition Create(string id) => new BranchStepDefinition { Id = id };

    public override IReadOnlyList<StepExit> Exits(StepDefinition step)
    {
        var branch = (BranchStepDefinition)step;
        return [new(Then, "yes", branch.Then), new(Else, "no", branch.Else)];
    }

    public override StepDefinition WithExit(StepDefinition step, string exit, string? target) => exit switch
    {
        Then => (BranchStepDefinition)step with { Then = target },
        Else => (BranchStepDefinition)step with { Else = target },
        _ => base.WithExit(step, exit, target),
    };

    protected override void Validate(BranchStepDefinition step, string at, FlowCheck check, List<FieldError> errors)
    {
        check.Expression(step.Expression, $"{at}.expression", errors);
        check.Target(step.Then, $"{at}.then", errors);
        check.Target(step.Else, $"{at}.else", errors);
    }

    protected override string Describe(BranchStepDefinition step) =>
        $"If {Conditions.Builder.ConditionSentence.Of(step.Expression)}, go to {Target(step.Then)}; otherwise {Target(step.Else)}";

    private static string Target(string? id) => id is null or StepDefinition.End ? "the end" : $"'{id}'";
}
