using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Notify.Web.Features.Flows.Designer.Canvas;

/// <summary>
/// A port: a node's way in (<see cref="Exit"/> null), or one of its exits ("then", or a branch's "yes" and "no").
/// Arrows go from an exit to another node's way in.
/// </summary>
public sealed class FlowPortModel(FlowNodeModel node, string? exit, string label, PortAlignment alignment) : PortModel(node, alignment)
{
    public FlowNodeModel Node { get; } = node;

    public string? Exit { get; } = exit;

    public string Label { get; } = label;

    public override bool CanAttachTo(ILinkable other) => Exit is not null && other switch
    {
        FlowPortModel port => port.Exit is null && port.Node != Node,
        FlowNodeModel target => !target.IsTrigger && target != Node,
        _ => false,
    };
}
