using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Email;

/// <summary>
/// A real SMTP server that takes the message and confirms it only after the client has given up: nobody can know
/// whether it went out. It is never sent twice on a guess: a person decides, unless the admin marked the server safe.
/// </summary>
public sealed class SlowSmtpTests(SlowSmtpServerFixture smtp) : IClassFixture<SlowSmtpServerFixture>
{
    private NotifyAppFactory App(bool safeToResend) => new(seedDemo: true, new Dictionary<string, string?>
    {
        ["Notify:Email:Smtp:Host"] = "127.0.0.1",
        ["Notify:Email:Smtp:Port"] = smtp.Port.ToString(),
        ["Notify:Email:Smtp:From"] = "orders@notify.test",
        ["Notify:Email:Smtp:TimeoutSeconds"] = "2",
        ["Notify:Email:Smtp:SafeToResend"] = safeToResend ? "true" : "false",
    });

    [Fact]
    public async Task ConfirmationComesAfterTheTimeout_TheEmailWaitsForAPerson_AndArrivesExactlyOnce()
    {
        using var app = App(safeToResend: false);
        var api = app.CreateApiClient();
        var email = await OrderReadyEmailAsync(api, "SLOW-SMTP-1", "slow-a@example.com", d => d.GetProperty("status").GetString() == "needsReview");
        await Task.Delay(TimeSpan.FromSeconds(SlowSmtpServerFixture.ConfirmAfterSeconds + 2)); // the server has long confirmed by now

        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/deliveries/{email.GetProperty("id").GetString()}");
        var delivery = details.GetProperty("delivery");
        Assert.Equal("needsReview", delivery.GetProperty("status").GetString());
        Assert.Contains("took the message but did not confirm it", delivery.GetProperty("reason").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        var attempt = Assert.Single(details.GetProperty("attempts").EnumerateArray());
        Assert.Equal("unknown", attempt.GetProperty("outcome").GetString());
        Assert.Single(smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == "slow-a@example.com"));
    }

    [Fact]
    public async Task ServerMarkedSafeToResend_TheEmailIsQueuedToGoAgain()
    {
        using var app = App(safeToResend: true);
        var api = app.CreateApiClient();
        var email = await OrderReadyEmailAsync(api, "SLOW-SMTP-2", "slow-b@example.com", d => d.GetProperty("attempts").GetInt32() >= 1
            && d.GetProperty("status").GetString() == "queued");

        Assert.Contains("marked safe to resend", email.GetProperty("reason").GetString());
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/deliveries/{email.GetProperty("id").GetString()}");
        var attempt = Assert.Single(details.GetProperty("attempts").EnumerateArray());
        Assert.Equal("willRetry", attempt.GetProperty("outcome").GetString());
        Assert.True(attempt.TryGetProperty("nextAttemptAt", out var next) && next.ValueKind == JsonValueKind.String);
    }

    private static async Task<JsonElement> OrderReadyEmailAsync(HttpClient api, string key, string address, Func<JsonElement, bool> until)
    {
        var contact = key.ToLowerInvariant();
        (await api.PutAsJsonAsync($"/api/v1/contacts/{contact}", new { name = "Slow Reader", consent = new { sms = true, email = true, inApp = true }, emails = new[] { address } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/records/order/{key}", new { status = "new", contacts = new { customer = contact } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/records/order/{key}", new { status = "ready", contacts = new { customer = contact } })).EnsureSuccessStatusCode();
        var page = await Eventually.GetAsync(
            () => api.GetFromJsonAsync<JsonElement>($"/api/v1/deliveries?recordKey={key}&channel=email"),
            j => j.GetProperty("items").EnumerateArray().Any(until), seconds: 40);
        return page.GetProperty("items")[0];
    }
}
