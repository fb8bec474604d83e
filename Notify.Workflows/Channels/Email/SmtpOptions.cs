namespace Notify.Workflows.Channels.Email;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary><c>Notify:Email:Smtp</c>. Without a host, email goes to the sandbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    public string From { get; set; } = "notify@notify.local";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
