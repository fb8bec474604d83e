using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Notify.Domain.Messaging;

namespace Notify.Workflows.Channels.Email;

/// <summary>
/// Email through SMTP with MailKit. One connection is kept open and reused by the dispatcher; after a pause it is
/// checked with NOOP first, so a connection the server dropped meanwhile (a restart) is reopened at once instead of
/// failing the next message. 4xx replies are transient, 5xx permanent. The Message-ID is derived from the delivery,
/// so a resend is recognisable. A connection that fails once the server has accepted the recipients (the content may
/// have gone, the final answer never came) is an unknown outcome: a person decides, unless the admin marked the
/// server safe to resend.
/// </summary>
public sealed class SmtpEmailProvider(ChannelSettingsStore settings, Organisation.OrganisationSettingsStore organisation, AttachmentFetcher attachments)
    : IChannelProvider, IAsyncDisposable
{
    private SmtpOptions _options = settings.Smtp;
    private int _version = -1;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TrackingSmtpClient? _client;
    private long _lastUsed;

    /// <summary>A connection idle this long is checked before it carries a message.</summary>
    private static readonly TimeSpan CheckAfterIdle = TimeSpan.FromSeconds(1);

    public Channel Channel => Channel.Email;

    public string Name => "smtp";

    public bool IsIdempotent => false;

    public static MimeMessage BuildMessage(
        Delivery delivery, SmtpOptions options, BrandingOptions branding, IReadOnlyList<MimePart>? files = null,
        IReadOnlyList<(string Name, string Url, string Why)>? links = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(delivery.RecipientName, delivery.Address));
        message.Subject = delivery.Subject ?? "";
        message.MessageId = $"{delivery.Id:N}@notify";
        var (text, html) = (delivery.Body, delivery.HtmlBody);
        if (links is { Count: > 0 })
        {
            text += "\n\nTo download:\n" + string.Join("\n", links.Select(l => $"{l.Name}: {l.Url}"));
            html = (html ?? $"<p>{System.Net.WebUtility.HtmlEncode(delivery.Body).Replace("\n", "<br>", StringComparison.Ordinal)}</p>") + "<p>To download:</p><ul>" +
                string.Concat(links.Select(l => $"<li><a href=\"{System.Net.WebUtility.HtmlEncode(l.Url)}\">{System.Net.WebUtility.HtmlEncode(l.Name)}</a></li>")) + "</ul>";
        }

        var body = new BodyBuilder { TextBody = text, HtmlBody = EmailLayout.Wrap(html, text, branding) };
        foreach (var file in files ?? []) body.Attachments.Add(file);
        message.Body = body.ToMessageBody();
        return message;
    }

    public async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(delivery.Address, out _))
        {
            return SendOutcome.Permanent($"'{delivery.Address}' is not a valid email address.");
        }

        // The files are fetched before the connection is taken, so a slow file host never holds other emails up.
        var (files, links) = await attachments.FetchAsync(MessageAttachment.FromJson(delivery.AttachmentsJson), ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (_version != settings.Version || !ReferenceEquals(_options, settings.Smtp))
            {
                await ResetAsync();
                _options = settings.Smtp;
                _version = settings.Version;
            }

            var message = BuildMessage(delivery, _options, organisation.Branding, files, links);
            var client = await ConnectAsync(ct);
            client.BeginMessage();
            await client.SendAsync(message, ct);
            _lastUsed = Environment.TickCount64;
            return SendOutcome.Sent(message.MessageId);
        }
        catch (Exception ex) when (_client is { ContentMayHaveGone: true } && ex is SmtpProtocolException or IOException or SocketException
            or ServiceNotConnectedException or TimeoutException)
        {
            var safe = _options.SafeToResend;
            await ResetAsync();
            var reason = $"The SMTP server took the message but did not confirm it ({ex.Message}).";
            return safe ? SendOutcome.Transient($"{reason} Sent again: the server is marked safe to resend.") : SendOutcome.Unknown(reason);
        }
        catch (SmtpCommandException ex)
        {
            await ResetAsync();
            var code = (int)ex.StatusCode;
            var reason = $"SMTP {code}: {ex.Message}";
            return code >= 500 ? SendOutcome.Permanent(reason) : SendOutcome.Transient(reason);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or AuthenticationException or TimeoutException)
        {
            await ResetAsync();
            return SendOutcome.Transient($"SMTP connection problem: {ex.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await ResetAsync();

    private async Task<TrackingSmtpClient> ConnectAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } && await StillOpenAsync(_client, ct))
        {
            return _client;
        }

        await ResetAsync();
        var client = new TrackingSmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        var security = _options.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(_options.Host!, _options.Port, security, ct);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
        }

        _client = client;
        return client;
    }

    /// <summary>True when the pooled connection was used a moment ago, or answers NOOP; nothing has been sent on it for this message yet.</summary>
    private async Task<bool> StillOpenAsync(SmtpClient client, CancellationToken ct)
    {
        if (Environment.TickCount64 - _lastUsed < CheckAfterIdle.TotalMilliseconds)
        {
            return true;
        }

        try
        {
            await client.NoOpAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or SmtpCommandException)
        {
            return false;
        }
    }

    private async Task ResetAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(true);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // the connection is dropped either way
        }

        _client.Dispose();
        _client = null;
    }
}
