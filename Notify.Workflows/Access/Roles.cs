namespace Notify.Workflows.Access;

/// <summary>What a signed-in person may do.</summary>
public static class Roles
{
    /// <summary>Everything.</summary>
    public const string Admin = "Admin";

    /// <summary>Reads runs, deliveries and records; no edits to flows, templates or settings.</summary>
    public const string Support = "Support";

    /// <summary>Their own inbox only.</summary>
    public const string Recipient = "Recipient";

    public const string Staff = Admin + "," + Support;

    public static IReadOnlyList<string> All { get; } = [Admin, Support, Recipient];
}
