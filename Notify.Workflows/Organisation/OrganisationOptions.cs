namespace Notify.Workflows.Organisation;

/// <summary><c>Notify:Organisation</c>: where the organisation is, so messages give times as its people read them.</summary>
public sealed class OrganisationOptions
{
    /// <summary>An IANA time zone; dates in messages are in this zone.</summary>
    public string TimeZone { get; set; } = "Europe/Oslo";

    private FoundZone? _found; // one reference, so a reader never sees a name with another name's zone

    /// <summary>The zone <see cref="TimeZone"/> names, looked up once per name (every run asks for it).</summary>
    public TimeZoneInfo Zone
    {
        get
        {
            var found = _found;
            if (found is null || found.Name != TimeZone)
            {
                found = new FoundZone(TimeZone, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
                _found = found;
            }

            return found.Zone;
        }
    }

    /// <summary>The UTC moment a day (as people here pick it) starts in the organisation's time zone.</summary>
    public DateTime StartOfDayUtc(DateTime day) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), Zone);

    /// <summary>The day a UTC moment falls on in <paramref name="zone"/>.</summary>
    public static DateOnly DayIn(TimeZoneInfo zone, DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>The day a UTC moment falls on in the organisation's time zone.</summary>
    public DateOnly LocalDay(DateTime utc) => DayIn(Zone, utc);

    /// <summary>As <see cref="StartOfDayUtc(DateTime)"/>; null stays null (a filter left open).</summary>
    public DateTime? StartOfDayUtc(DateTime? day) => day is { } d ? StartOfDayUtc(d) : null;

    private sealed record FoundZone(string Name, TimeZoneInfo Zone);
}
