using Notify.Workflows.Definitions;

namespace Notify.Workflows.Triggers;

/// <summary>Moves a time by minutes, hours, days or working days (Mon–Fri, minus holidays).</summary>
public sealed class WorkCalendar(IEnumerable<DateOnly>? holidays = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? []];

    public DateTime Shift(DateTime from, int amount, TimeUnit unit, OffsetDirection direction)
    {
        var sign = direction == OffsetDirection.Before ? -1 : 1;
        return unit switch
        {
            TimeUnit.Minutes => from.AddMinutes(sign * amount),
            TimeUnit.Hours => from.AddHours(sign * amount),
            TimeUnit.Days => from.AddDays(sign * amount),
            TimeUnit.WorkingDays => AddWorkingDays(from, sign * amount),
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    private DateTime AddWorkingDays(DateTime from, int days)
    {
        var step = Math.Sign(days);
        var current = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(DateOnly.FromDateTime(current)))
            {
                left--;
            }
        }

        return current;
    }
}
