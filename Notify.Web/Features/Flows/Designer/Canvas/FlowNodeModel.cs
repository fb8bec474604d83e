using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows.Designer.Canvas;

/// <summary>A node on the canvas: the trigger ("When"), or one step of the flow.</summary>
public sealed class FlowNodeModel : NodeModel
{
    public FlowNodeModel(string nodeId, StepDesign? step, Point position) : base(nodeId, position)
    {
        NodeId = nodeId;
        Step = step;
        if (step is not null) Input = (FlowPortModel)AddPort(new FlowPortModel(this, null, "in", PortAlignment.Top));
        var exits = step is null ? [new Notify.Workflows.Steps.StepExit(Notify.Workflows.Steps.StepExit.Next, "then", null)] : step.Exits;
        foreach (var exit in exits) AddPort(new FlowPortModel(this, exit.Name, exit.Label, PortAlignment.Bottom));
    }

    /// <summary>The step id, or <see cref="FlowGraph.Trigger"/>.</summary>
    public string NodeId { get; }

    /// <summary>Null for the trigger.</summary>
    public StepDesign? Step { get; }

    /// <summary>Where arrows come in (the trigger has none).</summary>
    public FlowPortModel? Input { get; }

    public bool IsTrigger => Step is null;

    public IEnumerable<FlowPortModel> Outputs => Ports.OfType<FlowPortModel>().Where(p => p.Exit is not null);
}
