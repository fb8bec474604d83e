using System.Net.Http.Json;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Email;

public sealed class OrderReadyEmailTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task OrderMadeReady_TheCustomerEmailArrivesAtARealSmtpServer()
    {
        using var app = new NotifyAppFactory(seedDemo: true, new Dictionary<string, string?>
        {
            ["Notify:Email:Smtp:Host"] = "127.0.0.1",
            ["Notify:Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Notify:Email:Smtp:From"] = "orders@notify.test",
            ["Notify:Branding:CompanyName"] = "Sykkelverkstedet AS",
        });
        var api = app.CreateApiClient();
        await api.PutAsJsonAsync("/api/v1/contacts/lise", new { name = "Lise Dahl", consent = new { sms = true, email = true, inApp = true }, emails = new[] { "lise@example.com" }, phones = new[] { "+47 915 00 000" } });
        await api.PutAsJsonAsync("/api/v1/records/order/E2E-7", new { status = "new", title = "Brake service", contacts = new { customer = "lise" }, data = new { pickup = "Bryggen 3" } });

        await api.PutAsJsonAsync("/api/v1/records/order/E2E-7", new { status = "ready", title = "Brake service", contacts = new { customer = "lise" }, data = new { pickup = "Bryggen 3" } });

        var messages = await Eventually.GetAsync(() => Task.FromResult(smtp.Messages()),
            m => m.Any(x => x.To.Mailboxes.Any(b => b.Address == "lise@example.com")));
        var message = Assert.Single(messages, m => m.To.Mailboxes.Any(b => b.Address == "lise@example.com"));
        Assert.Equal("Your order E2E-7 is ready", message.Subject);
        Assert.Equal("orders@notify.test", message.From.Mailboxes.Single().Address);
        Assert.Contains("Hi Lise,", message.TextBody);
        Assert.Contains("Brake service", message.TextBody);
        Assert.Contains("Bryggen 3", message.HtmlBody);
        Assert.Contains("Sykkelverkstedet AS", message.HtmlBody);
        Assert.EndsWith("@notify", message.MessageId);

        var deliveries = await Eventually.GetAsync(
            () => api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/deliveries?recordKey=E2E-7&channel=email&status=sent")!,
            j => j.GetProperty("total").GetInt32() == 1);
        var delivery = deliveries.GetProperty("items")[0];
        Assert.Equal("smtp", delivery.GetProperty("provider").GetString());
        Assert.Equal(message.MessageId, delivery.GetProperty("providerMessageId").GetString());
    }

    [Fact]
    public async Task RecordTitleWithALinkAndAScript_ArrivesEscapedInTheEmailHtml_NotAsALiveLink()
    {
        using var app = new NotifyAppFactory(seedDemo: true, new Dictionary<string, string?>
        {
            ["Notify:Email:Smtp:Host"] = "127.0.0.1",
            ["Notify:Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Notify:Email:Smtp:From"] = "orders@notify.test",
        });
        var api = app.CreateApiClient();
        const string title = "<a href=\"http://evil.test\">click</a><script>alert(1)</script>";
        await api.PutAsJsonAsync("/api/v1/contacts/mallory", new { name = "Mallory <b>Bold</b>", consent = new { sms = true, email = true, inApp = true }, emails = new[] { "mallory@example.com" } });
        await api.PutAsJsonAsync("/api/v1/records/order/E2E-XSS", new { status = "new", title, contacts = new { customer = "mallory" } });

        await api.PutAsJsonAsync("/api/v1/records/order/E2E-XSS", new { status = "ready", title, contacts = new { customer = "mallory" } });

        var messages = await Eventually.GetAsync(() => Task.FromResult(smtp.Messages()),
            m => m.Any(x => x.To.Mailboxes.Any(b => b.Address == "mallory@example.com")));
        var html = Assert.Single(messages, m => m.To.Mailboxes.Any(b => b.Address == "mallory@example.com")).HtmlBody;
        Assert.DoesNotContain("<a href=\"http://evil.test\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=&quot;http://evil.test&quot;&gt;click&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Hi Mallory,", html, StringComparison.Ordinal);
    }
}
