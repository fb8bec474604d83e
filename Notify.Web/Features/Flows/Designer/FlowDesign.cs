using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>
/// A flow as the designer edits it: plain settable properties the form binds to, turned into a
/// <see cref="FlowDefinition"/> (and back) without losing anything the JSON can say.
/// </summary>
public sealed class FlowDesign
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Everyone gets these messages; people cannot turn the flow off in their inbox.</summary>
    public bool Required { get; set; }

    /// <summary>Urgent: messages go even inside people's quiet hours.</summary>
    public bool IgnoreQuietHours { get; set; }

    /// <summary>The flow's limit on messages per person and channel; null: none.</summary>
    public ThrottleDefinition? Throttle { get; set; }

    /// <summary>What starts the flow: at least one trigger; any of them starts it.</summary>
    public List<TriggerDesign> Triggers { get; set; } = [new()];

    private TriggerDesign First => Triggers[0];

    /// <summary>The first trigger's event: one of <see cref="EventTypes"/>' built-ins, or <see cref="CustomEvent"/>.</summary>
    public string Event { get => First.Event; set => First.Event = value; }

    /// <summary>The first trigger's custom event type when <see cref="Event"/> is <see cref="CustomEvent"/>.</summary>
    public string CustomEventType { get => First.CustomEventType; set => First.CustomEventType = value; }

    public List<string> RecordTypes { get => First.RecordTypes; set => First.RecordTypes = value; }

    public string FromStatuses { get => First.FromStatuses; set => First.FromStatuses = value; }

    public string ToStatuses { get => First.ToStatuses; set => First.ToStatuses = value; }

    public int DeadlineAmount { get => First.DeadlineAmount; set => First.DeadlineAmount = value; }

    public TimeUnit DeadlineUnit { get => First.DeadlineUnit; set => First.DeadlineUnit = value; }

    public OffsetDirection DeadlineDirection { get => First.DeadlineDirection; set => First.DeadlineDirection = value; }

    public List<StepDesign> Steps { get; set; } = [];

    /// <summary>Where each node is drawn, by step id (and <see cref="FlowGraph.Trigger"/>); every node has one.</summary>
    public Dictionary<string, NodePosition> Layout { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the positions are saved with the flow: true once the flow had them or a node was moved or added.</summary>
    public bool KeepsLayout { get; set; }

    public const string CustomEvent = TriggerDesign.CustomEvent;

    public static IReadOnlyList<(string Event, string Label)> Events => TriggerDesign.Events;

    public static FlowDesign From(FlowDefinition definition) => new()
    {
        Name = definition.Name,
        Description = definition.Description,
        Required = definition.Required,
        Throttle = definition.Throttle,
        IgnoreQuietHours = definition.IgnoreQuietHours,
        Triggers = definition.AllTriggers.Select(TriggerDesign.From).ToList(),
        Steps = definition.Steps.Select(StepDesign.From).ToList(),
        Layout = new Dictionary<string, NodePosition>(FlowLayout.Complete(definition), StringComparer.Ordinal),
        KeepsLayout = definition.Layout is { Count: > 0 },
    };

    public FlowDefinition ToDefinition() => new()
    {
        Name = Name.Trim(),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Required = Required,
        Throttle = Throttle,
        IgnoreQuietHours = IgnoreQuietHours,
        Trigger = First.ToDefinition(),
        Triggers = Triggers.Count > 1 ? Triggers.Select(t => t.ToDefinition()).ToList() : null,
        Steps = Steps.Select(s => s.ToDefinition()).ToList(),
        Layout = KeepsLayout ? SavedLayout() : null,
    };

    private Dictionary<string, NodePosition> SavedLayout()
    {
        var layout = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        foreach (var id in Steps.Select(s => s.Id.Trim()).Prepend(FlowGraph.Trigger))
        {
            if (Layout.TryGetValue(id, out var at)) layout.TryAdd(id, at);
        }

        return layout;
    }

    /// <summary>The arrows and reachability of the flow as it stands.</summary>
    public FlowGraph Graph() => new(ToDefinition());

    /// <summary>A node moved on the canvas.</summary>
    public void Place(string node, NodePosition at)
    {
        Layout[node] = at;
        KeepsLayout = true;
    }

    /// <summary>Adds a step drawn on the canvas at <paramref name="at"/>: nothing leads to it and it leads nowhere until arrows are drawn.</summary>
    public StepDesign Add(string kind, NodePosition at)
    {
        PinImplicitExits();
        var step = Insert(Steps.Count, kind);
        if (step.Exits.Any(e => e.Name == StepExit.Next)) step.Next = StepDefinition.End;
        Place(step.Id, at);
        Tidy();
        return step;
    }

    /// <summary>Points a node's exit at a step: the trigger's arrow makes that step the first.</summary>
    public void Connect(string from, string exit, string to)
    {
        if (Steps.FirstOrDefault(s => s.Id == to) is not { } target) return;
        PinImplicitExits();
        if (from == FlowGraph.Trigger)
        {
            Steps.Remove(target);
            Steps.Insert(0, target);
        }
        else if (Steps.FirstOrDefault(s => s.Id == from) is { } source)
        {
            source.PointExit(exit, to);
        }

        Tidy();
    }

    /// <summary>Takes a node's arrow away: that path now ends the run. The trigger's arrow cannot be taken away.</summary>
    public void Disconnect(string from, string exit)
    {
        if (Steps.FirstOrDefault(s => s.Id == from) is not { } source) return;
        PinImplicitExits();
        source.PointExit(exit, exit == StepExit.Next ? StepDefinition.End : null);
        Tidy();
    }

    /// <summary>Gives a step a new id, and moves every arrow and position that named the old one.</summary>
    public void Rename(StepDesign step, string id)
    {
        var old = step.Id;
        step.Id = id ?? "";
        foreach (var other in Steps)
        {
            foreach (var exit in other.Exits.Where(e => e.Target == old)) other.PointExit(exit.Name, step.Id);
        }

        if (Layout.Remove(old, out var at)) Layout[step.Id] = at;
    }

    /// <summary>Makes every "go on to the next step" explicit, so moving steps in the list cannot change where arrows lead.</summary>
    private void PinImplicitExits()
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Next is null && Steps[i].Exits.Any(e => e.Name == StepExit.Next))
                Steps[i].Next = i + 1 < Steps.Count ? Steps[i + 1].Id : StepDefinition.End;
        }
    }

    /// <summary>The reverse of <see cref="PinImplicitExits"/> where it says nothing: a jump to the very next step, or an end after the last.</summary>
    private void Tidy()
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            var following = i + 1 < Steps.Count ? Steps[i + 1].Id : StepDefinition.End;
            if (Steps[i].Next == following) Steps[i].Next = null;
        }
    }

    /// <summary>Adds a step of the given kind at <paramref name="index"/> with an id no other step has.</summary>
    public StepDesign Insert(int index, string kind)
    {
        var n = 1;
        while (Steps.Any(s => s.Id == $"{kind}-{n}"))
        {
            n++;
        }

        var step = new StepDesign((StepKinds.Find(kind) ?? StepKinds.All[0]).Create($"{kind}-{n}"));
        Steps.Insert(Math.Clamp(index, 0, Steps.Count), step);
        return step;
    }

    public void Move(int index, int by)
    {
        var to = index + by;
        if (index < 0 || index >= Steps.Count || to < 0 || to >= Steps.Count)
        {
            return;
        }

        (Steps[index], Steps[to]) = (Steps[to], Steps[index]);
    }

    /// <summary>Removes a step; jumps that pointed at it now end the run instead of pointing nowhere.</summary>
    public void Remove(int index)
    {
        var removed = Steps[index];
        var pinned = Steps.Any(s => s.Next is not null) || KeepsLayout;
        if (pinned) PinImplicitExits();
        Steps.RemoveAt(index);
        foreach (var step in Steps)
        {
            foreach (var exit in step.Exits.Where(e => e.Target == removed.Id))
            {
                step.PointExit(exit.Name, exit.Name == StepExit.Next && pinned ? StepDefinition.End : null);
            }
        }

        Layout.Remove(removed.Id);
        if (pinned) Tidy();
    }

    /// <summary>Puts this flow's content in place of the current one (undo and redo).</summary>
    public void Load(FlowDefinition definition)
    {
        var loaded = From(definition);
        (Name, Description, Required, Throttle, IgnoreQuietHours, Triggers) =
            (loaded.Name, loaded.Description, loaded.Required, loaded.Throttle, loaded.IgnoreQuietHours, loaded.Triggers);
        (Steps, Layout, KeepsLayout) = (loaded.Steps, loaded.Layout, loaded.KeepsLayout);
    }

    internal static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}
