namespace Notify.Workflows.Channels.Webhooks;

/// <summary>A host system a flow can POST to: where, and the secret that signs each call (stored only encrypted).</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; }

    /// <summary>What flows name it by (<c>erp</c>).</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>The signing secret, encrypted with ASP.NET Core Data Protection.</summary>
    public string SecretProtected { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
