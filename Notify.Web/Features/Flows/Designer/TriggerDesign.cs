using Notify.Domain.Records;
using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>One of a flow's triggers as the designer edits it: plain settable properties, to and from <see cref="TriggerDefinition"/>.</summary>
public sealed class TriggerDesign
{
    public const string CustomEvent = "custom";

    public static readonly IReadOnlyList<(string Event, string Label)> Events =
    [
        (EventTypes.Created, "A record is created"),
        (EventTypes.StatusChanged, "A record's status changes"),
        (EventTypes.Changed, "Something on a record changes (the fields you pick)"),
        (EventTypes.Assigned, "Someone is assigned to a record"),
        (EventTypes.Deadline, "A deadline approaches or has passed"),
        (CustomEvent, "A custom event from another system"),
    ];

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

    /// <summary>For "something changes": the fields watched (<c>status</c>, <c>data.booking_start</c>…); none = any.</summary>
    public List<string> Fields { get; set; } = [];

    public static TriggerDesign From(TriggerDefinition trigger)
    {
        var builtIn = Events.Any(e => e.Event == trigger.Event && e.Event != CustomEvent);
        return new TriggerDesign
        {
            Event = builtIn ? trigger.Event : CustomEvent,
            CustomEventType = builtIn ? "" : trigger.Event,
            RecordTypes = trigger.RecordTypes.ToList(),
            FromStatuses = string.Join(", ", trigger.FromStatuses),
            ToStatuses = string.Join(", ", trigger.ToStatuses),
            DeadlineAmount = trigger.Deadline?.Amount ?? 1,
            DeadlineUnit = trigger.Deadline?.Unit ?? TimeUnit.Days,
            DeadlineDirection = trigger.Deadline?.Direction ?? OffsetDirection.Before,
            Fields = trigger.Fields?.ToList() ?? [],
        };
    }

    public TriggerDefinition ToDefinition() => new()
    {
        Event = Event == CustomEvent ? CustomEventType.Trim() : Event,
        RecordTypes = RecordTypes.ToList(),
        FromStatuses = Event == EventTypes.StatusChanged ? FlowDesign.SplitList(FromStatuses) : [],
        ToStatuses = Event == EventTypes.StatusChanged ? FlowDesign.SplitList(ToStatuses) : [],
        Deadline = Event == EventTypes.Deadline ? new DeadlineOffset(DeadlineAmount, DeadlineUnit, DeadlineDirection) : null,
        Fields = Event == EventTypes.Changed && Fields.Count > 0 ? Fields.ToList() : null,
    };
}
