namespace Notify.Workflows.Channels.Email;

/// <summary><c>Notify:Branding</c>: the company as messages name it (<c>{{ company.name }}</c>…) and the email layout shows it.</summary>
public sealed class BrandingOptions
{
    public string CompanyName { get; set; } = "Notify";

    public string? LogoUrl { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>This app's address as people reach it (https://notify.example.com), for links to records in messages.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>A link to a record in Notify, for people with an account; null while no public URL is set.</summary>
    public string? RecordLink(string type, string key) =>
        PublicUrl is { Length: > 0 } url ? $"{url.TrimEnd('/')}/records/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(key)}" : null;

    /// <summary>The <c>company</c> object templates see.</summary>
    public IReadOnlyDictionary<string, object?> ToTemplateModel() => new Dictionary<string, object?>
    {
        ["name"] = CompanyName,
        ["logo_url"] = LogoUrl,
        ["phone"] = Phone,
        ["email"] = Email,
        ["address"] = Address,
    };
}
