namespace Notify.Workflows.Conditions;

/// <summary>
/// A record as conditions see it: <c>record.Status</c>, <c>record.Deadline</c>, and its data by type:
/// <c>record.Number("amount") &gt; 1000</c>, <c>record.Date("starts") &lt; now</c>, <c>record.Text("city") == "Oslo"</c>,
/// <c>record.Flag("vip")</c>, <c>record.Has("phone")</c>. <c>record.Data["x"]</c> still gives the raw value.
/// </summary>
[System.Linq.Dynamic.Core.CustomTypeProviders.DynamicLinqType]
public sealed class ConditionRecord
{
    public string Type { get; init; } = "";

    public string Key { get; init; } = "";

    public string Status { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>UTC; <see cref="DateTime.MinValue"/> when the record has none.</summary>
    public DateTime Deadline { get; init; }

    public bool HasDeadline { get; init; }

    public bool IsDone { get; init; }

    public List<string> Assignees { get; init; } = [];

    public Dictionary<string, string> Contacts { get; init; } = [];

    public Dictionary<string, object> Data { get; init; } = [];

    public bool Has(string field) => ConditionData.Has(Data, field);

    public decimal Number(string field) => ConditionData.Number(Data, field);

    public string Text(string field) => ConditionData.Text(Data, field);

    public DateTime Date(string field) => ConditionData.Date(Data, field);

    public bool Flag(string field) => ConditionData.Flag(Data, field);

    /// <summary><c>record.AddWorkingDays(now, 2)</c>: a time moved by working days (Monday to Friday, minus holidays), at most 1,000 either way.</summary>
    public DateTime AddWorkingDays(DateTime from, int days) => Calendar.Shift(
        from, Math.Min(Math.Abs(days), 1000), Definitions.TimeUnit.WorkingDays, days < 0 ? Definitions.OffsetDirection.Before : Definitions.OffsetDirection.After);

    /// <summary><c>record.Day(2026, 12, 24)</c>: the start of that day in the organisation's time zone, as UTC like every other time here.</summary>
    public DateTime Day(int year, int month, int day)
    {
        var midnight = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(Zone.IsInvalidTime(midnight) ? midnight.AddHours(1) : midnight, Zone); // where clocks skip midnight, the day starts at 01:00
    }

    internal Triggers.WorkCalendar Calendar { get; init; } = new();

    internal TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}
