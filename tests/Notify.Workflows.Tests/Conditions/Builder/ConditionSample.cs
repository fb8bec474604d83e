using Notify.Workflows.Conditions;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Tests.Conditions.Builder;

/// <summary>A record, its event and the time, set up field by field for one condition row to judge.</summary>
public sealed class ConditionSample
{
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static readonly DateTime Friday = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    public string Status { get; set; } = "new";

    public string Title { get; set; } = "Service visit";

    public DateTime? Deadline { get; set; }

    public Dictionary<string, object> Data { get; } = [];

    public List<string> Assignees { get; } = [];

    public bool IsDone { get; set; }

    public string PreviousStatus { get; set; } = "";

    public string ToStatus { get; set; } = "";

    public List<string> Added { get; } = [];

    public Dictionary<string, object> EventData { get; } = [];

    public DateTime Now { get; set; } = Friday;

    public ConditionInput ToInput() => new(
        new ConditionEvent { Type = "record.status_changed", ToStatus = ToStatus, FromStatus = PreviousStatus, AddedAssignees = Added, Data = EventData },
        new ConditionRecord
        {
            Type = "order", Key = "AO1", Status = Status, Title = Title, Deadline = Deadline ?? DateTime.MinValue, HasDeadline = Deadline is not null,
            IsDone = IsDone, Assignees = Assignees, Data = Data, Calendar = new WorkCalendar(), Zone = Oslo,
        },
        new ConditionRecord { Type = "order", Key = "AO1", Status = PreviousStatus },
        Now);
}
