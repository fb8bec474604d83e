namespace Notify.Workflows.Channels.Email;

/// <summary><c>Notify:Email:Attachments</c>: where email attachments may be fetched from, and how large they may be.</summary>
public sealed class AttachmentOptions
{
    /// <summary>Hosts (with a port where it is not the default, e.g. <c>files.example.com</c> or <c>127.0.0.1:5081</c>) files are fetched from.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The most one email carries in attachments; a file that would pass it goes as a download link instead.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public int TimeoutSeconds { get; set; } = 30;
}
