namespace Notify.Workflows.Channels.Webhooks;

/// <summary><c>Notify:Webhooks</c>: which hosts flows may POST to, and how long one call may take.</summary>
public sealed class WebhookOptions
{
    /// <summary>Host names (or <c>*.example.com</c>) webhook URLs may use; none: no webhook may be saved or sent.</summary>
    public string[] AllowedHosts { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 10;

    public bool Allows(Uri url) => url.Scheme is "https" or "http" && AllowedHosts.Any(h =>
        h.StartsWith("*.", StringComparison.Ordinal)
            ? url.Host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(url.Host, h, StringComparison.OrdinalIgnoreCase));
}
