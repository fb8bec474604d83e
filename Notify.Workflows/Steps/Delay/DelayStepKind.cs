using Notify.Domain.Common;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Delay;

public sealed class DelayStepKind : StepKind<DelayStepDefinition, DelayStep>
{
    public override string Kind => "delay";

    public override string Label => "Wait";

    public override bool Waits => true;

    public override string Help => "A while, or until some time before or after the record's deadline.";

    public override StepDefinition Create(string id) => new DelayStepDefinition { Id = id, Amount = 1, Unit = TimeUnit.Hours };

    protected override void Validate(DelayStepDefinition step, string at, FlowCheck check, List<FieldError> errors)
    {
        if (step.Amount < 0 || step.Amount > 100_000) errors.Add(new($"{at}.amount", "must be between 0 and 100000."));
        if (step.Until is not null && !step.UntilDeadline)
            errors.Add(new($"{at}.until", "can only be 'deadline' (or left out for a plain duration)."));
    }

    protected override string Describe(DelayStepDefinition step) => step.UntilDeadline
        ? $"Wait until {new DeadlineOffset(step.Amount, step.Unit, step.Direction)}"
        : $"Wait {new DeadlineOffset(step.Amount, step.Unit, OffsetDirection.After).Duration}";
}
