using Notify.Domain.Records;

namespace Notify.Web.Components.Shared;

/// <summary>What happened to a record, in the words a page shows; a custom event keeps the name the host system gave it.</summary>
public static class EventWords
{
    public static string What(string type) => type switch
    {
        EventTypes.Created => "Created",
        EventTypes.StatusChanged => "Status changed",
        EventTypes.Assigned => "Assigned",
        EventTypes.DeadlineChanged => "Deadline set or moved",
        EventTypes.Deadline => "Deadline reminder",
        EventTypes.Changed => "Changed",
        _ => type,
    };
}
