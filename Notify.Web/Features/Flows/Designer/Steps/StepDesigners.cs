using MudBlazor;

namespace Notify.Web.Features.Flows.Designer.Steps;

/// <summary>
/// How the designer draws each step kind: its icon and its editor. Labels, help, exits and checks come from the
/// engine's <see cref="Notify.Workflows.Steps.StepKinds"/>; a new kind adds its editor here with one line.
/// </summary>
public static class StepDesigners
{
    private static readonly Dictionary<string, (string Icon, Type Editor)> ByKind = new(StringComparer.OrdinalIgnoreCase)
    {
        ["send"] = (Icons.Material.Filled.Send, typeof(SendStepEditor)),
        ["condition"] = (Icons.Material.Filled.FilterAlt, typeof(ConditionStepEditor)),
        ["branch"] = (Icons.Material.Filled.CallSplit, typeof(BranchStepEditor)),
        ["delay"] = (Icons.Material.Filled.HourglassTop, typeof(DelayStepEditor)),
        ["wait-for"] = (Icons.Material.Filled.NotificationsPaused, typeof(WaitForStepEditor)),
        ["webhook"] = (Icons.Material.Filled.Webhook, typeof(WebhookStepEditor)),
        ["stop"] = (Icons.Material.Filled.StopCircle, typeof(StopStepEditor)),
    };

    public static string Icon(string kind) => ByKind.TryGetValue(kind, out var d) ? d.Icon : Icons.Material.Filled.Extension;

    /// <summary>The kind's editor; a kind without one shows no fields of its own (it is still saved as it is).</summary>
    public static Type? Editor(string kind) => ByKind.TryGetValue(kind, out var d) ? d.Editor : null;
}
