using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;

namespace Notify.Web.Features.Flows;

/// <summary>What a new flow can start from: an empty canvas, or a common flow to adapt.</summary>
public static class FlowStarters
{
    public const string Empty = "empty";

    public static readonly IReadOnlyList<(string Key, string Label, string Help)> All =
    [
        (Empty, "An empty canvas", "Only the When node: you draw the rest."),
        ("order-ready", "Order ready → tell the customer", "When an order's status changes to ready: email and SMS to its customer."),
        ("deadline-reminders", "Reminder before and after a deadline", "A day before a task's deadline remind the assignees; an hour after it, if it is still not done, tell them again."),
        ("new-assignee", "New assignee told", "When someone is assigned to a record: an in-app message to those just assigned."),
        ("booking-confirmation", "Booking confirmation", "When a booking is made, and again when its time moves: a confirmation by email and SMS to its customer."),
    ];

    public static FlowDefinition Create(string? starter, string name) => (starter ?? Empty) switch
    {
        "order-ready" => new()
        {
            Name = name,
            Trigger = new TriggerDefinition { Event = EventTypes.StatusChanged, RecordTypes = ["order"], ToStatuses = ["ready"] },
            Steps = [Send("tell-customer", ["email", "sms"], "order-ready", ["customer"])],
        },
        "deadline-reminders" => new()
        {
            Name = name,
            Trigger = new TriggerDefinition { Event = EventTypes.Deadline, RecordTypes = ["task"], Deadline = new DeadlineOffset(1, TimeUnit.Days, OffsetDirection.Before) },
            Steps =
            [
                new ConditionStepDefinition { Id = "not-done", Title = "Not done yet", Expression = "!record.IsDone" },
                Send("remind", ["sms", "inApp"], "task-due-soon", ["assignees"]),
                new DelayStepDefinition { Id = "until-after", Title = "Until an hour after the deadline", Amount = 1, Unit = TimeUnit.Hours, Direction = OffsetDirection.After, Until = "deadline" },
                new ConditionStepDefinition { Id = "still-not-done", Title = "Still not done", Expression = "!record.IsDone" },
                Send("overdue", ["email"], "task-overdue", ["assignees"]),
            ],
        },
        "new-assignee" => new()
        {
            Name = name,
            Trigger = new TriggerDefinition { Event = EventTypes.Assigned },
            Steps = [Send("tell-assignee", ["inApp"], "", ["newAssignees"])],
        },
        "booking-confirmation" => new()
        {
            Name = name,
            Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["booking"] },
            Triggers =
            [
                new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["booking"] },
                new TriggerDefinition { Event = EventTypes.Changed, RecordTypes = ["booking"], Fields = ["deadline", "data.booking_start"] },
            ],
            Steps = [Send("confirm", ["email", "sms"], "", ["customer"])],
        },
        _ => new() { Name = name, Trigger = new TriggerDefinition { Event = EventTypes.Created } },
    };

    private static SendStepDefinition Send(string id, List<string> channels, string template, List<string> to) =>
        new() { Id = id, Channels = channels, Template = template, Recipients = to };
}
