using Notify.Domain.Common;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Definitions;

/// <summary>
/// Checks of a flow's shape, said on the node they concern: a step nothing leads to, a branch path left open, and a
/// loop without a wait (that one is an error: the run would go round at once, forever).
/// </summary>
public static class FlowShapeCheck
{
    public static IReadOnlyList<FlowWarning> Warnings(FlowDefinition flow)
    {
        var graph = new FlowGraph(flow);
        var reachable = graph.Reachable().ToHashSet(StringComparer.Ordinal);
        var warnings = new List<FlowWarning>();
        foreach (var step in flow.Steps.Where(s => !string.IsNullOrWhiteSpace(s.Id)))
        {
            if (!reachable.Contains(step.Id))
            {
                warnings.Add(new(step.Id, "Nothing leads here, so this step never runs: connect an arrow to it, or remove it."));
            }

            foreach (var open in graph.From(step.Id).Where(e => e.Exit != StepExit.Next && e.Target is null))
            {
                warnings.Add(new(step.Id, $"The '{open.Label}' path is not connected: the run ends there. Connect it to a step (a Stop step if ending is meant)."));
            }
        }

        return warnings;
    }

    /// <summary>Adds an error on the first step of each loop that has no wait in it.</summary>
    public static void LoopsWithoutWait(FlowDefinition flow, List<FieldError> errors)
    {
        foreach (var loop in new FlowGraph(flow).Loops())
        {
            var steps = flow.Steps.Where(s => loop.Contains(s.Id)).ToList();
            if (steps.Any(s => StepKinds.Of(s).Waits)) continue;
            var first = flow.Steps.ToList().FindIndex(s => s.Id == loop[0]);
            errors.Add(new($"steps[{first}].next",
                $"the steps {string.Join(" → ", loop.Select(id => $"'{id}'"))} lead round in a circle without a wait: the run would repeat them forever. Add a Wait step to the loop, or break it."));
        }
    }
}
