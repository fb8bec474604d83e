using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows.Designer.Canvas;

/// <summary>
/// The canvas over a <see cref="FlowDesign"/>: the design is the one model; the diagram is drawn from it and every
/// drawing gesture (a new arrow, an arrow removed, a node moved, added or deleted) is handed back to it as an edit.
/// </summary>
public partial class FlowCanvas : IDisposable
{
    private readonly BlazorDiagram _diagram;
    private FlowCanvasContext _context = default!;
    private string _drawn = "";
    private bool _rebuilding;
    private string? _dragged;
    private bool _placed;

    public FlowCanvas()
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = false,
            GridSize = 20,
            Links = { DefaultRouter = new NormalRouter(), DefaultPathGenerator = new SmoothPathGenerator(), RequireTarget = true, EnableSnapping = true, SnappingRadius = 40 },
            Zoom = { Minimum = 0.3, Maximum = 2 },
        };
        options.Links.Factory = (_, source, target) => !ReadOnly && source is FlowPortModel { Exit: not null } port
            ? new LinkModel(new SinglePortAnchor(port), target) { TargetMarker = LinkMarker.Arrow }
            : null;
        options.Links.TargetAnchorFactory = (_, _, model) => model switch
        {
            FlowNodeModel { Input: { } input } => new SinglePortAnchor(input),
            PortModel port => new SinglePortAnchor(port),
            NodeModel node => new ShapeIntersectionAnchor(node),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };
        options.Constraints.ShouldDeleteNode = node => ReadOnly ? ValueTask.FromResult(false) : ConfirmDeleteAsync(node);
        options.Constraints.ShouldDeleteLink = link => ValueTask.FromResult(!ReadOnly && SourceOf(link) is { Node.IsTrigger: false });
        _diagram = new BlazorDiagram(options);
        _diagram.RegisterComponent<FlowNodeModel, FlowNodeWidget>();
        _diagram.SelectionChanged += OnSelectionChanged;
        _diagram.Links.Added += OnLinkAdded;
        _diagram.Links.Removed += OnLinkRemoved;
        _diagram.Nodes.Removed += OnNodeRemoved;
        _diagram.KeyDown += OnKeyDown;
        _diagram.ContainerChanged += OnContainerChanged;
        var keys = _diagram.GetBehavior<KeyboardShortcutsBehavior>();
        keys?.RemoveShortcut("Delete", false, false, false);
        keys?.SetShortcut("Delete", false, false, false, _ => new ValueTask(DeleteSelectedAsync()));
    }

    [Parameter, EditorRequired] public FlowDesign Design { get; set; } = default!;

    [Parameter, EditorRequired] public DesignerCatalog Catalog { get; set; } = default!;

    [Parameter, EditorRequired] public NodeProblems Problems { get; set; } = default!;

    /// <summary>The selected node's id (a step id or "trigger"), or null.</summary>
    [Parameter] public string? Selected { get; set; }

    /// <summary>A version looked at, not edited: nodes stay where they are, no arrow can be drawn or removed, nothing can be added.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>A trial's result: the nodes it went through are lit, each with what it decided.</summary>
    [Parameter] public Notify.Workflows.Runtime.DryRunResult? Trace { get; set; }

    [Parameter] public EventCallback<string?> SelectedChanged { get; set; }

    /// <summary>Raised after every edit made by drawing.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Parameter] public bool CanUndo { get; set; }

    [Parameter] public bool CanRedo { get; set; }

    [Parameter] public EventCallback OnUndo { get; set; }

    [Parameter] public EventCallback OnRedo { get; set; }

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private bool CanDelete => _diagram.GetSelectedModels().Any(m => m is FlowNodeModel { IsTrigger: false } || m is BaseLinkModel l && SourceOf(l) is { Node.IsTrigger: false });

    protected override void OnParametersSet()
    {
        _context = new FlowCanvasContext(Design, Catalog, Problems, Trace);
        var drawing = Drawing();
        if (drawing != _drawn) Rebuild(drawing);
        else _diagram.Refresh();
    }

    /// <summary>What the diagram shows, as one string: when it changes, the diagram is drawn again.</summary>
    private string Drawing()
    {
        var definition = Design.ToDefinition();
        var edges = string.Join(";", new FlowGraph(definition).Edges.Select(e => $"{e.From}.{e.Exit}>{e.Target}"));
        var places = string.Join(";", Design.Layout.Select(p => $"{p.Key}@{p.Value.X},{p.Value.Y}"));
        var kinds = string.Join(";", Design.Steps.Select(s => $"{s.Id}:{s.Kind}:{s.Exits.Count}"));
        return $"{kinds}|{edges}|{places}";
    }

    private void Rebuild(string drawing)
    {
        _rebuilding = true;
        try
        {
            var definition = Design.ToDefinition();
            var auto = FlowLayout.Auto(definition);
            NodePosition At(string id) => Design.Layout.TryGetValue(id, out var p) ? p : auto.GetValueOrDefault(id) ?? new NodePosition(0, 0);
            _diagram.Links.Clear();
            _diagram.Nodes.Clear();
            var nodes = new Dictionary<string, FlowNodeModel>(StringComparer.Ordinal);
            nodes[FlowGraph.Trigger] = Node(FlowGraph.Trigger, null, At(FlowGraph.Trigger));
            foreach (var step in Design.Steps.Where(s => !string.IsNullOrEmpty(s.Id))) nodes.TryAdd(step.Id, Node(step.Id, step, At(step.Id)));
            _diagram.Nodes.Add(nodes.Values);
            foreach (var edge in new FlowGraph(definition).Edges.Where(e => e.Target is not null))
            {
                if (!nodes.TryGetValue(edge.From, out var from) || !nodes.TryGetValue(edge.Target!, out var to) || to.Input is null) continue;
                if (from.Outputs.FirstOrDefault(p => p.Exit == edge.Exit) is not { } port) continue;
                _diagram.Links.Add(new LinkModel(new SinglePortAnchor(port), new SinglePortAnchor(to.Input)) { TargetMarker = LinkMarker.Arrow });
            }

            if (Selected is not null && nodes.TryGetValue(Selected, out var selected)) _diagram.SelectModel(selected, true);
            _drawn = drawing;
        }
        finally
        {
            _rebuilding = false;
        }
    }

    private FlowNodeModel Node(string id, StepDesign? step, NodePosition at)
    {
        var node = new FlowNodeModel(id, step, new Point(at.X, at.Y)) { Locked = ReadOnly };
        node.Moved += OnMoved;
        return node;
    }

    private static FlowPortModel? SourceOf(BaseLinkModel link) => (link.Source as SinglePortAnchor)?.Port as FlowPortModel;

    private static FlowNodeModel? TargetOf(BaseLinkModel link) => link.Target switch
    {
        SinglePortAnchor { Port: FlowPortModel port } => port.Node,
        ShapeIntersectionAnchor { Node: FlowNodeModel node } => node,
        _ => null,
    };

    private void OnMoved(MovableModel model)
    {
        if (model is not FlowNodeModel node) return;
        Design.Place(node.NodeId, new NodePosition(Math.Round(node.Position.X), Math.Round(node.Position.Y)));
        _drawn = Drawing();
        _ = InvokeAsync(() => Changed.InvokeAsync());
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (!_rebuilding) link.TargetAttached += OnLinkAttached;
    }

    private void OnLinkAttached(BaseLinkModel link)
    {
        if (SourceOf(link) is not { Exit: { } exit } port || TargetOf(link) is not { Step: { } } target) return;
        Design.Connect(port.Node.NodeId, exit, target.NodeId);
        _ = InvokeAsync(() => Changed.InvokeAsync());
    }

    private void OnLinkRemoved(BaseLinkModel link)
    {
        if (_rebuilding || !link.IsAttached || SourceOf(link) is not { Exit: { } exit } port || port.Node.IsTrigger) return;
        Design.Disconnect(port.Node.NodeId, exit);
        _ = InvokeAsync(() => Changed.InvokeAsync());
    }

    private void OnNodeRemoved(NodeModel model)
    {
        if (_rebuilding || model is not FlowNodeModel { Step: { } step }) return;
        var index = Design.Steps.IndexOf(step);
        if (index < 0) return;
        Design.Remove(index);
        _ = InvokeAsync(async () =>
        {
            await SelectedChanged.InvokeAsync(null);
            await Changed.InvokeAsync();
        });
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (_rebuilding) return;
        var selected = _diagram.GetSelectedModels().OfType<FlowNodeModel>().FirstOrDefault()?.NodeId;
        if (selected == Selected) return;
        Selected = selected;
        _ = InvokeAsync(() => SelectedChanged.InvokeAsync(selected));
    }

    private void OnKeyDown(Blazor.Diagrams.Core.Events.KeyboardEventArgs e)
    {
        if (!e.CtrlKey) return;
        if (e.Key is "z" or "Z") _ = InvokeAsync(Undo);
        else if (e.Key is "y" or "Y") _ = InvokeAsync(Redo);
    }

    private async ValueTask<bool> ConfirmDeleteAsync(NodeModel model)
    {
        if (model is not FlowNodeModel { Step: { } step }) return false;
        var arrows = Design.Graph().Edges.Count(e => e.Target == step.Id);
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove step",
            $"Remove '{step.Title ?? step.Info.Label}' ({step.Id})?" + (arrows > 0 ? $" The {arrows} arrow(s) into it will end the run instead." : "") +
            " Nothing changes until you save, and Undo brings it back.",
            yesText: "Remove", cancelText: "Cancel");
        return confirmed == true;
    }

    private async Task DeleteSelectedAsync()
    {
        if (!ReadOnly) await KeyboardShortcutsDefaults.DeleteSelection(_diagram);
    }

    private async Task AddAsync(string kind, NodePosition? at)
    {
        var step = Design.Add(kind, at ?? FreeSpot());
        Selected = step.Id;
        await SelectedChanged.InvokeAsync(step.Id);
        await Changed.InvokeAsync();
    }

    /// <summary>Below the lowest node, so a clicked-in node never lands on another.</summary>
    private NodePosition FreeSpot()
    {
        var lowest = _diagram.Nodes.Count == 0 ? null : _diagram.Nodes.MaxBy(n => n.Position.Y);
        return lowest is null ? new NodePosition(0, 0) : new NodePosition(Math.Round(lowest.Position.X), Math.Round(lowest.Position.Y + FlowLayout.RowHeight));
    }

    private async Task OnDropAsync(DragEventArgs e)
    {
        if (_dragged is not { } kind || ReadOnly) return;
        _dragged = null;
        var at = _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        await AddAsync(kind, new NodePosition(Math.Round(at.X - FlowLayout.NodeWidth / 2), Math.Round(at.Y - 30)));
    }

    /// <summary>The first time the canvas knows its size, the flow is put in view.</summary>
    private void OnContainerChanged()
    {
        if (_placed || _diagram.Container is not { Width: > 0 } || _diagram.Nodes.Count == 0) return;
        _placed = true;
        Fit();
        _ = InvokeAsync(StateHasChanged);
    }

    /// <summary>The whole flow in view: centred at its own size, or zoomed out until it fits (never zoomed in past 100%).</summary>
    private void Fit()
    {
        if (_diagram.Container is not { Width: > 0 } box || _diagram.Nodes.Count == 0) return;
        var left = _diagram.Nodes.Min(n => n.Position.X);
        var top = _diagram.Nodes.Min(n => n.Position.Y);
        var right = _diagram.Nodes.Max(n => n.Position.X + (n.Size?.Width ?? FlowLayout.NodeWidth));
        var bottom = _diagram.Nodes.Max(n => n.Position.Y + (n.Size?.Height ?? 130));
        var zoom = Math.Clamp(Math.Min((box.Width - 80) / (right - left), (box.Height - 60) / (bottom - top)), 0.3, 1);
        _diagram.SetZoom(zoom);
        _diagram.SetPan(Math.Round(box.Width / 2 - (left + right) / 2 * zoom), Math.Round(30 - top * zoom));
    }

    private void ZoomBy(double factor) => _diagram.SetZoom(Math.Clamp(_diagram.Zoom * factor, 0.3, 2));

    private async Task TidyUpAsync()
    {
        foreach (var (id, at) in FlowLayout.Auto(Design.ToDefinition() with { Layout = null })) Design.Place(id, at);
        await Changed.InvokeAsync();
    }

    private Task Undo() => OnUndo.InvokeAsync();

    private Task Redo() => OnRedo.InvokeAsync();

    public void Dispose()
    {
        _diagram.SelectionChanged -= OnSelectionChanged;
        _diagram.Links.Added -= OnLinkAdded;
        _diagram.Links.Removed -= OnLinkRemoved;
        _diagram.Nodes.Removed -= OnNodeRemoved;
        _diagram.KeyDown -= OnKeyDown;
        _diagram.ContainerChanged -= OnContainerChanged;
        GC.SuppressFinalize(this);
    }
}
