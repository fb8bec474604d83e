namespace Notify.Workflows.Channels;

/// <summary>
/// Settings an admin saved in the app, one row per kind: the channels (row 1) and the organisation (row 2). Plain
/// settings as JSON; the SMTP password and the Twilio auth token only encrypted with ASP.NET Core Data Protection.
/// </summary>
public sealed class StoredChannelSettings
{
    public const int SingleRowId = 1;

    /// <summary>The company's details (<see cref="Organisation.OrganisationSettingsStore"/>); it has no secrets.</summary>
    public const int OrganisationRowId = 2;

    public int Id { get; set; } = SingleRowId;

    public string Json { get; set; } = "{}";

    public string? SmtpPasswordProtected { get; set; }

    public string? TwilioTokenProtected { get; set; }

    public DateTime UpdatedAt { get; set; }
}
