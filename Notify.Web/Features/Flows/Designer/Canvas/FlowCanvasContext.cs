using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Flows.Designer.Canvas;

/// <summary>What each node widget needs besides its node, cascaded from the canvas; <see cref="Trace"/> is the last trial, when one is shown.</summary>
public sealed record FlowCanvasContext(FlowDesign Design, DesignerCatalog Catalog, NodeProblems Problems, DryRunResult? Trace = null);
