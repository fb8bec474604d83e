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

    /// <summary>The channels quiet hours hold back (<c>sms</c>, <c>email</c>, <c>inApp</c>); unset: SMS only.</summary>
    public string[]? Channels { get; set; }

    /// <summary>The channels quiet hours hold back, the organisation's and each person's own.</summary>
    public IReadOnlyList<Domain.Messaging.Channel> HeldChannels() =>
        (Channels is { Length: > 0 } names ? names : ["sms"]).Select(n => Domain.Messaging.ChannelNames.TryParse(n, out var c) ? c : (Domain.Messaging.Channel?)null)
            .OfType<Domain.Messaging.Channel>().Distinct().ToList();

    /// <summary>The window, or null when quiet hours are off; an error names the setting that is wrong.</summary>
    public QuietHours? ToQuietHours(out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End))
        {
            return null;
        }

        if (!Notify.Domain.Common.Clock.TryParse(Start, out var start))
        {
            error = "Notify:QuietHours:Start must be a 24-hour time such as 21:00.";
        }
        else if (!Notify.Domain.Common.Clock.TryParse(End, out var end))
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
}
