namespace Notify.Domain.Messaging;

/// <summary>
/// A daily window, in the organisation's time zone, when SMS must not wake people (21:00–08:00, say). A message
/// decided inside the window is held until the window ends. The window may cross midnight.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, TimeZoneInfo Zone)
{
    /// <summary>The UTC time the window ends, when <paramref name="utcNow"/> falls inside it; otherwise null.</summary>
    public DateTime? HoldUntil(DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), Zone);
        var time = TimeOnly.FromDateTime(local);
        var crossesMidnight = Start > End;
        var inside = crossesMidnight ? time >= Start || time < End : time >= Start && time < End;
        if (!inside || Start == End)
        {
            return null;
        }

        var endDay = crossesMidnight && time >= Start ? local.Date.AddDays(1) : local.Date;
        return Common.LocalClock.ToUtc(endDay + End.ToTimeSpan(), Zone); // an end in a daylight-saving gap: the first valid time after it
    }
}
