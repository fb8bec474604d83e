using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels;

/// <summary>
/// <c>Notify:QuietHours</c>: when set, SMS decided between <see cref="Start"/> and <see cref="End"/> (local time in
/// <see cref="TimeZone"/>) wait until the window ends. Email and in-app messages wake nobody and go at once.
/// </summary>
public sealed class QuietHoursOptions
{
    public string? Start { get; set; }

    public string? End { get; set; }

    public string TimeZone { get; set; } = "Europe/Oslo";

    /// <summary>The window, or null when quiet hours are off; an error names the setting that is wrong.</summary>
    public QuietHours? ToQuietHours(out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End))
        {
            return null;
        }

        if (!TryParseClock(Start, out var start))
        {
            error = "Notify:QuietHours:Start must be a 24-hour time such as 21:00.";
        }
        else if (!TryParseClock(End, out var end))
        {
            error = "Notify:QuietHours:End must be a 24-hour time such as 08:00.";
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone))
        {
            error = $"Notify:QuietHours:TimeZone '{TimeZone}' is not a known time zone (use an IANA name such as Europe/Oslo).";
        }
        else
        {
            return new QuietHours(start, end, zone);
        }

        return null;
    }

    private static readonly string[] ClockFormats = ["H:mm", "HH:mm"];

    /// <summary>24-hour clock only ("21:00"); "9pm" is refused rather than guessed.</summary>
    private static bool TryParseClock(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value?.Trim(), ClockFormats, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out time);
}
