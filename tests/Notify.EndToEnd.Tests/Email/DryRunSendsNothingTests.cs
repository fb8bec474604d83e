using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Email;

/// <summary>
/// A dry run and an impact preview render an email for a real contact while a real SMTP server listens: it receives
/// only the canary sent by a real run afterwards, never the trial's message.
/// </summary>
public sealed class DryRunSendsNothingTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task DryRunAndImpact_RenderTheEmail_ButTheSmtpServerGetsOnlyTheRealRunsCanary()
    {
        using var app = new NotifyAppFactory(seedDemo: true, new Dictionary<string, string?>
        {
            ["Notify:Email:Smtp:Host"] = "127.0.0.1",
            ["Notify:Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Notify:Email:Smtp:From"] = "orders@notify.test",
        });
        var api = app.CreateApiClient();
        await api.PutAsJsonAsync("/api/v1/contacts/trial-lise", new { name = "Lise Prøve", consent = new { sms = true, email = true, inApp = true }, emails = new[] { "trial-lise@example.com" } });
        await api.PutAsJsonAsync("/api/v1/contacts/canary", new { name = "Canary", consent = new { sms = true, email = true, inApp = true }, emails = new[] { "canary@example.com" } });
        await api.PutAsJsonAsync("/api/v1/records/order/TRIAL-1", new { status = "new", title = "Brake service", contacts = new { customer = "trial-lise" } });
        var before = await api.GetFromJsonAsync<JsonElement>("/api/v1/records/order/TRIAL-1");

        var dryRun = await (await api.PostAsJsonAsync("/api/v1/flows/order-ready/dry-run", new
        {
            record = new { type = "order", key = "TRIAL-1" }, @event = new { type = "record.status_changed", fromStatus = "new", toStatus = "ready" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var impact = await (await api.PostAsJsonAsync("/api/v1/flows/order-ready/impact", new { days = 7 })).Content.ReadFromJsonAsync<JsonElement>();
        var email = Assert.Single(dryRun.GetProperty("messages").EnumerateArray(), m => m.GetProperty("channel").GetString() == "email");
        Assert.Equal("trial-lise@example.com", email.GetProperty("address").GetString());
        Assert.Contains("Hi Lise,", email.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.True(impact.GetProperty("published").GetProperty("messages").GetProperty("email").GetInt32() >= 1); // the demo's AO1000

        // A real run after the trial: once its email is in, the dispatcher has had its chance at anything the trial queued.
        await api.PutAsJsonAsync("/api/v1/records/order/CANARY-1", new { status = "new", contacts = new { customer = "canary" } });
        await api.PutAsJsonAsync("/api/v1/records/order/CANARY-1", new { status = "ready", contacts = new { customer = "canary" } });
        await Eventually.GetAsync(() => Task.FromResult(smtp.Messages()), m => m.Any(x => x.To.Mailboxes.Any(b => b.Address == "canary@example.com")));

        Assert.DoesNotContain(smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == "trial-lise@example.com"));
        var after = await api.GetFromJsonAsync<JsonElement>("/api/v1/records/order/TRIAL-1");
        Assert.Equal(before.GetProperty("runs").GetArrayLength(), after.GetProperty("runs").GetArrayLength());
        Assert.Equal(0, after.GetProperty("deliveries").GetArrayLength());
        Assert.Equal(before.GetProperty("events").GetArrayLength(), after.GetProperty("events").GetArrayLength());
        Assert.Equal("new", after.GetProperty("record").GetProperty("status").GetString());
    }
}
