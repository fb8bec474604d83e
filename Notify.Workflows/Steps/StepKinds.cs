using Notify.Workflows.Steps.Branch;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Steps.Stop;
using Notify.Workflows.Steps.WaitFor;
using Notify.Workflows.Steps.Webhook;

namespace Notify.Workflows.Steps;

/// <summary>The step kinds there are, in the order the designer offers them. A new kind is one folder and one line here.</summary>
public static class StepKinds
{
    public static IReadOnlyList<StepKind> All { get; } =
        [new SendStepKind(), new ConditionStepKind(), new BranchStepKind(), new DelayStepKind(), new WaitForStepKind(), new WebhookStepKind(), new StopStepKind()];

    private static readonly Dictionary<string, StepKind> ByKind = All.ToDictionary(k => k.Kind, StringComparer.OrdinalIgnoreCase);

    public static StepKind? Find(string kind) => ByKind.GetValueOrDefault(kind);

    public static StepKind Of(Definitions.StepDefinition step) => ByKind[step.Kind];
}
