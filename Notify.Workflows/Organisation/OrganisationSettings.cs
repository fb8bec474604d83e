namespace Notify.Workflows.Organisation;

/// <summary>The company as messages name it, as an admin sets it in the app (empty fields fall back to the configuration).</summary>
public sealed record OrganisationSettings(
    string? Name = null, string? Phone = null, string? Email = null, string? Address = null, string? LogoUrl = null, string? PublicUrl = null);
