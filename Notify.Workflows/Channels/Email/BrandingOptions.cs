namespace Notify.Workflows.Channels.Email;

/// <summary><c>Notify:Branding</c>: the company name (and optional logo URL) in the email layout.</summary>
public sealed class BrandingOptions
{
    public string CompanyName { get; set; } = "Notify";

    public string? LogoUrl { get; set; }
}
