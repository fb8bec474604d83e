namespace Notify.Domain.Common;

/// <summary>Times of day as people write them: a 24-hour clock ("21:00", "7:30"); "9pm" is refused rather than guessed.</summary>
public static class Clock
{
    private static readonly string[] Formats = ["H:mm", "HH:mm"];

    public static bool TryParse(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value?.Trim(), Formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);

    /// <summary>The time, or null when none is given; a time that is not a 24-hour clock adds an error for <paramref name="field"/>.</summary>
    public static TimeOnly? Parse(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TryParse(value, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(field, "must be a 24-hour time such as 22:00."));
        return null;
    }
}
