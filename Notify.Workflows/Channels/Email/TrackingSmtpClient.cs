using MailKit.Net.Smtp;
using MimeKit;

namespace Notify.Workflows.Channels.Email;

/// <summary>
/// An SMTP client that notes when the server has accepted a recipient: from then on the message's content may be on
/// its way, so a failure without the server's final answer leaves it unknown whether the message was taken.
/// </summary>
internal sealed class TrackingSmtpClient : SmtpClient
{
    public bool ContentMayHaveGone { get; private set; }

    public void BeginMessage() => ContentMayHaveGone = false;

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        ContentMayHaveGone = true;
        base.OnRecipientAccepted(message, mailbox, response);
    }
}
