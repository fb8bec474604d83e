using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Email;

/// <summary>The SMTP server restarts between two messages: the next one goes out on a new connection at once, using no retry.</summary>
public sealed class SmtpRestartTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task AfterTheServerRestarts_TheNextEmailIsSentOnTheFirstAttempt()
    {
        using var app = new NotifyAppFactory(seedDemo: true, new Dictionary<string, string?>
        {
            ["Notify:Email:Smtp:Host"] = "127.0.0.1",
            ["Notify:Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Notify:Email:Smtp:From"] = "orders@notify.test",
        });
        var api = app.CreateApiClient();
        await api.PutAsJsonAsync("/api/v1/contacts/restart-a", new { name = "Restart A", consent = new { sms = true, email = true, inApp = true }, emails = new[] { "restart-a@example.com" } });
        await api.PutAsJsonAsync("/api/v1/contacts/restart-b", new { name = "Restart B", consent = new { sms = true, email = true, inApp = true }, emails = new[] { "restart-b@example.com" } });
        await MakeReadyAsync(api, "RESTART-1", "restart-a");
        await Eventually.GetAsync(() => Task.FromResult(smtp.Messages()), m => m.Any(x => x.To.Mailboxes.Any(b => b.Address == "restart-a@example.com")));

        await smtp.RestartAsync(); // the app's pooled connection is now dead
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await MakeReadyAsync(api, "RESTART-2", "restart-b");

        await Eventually.GetAsync(() => Task.FromResult(smtp.Messages()), m => m.Any(x => x.To.Mailboxes.Any(b => b.Address == "restart-b@example.com")));
        var delivery = (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=RESTART-2&channel=email")).GetProperty("items")[0];
        Assert.Equal("sent", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Single(smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == "restart-b@example.com"));
    }

    private static async Task MakeReadyAsync(HttpClient api, string key, string customer)
    {
        await api.PutAsJsonAsync($"/api/v1/records/order/{key}", new { status = "new", contacts = new { customer } });
        await api.PutAsJsonAsync($"/api/v1/records/order/{key}", new { status = "ready", contacts = new { customer } });
    }
}
