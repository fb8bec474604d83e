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

    /// <summary>
    /// The admin's word that this server drops a message it already has (by Message-ID): when the server took a message's
    /// content but never confirmed it, the message is sent again instead of waiting for a person.
    /// </summary>
    public bool SafeToResend { get; set; }

    /// <summary>How long one SMTP command may wait for the server's answer.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
