namespace Notify.Workflows.Organisation;

/// <summary><c>Notify:Organisation</c>: where the organisation is, so messages give times as its people read them.</summary>
public sealed class OrganisationOptions
{
    /// <summary>An IANA time zone; dates in messages are in this zone.</summary>
    public string TimeZone { get; set; } = "Europe/Oslo";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
