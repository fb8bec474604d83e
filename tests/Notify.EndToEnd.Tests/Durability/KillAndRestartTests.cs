using System.Net.Http.Json;
using System.Text.Json;
using Notify.EndToEnd.Tests.Email;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Durability;

[Collection(AppProcessesCollection.Name)]
public sealed class KillAndRestartTests(SmtpServerFixture smtp, Xunit.Abstractions.ITestOutputHelper output) : AppFolderTests, IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task ReminderScheduledThenKilled_AfterRestartItIsSentExactlyOnce()
    {
        await using var app = new AppProcess(Folder);
        await app.StartAsync();
        using (var api = app.CreateClient())
        {
            var deadline = DateTimeOffset.UtcNow.AddHours(24).AddSeconds(6);
            var put = await api.PutAsJsonAsync("/api/v1/records/task/KILL-1",
                new { status = "open", title = "Replace filter", deadline = deadline.ToString("O"), assignees = new[] { "per" } });
            put.EnsureSuccessStatusCode();
        }

        app.Kill();
        var atKill = KMessages().Count;
        await app.StartAsync();

        using var client = app.CreateClient();
        var deliveries = await Eventually.GetAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=KILL-1&flow=task-due-soon"),
            j => j.GetProperty("items").EnumerateArray().Count(d => d.GetProperty("status").GetString() is "sent" or "delivered") >= 2,
            seconds: 60);
        await Task.Delay(TimeSpan.FromSeconds(2));
        deliveries = await client.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=KILL-1&flow=task-due-soon");

        var channels = deliveries.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("channel").GetString()).Order().ToList();
        Assert.Equal(["inApp", "sms"], channels);
        var runs = await client.GetFromJsonAsync<JsonElement>("/api/v1/runs?flow=task-due-soon&record=KILL-1");
        Assert.Equal(1, runs.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task KilledWhileSendingEmail_NoMessageIsSentTwice_AndNoneIsLost()
    {
        const int orders = 150;
        var settings = new Dictionary<string, string>
        {
            ["Notify__Email__Smtp__Host"] = "127.0.0.1",
            ["Notify__Email__Smtp__Port"] = smtp.Port.ToString(),
            ["Notify__Demo__Seed"] = "true",
        };
        await using var app = new AppProcess(Folder, settings);
        await app.StartAsync();
        using (var api = app.CreateClient())
        {
            for (var i = 0; i < orders; i++)
            {
                await api.PutAsJsonAsync($"/api/v1/records/order/K-{i}", new { status = "new", contacts = new { customer = "ola" } });
            }

            await Task.WhenAll(Enumerable.Range(0, orders).Select(i =>
                api.PutAsJsonAsync($"/api/v1/records/order/K-{i}", new { status = "ready", contacts = new { customer = "ola" } })));
        }

        await Eventually.GetAsync(() => Task.FromResult(KMessages().Count), n => n >= 3, seconds: 60);
        app.Kill();
        var atKill = KMessages().Count;
        await app.StartAsync();

        using var client = app.CreateClient();
        var all = await Eventually.GetAsync(async () => await EmailDeliveries(client),
            d => d.Count == orders && d.All(x => x.Status is "sent" or "needsReview"), seconds: 90);

        Assert.Equal(orders, all.Count);
        Assert.Equal(orders, all.Select(d => d.RecordKey).Distinct().Count());
        var received = KMessages();
        Assert.Equal(received.Count, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(received.Count, received.Select(m => m.Subject).Distinct().Count());
        var sent = all.Where(d => d.Status == "sent").ToList();
        Assert.All(sent, d => Assert.Contains(received, m => m.MessageId == d.ProviderMessageId));
        Assert.True(received.Count >= sent.Count);
        Assert.True(received.Count <= orders);
        output.WriteLine($"received before the kill: {atKill}, after: {received.Count}, sent: {sent.Count}, in doubt: {all.Count - sent.Count}");
        Assert.True(atKill < orders, "the kill came after every message was already out; the test proved nothing");
    }

    [Fact]
    public async Task KilledWhileSendingSms_TwiliosListDecides_EveryOrderGetsExactlyOneSms()
    {
        const int orders = 40;
        using var twilio = new TwilioStandIn { DelayEvery = TimeSpan.FromMilliseconds(250) }; // a busy Twilio: most of the time is spent waiting for it
        var settings = new Dictionary<string, string>
        {
            ["Notify__Sms__Twilio__AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Notify__Sms__Twilio__AuthToken"] = "kill-token",
            ["Notify__Sms__Twilio__From"] = "+4759440000",
            ["Notify__Sms__Twilio__BaseUrl"] = twilio.BaseUrl,
            ["Notify__Demo__Seed"] = "true",
        };
        await using var app = new AppProcess(Folder, settings);
        await app.StartAsync();
        using (var api = app.CreateClient())
        {
            for (var i = 0; i < orders; i++)
            {
                await api.PutAsJsonAsync($"/api/v1/records/order/S-{i}", new { status = "new", contacts = new { customer = "ola" } });
            }

            await Task.WhenAll(Enumerable.Range(0, orders).Select(i =>
                api.PutAsJsonAsync($"/api/v1/records/order/S-{i}", new { status = "ready", contacts = new { customer = "ola" } })));
        }

        await Eventually.GetAsync(() => Task.FromResult(SOrders(twilio).Count), n => n >= 3, seconds: 60);
        app.Kill();
        var atKill = SOrders(twilio).Count;
        await app.StartAsync();

        using var client = app.CreateClient();
        var all = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?channel=sms&text=your order S-&pageSize=500"))
                .GetProperty("items").EnumerateArray().Select(d => d.GetProperty("status").GetString()).ToList(),
            d => d.Count == orders && d.All(x => x is "sent" or "needsReview" or "failed"), seconds: 120);

        var perOrder = SOrders(twilio);
        output.WriteLine($"accepted before the kill: {atKill}, in all: {perOrder.Count}, requests: {twilio.Requests.Count}, list reads: {twilio.Lookups.Count}");
        Assert.All(all, status => Assert.Equal("sent", status)); // nothing left for a person: Twilio's list told
        Assert.Equal(orders, perOrder.Count);
        Assert.All(perOrder, o => Assert.Equal(1, o.Value));
        Assert.True(atKill < orders, "the kill came after every message was already out; the test proved nothing");
        Assert.NotEmpty(twilio.Lookups); // the kill caught a send mid-way, and the list was read before it went again
    }

    /// <summary>How many SMS Twilio accepted for each order.</summary>
    private static Dictionary<string, int> SOrders(TwilioStandIn twilio) =>
        twilio.Messages.Select(m => System.Text.RegularExpressions.Regex.Match(m.Body, @"order (S-\d+)")).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());


    private List<MimeKit.MimeMessage> KMessages() =>
        smtp.Messages().Where(m => m.Subject != null && m.Subject.StartsWith("Your order K-", StringComparison.Ordinal)).ToList();

    private static async Task<List<EmailRow>> EmailDeliveries(HttpClient client)
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?channel=email&text=Your order K-&pageSize=500");
        return json.GetProperty("items").EnumerateArray()
            .Select(d => new EmailRow(d.GetProperty("recordKey").GetString()!, d.GetProperty("status").GetString()!,
                d.TryGetProperty("providerMessageId", out var id) ? id.GetString() : null))
            .ToList();
    }

    private sealed record EmailRow(string RecordKey, string Status, string? ProviderMessageId);
}
