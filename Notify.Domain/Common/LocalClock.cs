namespace Notify.Domain.Common;

/// <summary>Wall-clock times in a time zone turned into UTC, also on the night the clocks jump forward.</summary>
public static class LocalClock
{
    /// <summary>UTC of <paramref name="local"/> in <paramref name="zone"/>; a time the clocks skip becomes the first valid time after it.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
