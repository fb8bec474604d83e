using Notify.Domain.Messaging;

namespace Notify.Domain.Tests.Messaging;

public class QuietHoursTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(8, 0), Oslo);

    [Theory]
    [InlineData("2026-11-16T21:30:00Z", "2026-11-17T07:00:00Z")] // 22:30 in Oslo (UTC+1): held until 08:00 next morning
    [InlineData("2026-11-16T20:00:00Z", "2026-11-17T07:00:00Z")] // 21:00 exactly: inside
    [InlineData("2026-11-17T05:59:00Z", "2026-11-17T07:00:00Z")] // 06:59 the same morning
    [InlineData("2026-06-16T05:00:00Z", "2026-06-16T06:00:00Z")] // summer (UTC+2): 07:00 local, held until 08:00 local
    public void HoldUntil_InsideTheWindow_IsTheWindowsEnd(string now, string expected)
    {
        var until = Night.HoldUntil(DateTime.Parse(now).ToUniversalTime());

        Assert.Equal(DateTime.Parse(expected).ToUniversalTime(), until);
    }

    [Theory]
    [InlineData("2026-11-17T07:00:00Z")] // 08:00 exactly: the window is over
    [InlineData("2026-11-16T11:00:00Z")]
    [InlineData("2026-11-16T19:59:00Z")]
    public void HoldUntil_OutsideTheWindow_IsNull(string now) =>
        Assert.Null(Night.HoldUntil(DateTime.Parse(now).ToUniversalTime()));

    [Fact]
    public void HoldUntil_WindowWithinOneDay_HoldsUntilItsEndThatDay()
    {
        var lunch = new QuietHours(new TimeOnly(11, 0), new TimeOnly(12, 30), Oslo);

        Assert.Equal(new DateTime(2026, 11, 16, 11, 30, 0, DateTimeKind.Utc), lunch.HoldUntil(new DateTime(2026, 11, 16, 10, 15, 0, DateTimeKind.Utc)));
        Assert.Null(lunch.HoldUntil(new DateTime(2026, 11, 16, 9, 59, 0, DateTimeKind.Utc)));
    }
}
