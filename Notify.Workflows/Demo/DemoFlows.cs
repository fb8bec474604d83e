using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Demo;

/// <summary>The three published demo flows host systems may rely on (DESIGN.md, "Demo seed").</summary>
public static class DemoFlows
{
    public static FlowDefinition OrderReady { get; } = new()
    {
        Name = "Order ready",
        Description = "When an order is ready for pick-up, tell its customer by email and SMS.",
        Trigger = new TriggerDefinition { Event = EventTypes.StatusChanged, RecordTypes = ["order"], ToStatuses = ["ready"] },
        Steps =
        [
            new ConditionStepDefinition { Id = "still-ready", Title = "Order is still ready", Expression = "record.Status == \"ready\"" },
            new SendStepDefinition { Id = "tell-customer", Title = "Tell the customer", Channels = ["email", "sms"], Template = "order-ready", Recipients = ["customer"] },
        ],
    };

    public static FlowDefinition TaskDueSoon { get; } = new()
    {
        Name = "Task due soon",
        Description = "24 hours before a task's deadline, remind its assignees by SMS and in the app, unless it is done.",
        Trigger = new TriggerDefinition
        {
            Event = EventTypes.Deadline, RecordTypes = ["task"], Deadline = new DeadlineOffset(24, TimeUnit.Hours, OffsetDirection.Before),
        },
        Steps =
        [
            new ConditionStepDefinition { Id = "not-done", Title = "Task is not done", Expression = "!record.IsDone" },
            new SendStepDefinition { Id = "remind-assignees", Title = "Remind the assignees", Channels = ["sms", "inApp"], Template = "task-due-soon", Recipients = ["assignees"] },
        ],
    };

    public static FlowDefinition TaskOverdue { get; } = new()
    {
        Name = "Task overdue",
        Description = "1 hour after a task's deadline, if it is not done, email its assignees and its manager.",
        Trigger = new TriggerDefinition
        {
            Event = EventTypes.Deadline, RecordTypes = ["task"], Deadline = new DeadlineOffset(1, TimeUnit.Hours, OffsetDirection.After),
        },
        Steps =
        [
            new ConditionStepDefinition { Id = "not-done", Title = "Task is not done", Expression = "!record.IsDone" },
            new SendStepDefinition { Id = "escalate", Title = "Email assignees and manager", Channels = ["email"], Template = "task-overdue", Recipients = ["assignees", "manager"] },
        ],
    };
}
