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

    /// <summary>One of <see cref="EventTypes"/>' built-ins, or <see cref="CustomEvent"/>.</summary>
    public string Event { get; set; } = EventTypes.StatusChanged;

    /// <summary>The custom event type when <see cref="Event"/> is <see cref="CustomEvent"/>.</summary>
    public string CustomEventType { get; set; } = "";

    public List<string> RecordTypes { get; set; } = [];

    public string FromStatuses { get; set; } = "";

    public string ToStatuses { get; set; } = "";

    public int DeadlineAmount { get; set; } = 1;

    public TimeUnit DeadlineUnit { get; set; } = TimeUnit.Days;

    public OffsetDirection DeadlineDirection { get; set; } = OffsetDirection.Before;

    public List<StepDesign> Steps { get; set; } = [];

    public const string CustomEvent = "custom";

    public static readonly IReadOnlyList<(string Event, string Label)> Events =
    [
        (EventTypes.Created, "A record is created"),
        (EventTypes.StatusChanged, "A record's status changes"),
        (EventTypes.Assigned, "Someone is assigned to a record"),
        (EventTypes.Deadline, "A deadline approaches or has passed"),
        (CustomEvent, "A custom event from another system"),
    ];

    public static FlowDesign From(FlowDefinition definition)
    {
        var builtIn = Events.Any(e => e.Event == definition.Trigger.Event && e.Event != CustomEvent);
        var deadline = definition.Trigger.Deadline;
        return new FlowDesign
        {
            Name = definition.Name,
            Description = definition.Description,
            Required = definition.Required,
            Event = builtIn ? definition.Trigger.Event : CustomEvent,
            CustomEventType = builtIn ? "" : definition.Trigger.Event,
            RecordTypes = definition.Trigger.RecordTypes.ToList(),
            FromStatuses = string.Join(", ", definition.Trigger.FromStatuses),
            ToStatuses = string.Join(", ", definition.Trigger.ToStatuses),
            DeadlineAmount = deadline?.Amount ?? 1,
            DeadlineUnit = deadline?.Unit ?? TimeUnit.Days,
            DeadlineDirection = deadline?.Direction ?? OffsetDirection.Before,
            Steps = definition.Steps.Select(StepDesign.From).ToList(),
        };
    }

    public FlowDefinition ToDefinition() => new()
    {
        Name = Name.Trim(),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Required = Required,
        Trigger = new TriggerDefinition
        {
            Event = Event == CustomEvent ? CustomEventType.Trim() : Event,
            RecordTypes = RecordTypes.ToList(),
            FromStatuses = Event == EventTypes.StatusChanged ? SplitList(FromStatuses) : [],
            ToStatuses = Event == EventTypes.StatusChanged ? SplitList(ToStatuses) : [],
            Deadline = Event == EventTypes.Deadline ? new DeadlineOffset(DeadlineAmount, DeadlineUnit, DeadlineDirection) : null,
        },
        Steps = Steps.Select(s => s.ToDefinition()).ToList(),
    };

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
        Steps.RemoveAt(index);
        foreach (var step in Steps)
        {
            foreach (var exit in step.Exits.Where(e => e.Target == removed.Id))
            {
                step.PointExit(exit.Name, null);
            }
        }
    }

    internal static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}
