namespace Notify.EndToEnd.Tests.Email;

/// <summary>A real SMTP server (aiosmtpd) that stores each message at once and confirms it only five seconds later.</summary>
public sealed class SlowSmtpServerFixture : SmtpServerFixture
{
    public const int ConfirmAfterSeconds = 5;

    protected override IEnumerable<string> Handler => ["slow_mailbox.SlowMailbox", MailDir, ConfirmAfterSeconds.ToString()];
}
