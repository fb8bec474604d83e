using Notify.Workflows.Definitions;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Tests.Triggers;

public class WorkCalendarTests
{
    [Fact]
    public void WorkingDaysAfterFriday_SkipTheWeekend()
    {
        var calendar = new WorkCalendar();
        var friday = new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc), calendar.Shift(friday, 2, TimeUnit.WorkingDays, OffsetDirection.After));
    }

    [Fact]
    public void WorkingDaysBeforeMonday_SkipTheWeekendAndHolidays()
    {
        var calendar = new WorkCalendar([new DateOnly(2026, 11, 20)]);
        var monday = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 11, 19, 9, 0, 0, DateTimeKind.Utc), calendar.Shift(monday, 1, TimeUnit.WorkingDays, OffsetDirection.Before));
    }
}
