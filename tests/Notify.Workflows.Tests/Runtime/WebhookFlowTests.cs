using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Tests.Shared;
using Notify.Workflows.Channels.Webhooks;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Webhook;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>
/// A webhook step against a receiver on a loopback port that checks every signature: the call carries the event, the
/// record and the text; a 503 is tried again with backoff under the same delivery id; a 4xx stops it; hosts are allowed
/// one by one and the secret is stored only encrypted.
/// </summary>
public sealed class WebhookFlowTests : IDisposable
{
    private const string Secret = "a-long-shared-secret-for-erp";
    private readonly WebhookReceiver _receiver = new(Secret);

    private static readonly Dictionary<string, string?> AllowLoopback = new() { ["Notify:Webhooks:AllowedHosts:0"] = "127.0.0.1" };

    private static FlowDefinition Flow(string endpoint = "erp", string? text = "Task {{ record.key }} for {{ record.assignees | join: ', ' }}") => new()
    {
        Name = "Tell the ERP",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps = [new WebhookStepDefinition { Id = "erp-call", Endpoint = endpoint, Text = text }],
    };

    private async Task<EngineHarness> StartAsync()
    {
        var engine = await EngineHarness.StartAsync(settings: AllowLoopback);
        await engine.Services.GetRequiredService<WebhookEndpoints>().SaveAsync("erp", "Our ERP", _receiver.Url, Secret, CancellationToken.None);
        var flows = engine.Services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync("erp", Flow(), CancellationToken.None);
        await flows.PublishAsync("erp", false, CancellationToken.None);
        return engine;
    }

    private static async Task<Delivery> CallAsync(EngineHarness engine, string key) =>
        Assert.Single(await engine.DeliveriesAsync("task", key), d => d.Channel == Channel.Webhook);

    [Fact]
    public async Task ATaskIsCreated_TheReceiverGetsOneSignedCall_WithTheEventTheRecordAndTheText()
    {
        await using var engine = await StartAsync();
        await engine.UpsertTaskAsync("WH-1", "open", null, "per", "anna");
        await engine.RunAllAsync();

        var call = Assert.Single(_receiver.Calls);
        Assert.True(call.Signed);
        Assert.StartsWith("application/json", call.ContentType);
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(("record.created", "WH-1", "open", "Task WH-1 for per, anna"), (body.GetProperty("event").GetProperty("type").GetString(),
            body.GetProperty("record").GetProperty("key").GetString(), body.GetProperty("record").GetProperty("status").GetString(), body.GetProperty("text").GetString()));
        Assert.Equal("kari", body.GetProperty("record").GetProperty("contacts").GetProperty("manager").GetString());
        var delivery = await CallAsync(engine, "WH-1");
        Assert.Equal((DeliveryStatus.Sent, delivery.Id.ToString(), "HTTP 200: {\"accepted\":true}"), (delivery.Status, call.DeliveryId, delivery.ProviderMessageId));
        Assert.Equal(call.Timestamp, engine.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var run = Assert.Single(await engine.RunsAsync("task", "WH-1"), r => r.FlowKey == "erp");
        Assert.Contains(await engine.JournalAsync(run.Id), j => j.Message == $"POST queued to the webhook 'Our ERP' ({_receiver.Url})."); 
    }

    [Fact]
    public async Task TheReceiverIsBusy_503TwiceThen200_TriedAgainWithBackoffUnderTheSameDeliveryId()
    {
        await using var engine = await StartAsync();
        _receiver.Then(503, 503);
        await engine.UpsertTaskAsync("WH-2", "open", null, "per");
        await engine.RunAllAsync();

        var waiting = await CallAsync(engine, "WH-2");
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.Contains("HTTP 503", waiting.Reason);
        Assert.True(waiting.NextAttemptAt > engine.Clock.GetUtcNow().UtcDateTime, "the next try waits its backoff");
        for (var i = 0; i < 4 && (await CallAsync(engine, "WH-2")).Status != DeliveryStatus.Sent; i++)
        {
            await engine.AdvanceAsync(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(DeliveryStatus.Sent, (await CallAsync(engine, "WH-2")).Status);
        Assert.Equal(3, _receiver.Calls.Count);
        Assert.Single(_receiver.Calls.Select(c => c.DeliveryId).Distinct());
        await using var db = await engine.Db();
        Assert.Equal(3, await db.DeliveryAttempts.CountAsync(a => a.DeliveryId == waiting.Id));
    }

    [Fact]
    public async Task TheReceiverRefusesIt_400_FailsForGood_WithTheAnswer_AndIsNeverTriedAgain()
    {
        await using var engine = await StartAsync();
        _receiver.Then(400);
        await engine.UpsertTaskAsync("WH-3", "open", null, "per");
        await engine.RunAllAsync();
        await engine.AdvanceAsync(TimeSpan.FromHours(2));

        var failed = await CallAsync(engine, "WH-3");
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("The receiver answered HTTP 400 Bad Request: {\"error\":\"busy\"}", failed.Reason);
        Assert.Single(_receiver.Calls);
    }

    [Fact]
    public async Task Endpoints_OnlyAllowedHosts_SecretsStoredEncrypted_AndAFlowNamingNoEndpointIsRefused()
    {
        await using var engine = await StartAsync();
        var endpoints = engine.Services.GetRequiredService<WebhookEndpoints>();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => endpoints.SaveAsync("slack", "Slack", "https://hooks.example.com/x", Secret, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Field == "url" && e.Message.Contains("not an allowed host"));
        var noSecret = await Assert.ThrowsAsync<ValidationException>(() => endpoints.SaveAsync("other", "Other", _receiver.Url, null, CancellationToken.None));
        Assert.Contains(noSecret.Errors, e => e.Field == "secret");
        await using (var db = await engine.Db())
        {
            var stored = await db.WebhookEndpoints.AsNoTracking().SingleAsync();
            Assert.DoesNotContain(Secret, stored.SecretProtected);
            var audit = await db.Audit.AsNoTracking().Where(a => a.Subject == "webhook").Select(a => a.Detail).ToListAsync();
            Assert.NotEmpty(audit);
            Assert.DoesNotContain(audit, d => d.Contains(Secret));
        }

        var flows = engine.Services.GetRequiredService<FlowService>();
        var error = await Assert.ThrowsAsync<ValidationException>(() => flows.SaveDraftAsync("bad", Flow("nowhere", "{% nope %}"), CancellationToken.None));
        Assert.Contains(error.Errors, e => e.Field == "steps[0].endpoint" && e.Message.Contains("there is no webhook 'nowhere'"));
        Assert.Contains(error.Errors, e => e.Field == "steps[0].text");
    }

    [Fact]
    public async Task DryRun_ShowsTheCallItWouldMake_AndCallsNobody()
    {
        await using var engine = await StartAsync();
        await engine.Ingest.UpsertRecordAsync("task", "WH-4", new RecordState { Status = "open", Title = "Boiler" }, CancellationToken.None);
        var before = _receiver.Calls.Count;

        var result = await engine.Services.GetRequiredService<DryRunner>().RunAsync("erp",
            new DryRunRequest(new DryRunRecord("task", "WH-4"), new DryRunEvent(EventTypes.Created)), CancellationToken.None);

        var message = Assert.Single(result.Messages, m => m.Channel == "webhook");
        Assert.Equal("erp", message.Address);
        Assert.Equal("Task WH-4 for", JsonDocument.Parse(message.Body).RootElement.GetProperty("text").GetString());
        await engine.RunAllAsync();
        Assert.Equal(before + 1, _receiver.Calls.Count); // the real run's call, not the dry run's
    }

    public void Dispose() => _receiver.Dispose();
}
