using System.Text.Json.Serialization;

namespace Notify.Workflows.Definitions;

/// <summary>
/// A send step that collects instead of sending at once: per person, channel (and <see cref="Key"/>), the messages of a
/// window go as one, whose template sees them all (<c>{% for e in digest.events %}</c>). The window is a length of time
/// from the first message (<see cref="Window"/>), or until a time of day (<see cref="Until"/>, optionally on working days).
/// </summary>
public sealed record DigestDefinition
{
    public WaitTime? Window { get; init; }

    /// <summary>A 24-hour time ("16:00") in the organisation's time zone: the digest goes at the next such time.</summary>
    public string? Until { get; init; }

    /// <summary>With <see cref="Until"/>: only on working days (Monday to Friday, minus holidays).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool WorkingDays { get; init; }

    /// <summary>Collect separately per this value (merge tags, e.g. <c>{{ record.contacts.customer }}</c>); empty: one digest per person.</summary>
    public string? Key { get; init; }

    /// <summary>"30 minutes", "until 16:00 on working days".</summary>
    public override string ToString() => Until is { } until
        ? $"until {until}{(WorkingDays ? " on working days" : "")}"
        : Window?.ToString() ?? "";

    /// <summary>When a digest whose first message came at <paramref name="first"/> goes.</summary>
    public DateTime DueAfter(DateTime first, Triggers.WorkCalendar calendar, TimeZoneInfo zone)
    {
        if (Until is null || !Notify.Domain.Common.Clock.TryParse(Until, out var at))
        {
            return calendar.Shift(first, Window?.Amount ?? 0, Window?.Unit ?? TimeUnit.Minutes, OffsetDirection.After);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(first, DateTimeKind.Utc), zone);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= at) day = day.AddDays(1);
        while (WorkingDays && !calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return Notify.Domain.Common.LocalClock.ToUtc(day.ToDateTime(at), zone);
    }
}
