using System.Net.Http.Json;
using System.Text;
using MimeKit;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Email;

/// <summary>Files a host system gives with a booking go with the confirmation email to a real SMTP server, or as download links when too large or from elsewhere.</summary>
public sealed class AttachmentEmailTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private static readonly byte[] Invoice = Encoding.ASCII.GetBytes("%PDF-1.4 invoice 4711 " + new string('x', 200));
    private static readonly byte[] Manual = Encoding.ASCII.GetBytes(new string('m', 5000));

    private NotifyAppFactory App(FileServer files, long maxBytes) => new(seedDemo: true, new Dictionary<string, string?>
    {
        ["Notify:Email:Smtp:Host"] = "127.0.0.1",
        ["Notify:Email:Smtp:Port"] = smtp.Port.ToString(),
        ["Notify:Email:Smtp:From"] = "bookings@notify.test",
        ["Notify:Email:Attachments:AllowedHosts:0"] = files.Host,
        ["Notify:Email:Attachments:MaxBytes"] = maxBytes.ToString(),
    });

    private static async Task SetUpAsync(HttpClient api, string key, object attachments)
    {
        (await api.PutAsJsonAsync("/api/v1/templates/booking-files", new { name = "Booking files", content = new { emailSubject = $"Booking {key}", emailText = "Your papers are attached." } }))
            .EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/flows/booking-files", new
        {
            name = "Booking papers",
            trigger = new { @event = "record.created", recordTypes = new[] { "booking" } },
            steps = new object[] { new { kind = "send", id = "papers", channels = new[] { "email" }, template = "booking-files", recipients = new[] { "customer" }, attach = true } },
        })).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/flows/booking-files/publish", null)).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/records/booking/{key}", new { status = "booked", contacts = new { customer = "ola" }, data = new { attachments } }))
            .EnsureSuccessStatusCode();
    }

    private async Task<MimeMessage> ReceivedAsync(string subject) =>
        Assert.Single(await Eventually.GetAsync(() => Task.FromResult(smtp.Messages()), m => m.Any(x => x.Subject == subject)), m => m.Subject == subject);

    [Fact]
    public async Task FilesByUrlFromAnAllowedHostAndInBase64_ArriveAttached()
    {
        using var files = new FileServer(new() { ["invoice.pdf"] = Invoice });
        using var app = App(files, maxBytes: 1_000_000);
        using var api = app.CreateApiClient();

        await SetUpAsync(api, "ATT-1", new object[]
        {
            new { name = "invoice.pdf", url = files.Url("invoice.pdf"), contentType = "application/pdf" },
            new { name = "note.txt", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("Gate code 4711")), contentType = "text/plain" },
        });

        var message = await ReceivedAsync("Booking ATT-1");
        var attached = message.Attachments.OfType<MimePart>().ToDictionary(p => p.FileName ?? "", Content);
        Assert.Equal(["invoice.pdf", "note.txt"], attached.Keys.Order());
        Assert.Equal(Invoice, attached["invoice.pdf"]);
        Assert.Equal("Gate code 4711", Encoding.UTF8.GetString(attached["note.txt"]));
        Assert.Equal("application/pdf", message.Attachments.OfType<MimePart>().Single(p => p.FileName == "invoice.pdf").ContentType.MimeType);
        Assert.DoesNotContain("To download", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheLimit_OrFromAnotherHost_GoesAsADownloadLink_AndIsNeverFetchedFromElsewhere()
    {
        using var files = new FileServer(new() { ["invoice.pdf"] = Invoice, ["manual.pdf"] = Manual });
        using var elsewhere = new FileServer(new() { ["secret.pdf"] = Invoice });
        using var app = App(files, maxBytes: 1000);
        using var api = app.CreateApiClient();

        await SetUpAsync(api, "ATT-2", new object[]
        {
            new { name = "invoice.pdf", url = files.Url("invoice.pdf"), contentType = "application/pdf" },
            new { name = "manual.pdf", url = files.Url("manual.pdf"), contentType = "application/pdf" },
            new { name = "secret.pdf", url = elsewhere.Url("secret.pdf"), contentType = "application/pdf" },
        });

        var message = await ReceivedAsync("Booking ATT-2");
        Assert.Equal(["invoice.pdf"], message.Attachments.OfType<MimePart>().Select(p => p.FileName));
        Assert.Contains($"manual.pdf: {files.Url("manual.pdf")}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"secret.pdf: {elsewhere.Url("secret.pdf")}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{files.Url("manual.pdf")}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere.Requests);
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
