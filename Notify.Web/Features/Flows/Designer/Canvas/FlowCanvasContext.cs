namespace Notify.Web.Features.Flows.Designer.Canvas;

/// <summary>What each node widget needs besides its node, cascaded from the canvas.</summary>
public sealed record FlowCanvasContext(FlowDesign Design, DesignerCatalog Catalog, NodeProblems Problems);
