namespace Notify.Workflows.Channels;

/// <summary>
/// Channel settings an admin saved in the app (one row). Plain settings as JSON; the SMTP password and the Twilio
/// auth token only encrypted with ASP.NET Core Data Protection.
/// </summary>
public sealed class StoredChannelSettings
{
    public const int SingleRowId = 1;

    public int Id { get; set; } = SingleRowId;

    public string Json { get; set; } = "{}";

    public string? SmtpPasswordProtected { get; set; }

    public string? TwilioTokenProtected { get; set; }

    public DateTime UpdatedAt { get; set; }
}
