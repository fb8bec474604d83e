namespace Notify.Domain.Records;

/// <summary>The event types Notify derives itself; any other dotted name is a custom event.</summary>
public static class EventTypes
{
    public const string Created = "record.created";
    public const string StatusChanged = "record.status_changed";
    public const string Assigned = "record.assigned";

    /// <summary>A deadline was set or moved: schedules (or moves) waiting deadline reminders.</summary>
    public const string DeadlineChanged = "record.deadline_changed";

    /// <summary>The trigger of deadline reminders ("2 days before", "1 hour after").</summary>
    public const string Deadline = "record.deadline";

    /// <summary>
    /// Anything about an existing record changed (its status, title, deadline, assignees, contacts or a data field):
    /// derived once per upsert that changed something, after the more specific events; a flow narrows it to the fields
    /// it watches ("the booking moved").
    /// </summary>
    public const string Changed = "record.changed";

    public static bool IsBuiltIn(string type) =>
        type is Created or StatusChanged or Assigned or DeadlineChanged or Deadline or Changed;
}
