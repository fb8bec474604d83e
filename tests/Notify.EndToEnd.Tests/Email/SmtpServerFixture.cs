using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Notify.EndToEnd.Tests.Email;

/// <summary>A real SMTP server (aiosmtpd) on a free loopback port; each message lands as a file in a Maildir.</summary>
public class SmtpServerFixture : IAsyncLifetime
{
    private Process? _process;

    public string MailDir { get; } = Path.Combine(Path.GetTempPath(), "notify-smtp", Guid.NewGuid().ToString("N"));

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        Port = Notify.Tests.Shared.FreePort.Next();
        Directory.CreateDirectory(Path.GetDirectoryName(MailDir)!);
        await StartAsync();
    }

    /// <summary>Stops the server and starts it again on the same port and Maildir, as a restart would: open connections are dropped.</summary>
    public async Task RestartAsync()
    {
        Stop();
        await StartAsync();
    }

    /// <summary>The aiosmtpd handler class and its arguments.</summary>
    protected virtual IEnumerable<string> Handler => ["aiosmtpd.handlers.Mailbox", MailDir];

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", .. Handler])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Email");
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync()
                        + " (install python3-aiosmtpd; ./test.sh does).");
                }

                await Task.Delay(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not accept connections.");
    }

    private void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(MailDir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }
}
