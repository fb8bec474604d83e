using Notify.Domain.Common;
using Notify.Domain.Records;

namespace Notify.Workflows.Conditions;

/// <summary>Builds what conditions see from an event and a record, and says it back in words for the journal.</summary>
public static class ConditionInputFactory
{
    public static ConditionInput Create(RecordEvent e, RecordSnapshot record, RecordType type, DateTime now, Triggers.WorkCalendar? calendar = null, TimeZoneInfo? zone = null) => new(
        new ConditionEvent
        {
            Type = e.Type,
            FromStatus = e.FromStatus ?? "",
            ToStatus = e.ToStatus ?? "",
            AddedAssignees = e.AddedAssignees.ToList(),
            Data = Plain(e.DataJson),
        },
        ToRecord(record, type, calendar, zone),
        ToRecord(e.Previous ?? new RecordSnapshot { Type = record.Type, Key = record.Key }, type, calendar, zone),
        now);

    public static string Describe(ConditionInput input) =>
        $"record.Status='{input.Record.Status}', previous.Status='{input.Previous.Status}', event.Type='{input.Event.Type}'" +
        (input.Record.HasDeadline ? $", record.Deadline={input.Record.Deadline:u}" : "") + $", now={input.Now:u}";

    private static ConditionRecord ToRecord(RecordSnapshot s, RecordType type, Triggers.WorkCalendar? calendar, TimeZoneInfo? zone) => new()
    {
        Zone = zone ?? TimeZoneInfo.Utc,
        Calendar = calendar ?? new Triggers.WorkCalendar(),
        Type = s.Type,
        Key = s.Key,
        Status = s.Status,
        Title = s.Title,
        Deadline = s.Deadline ?? DateTime.MinValue,
        HasDeadline = s.Deadline is not null,
        IsDone = type.IsDone(s.Status),
        Assignees = s.Assignees.ToList(),
        Contacts = new Dictionary<string, string>(s.Contacts),
        Data = Plain(s.DataJson),
    };

    private static Dictionary<string, object> Plain(string json) =>
        JsonData.ToDictionary(json).ToDictionary(kv => kv.Key, kv => kv.Value ?? "");
}
