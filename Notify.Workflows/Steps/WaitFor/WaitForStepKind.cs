using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Steps.WaitFor;

public sealed class WaitForStepKind : StepKind<WaitForStepDefinition, WaitForStep>
{
    private const string Happened = "happened";
    private const string TimedOut = "timedOut";

    public override string Kind => "wait-for";

    public override string Label => "Wait for something";

    public override string Help => "Until a message is read or delivered, the record reaches a status, or an event arrives, or time runs out; then one way or the other.";

    public override bool Waits => true;

    public override StepDefinition Create(string id) => new WaitForStepDefinition { Id = id };

    public override IReadOnlyList<StepExit> Exits(StepDefinition step)
    {
        var wait = (WaitForStepDefinition)step;
        return [new(Happened, "happened", wait.Happened), new(TimedOut, "timed out", wait.TimedOut)];
    }

    public override StepDefinition WithExit(StepDefinition step, string exit, string? target) => exit switch
    {
        Happened => (WaitForStepDefinition)step with { Happened = target },
        TimedOut => (WaitForStepDefinition)step with { TimedOut = target },
        _ => base.WithExit(step, exit, target),
    };

    protected override void Validate(WaitForStepDefinition step, string at, FlowCheck check, List<FieldError> errors)
    {
        if (step.Amount < 1 || step.Amount > 100_000) errors.Add(new($"{at}.amount", "must be between 1 and 100000: how long to wait at most."));
        switch (step.For)
        {
            case WaitForWhat.Read or WaitForWhat.Delivered when string.IsNullOrWhiteSpace(step.Step):
                errors.Add(new($"{at}.step", "is required: the send step whose message to wait for."));
                break;
            case WaitForWhat.Read or WaitForWhat.Delivered when check.Step(step.Step) is not SendStepDefinition:
                errors.Add(new($"{at}.step", $"there is no send step '{step.Step}'."));
                break;
            case WaitForWhat.Read when check.Step(step.Step) is SendStepDefinition send && !send.Channels.Contains("inApp", StringComparer.OrdinalIgnoreCase):
                errors.Add(new($"{at}.step", $"'{step.Step}' sends no in-app message, and only those can be read: add in-app to it, or wait for the message to be delivered."));
                break;
            case WaitForWhat.Status when step.Statuses.Count == 0 || step.Statuses.Any(string.IsNullOrWhiteSpace):
                errors.Add(new($"{at}.statuses", "choose at least one status to wait for."));
                break;
            case WaitForWhat.Event when string.IsNullOrWhiteSpace(step.EventType) || step.EventType.Length > 100 || step.EventType.Any(char.IsWhiteSpace):
                errors.Add(new($"{at}.eventType", "is required: the event's type, such as 'booking.confirmed' (no spaces)."));
                break;
            case WaitForWhat.Event when EventTypes.IsBuiltIn(step.EventType!):
                errors.Add(new($"{at}.eventType", $"'{step.EventType}' is a record change; to wait for a status, wait for the status instead."));
                break;
        }

        check.Target(step.Happened, $"{at}.happened", errors);
        check.Target(step.TimedOut, $"{at}.timedOut", errors);
    }

    protected override string Describe(WaitForStepDefinition step) =>
        $"Wait up to {WaitForWords.TimeOut(step)} for {WaitForWords.What(step)}; if it happens, {Target(step.Happened)}; if not, {Target(step.TimedOut)}";

    private static string Target(string? id) => id is null or StepDefinition.End ? "end" : $"go to '{id}'";
}
