using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;

namespace Notify.Workflows.Tests.Runtime;

public class MutedFlowTests
{
    private static RecordState Order(string status) => new()
    {
        Status = status, Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
    };

    private static async Task MuteAsync(EngineHarness engine, string contactKey, params string[] flows)
    {
        await using var db = await engine.Db();
        var contact = await db.Contacts.SingleAsync(c => c.Key == contactKey);
        contact.ChooseMutedFlows(flows, engine.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static async Task MakeOrderReadyAsync(EngineHarness engine, string key)
    {
        await engine.Ingest.UpsertRecordAsync("order", key, Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", key, Order("ready"), CancellationToken.None);
        await engine.RunAllAsync();
    }

    [Fact]
    public async Task PersonWhoTurnedTheFlowOff_IsSkippedOnEveryChannel_WithTheReason()
    {
        await using var engine = await EngineHarness.StartAsync();
        await MuteAsync(engine, "ola", "order-ready");

        await MakeOrderReadyAsync(engine, "M1");

        var deliveries = await engine.DeliveriesAsync("order", "M1");
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(DeliveryStatus.Skipped, d.Status);
            Assert.Equal("turned off messages from the flow 'order-ready'", d.Reason);
        });
        Assert.Contains(deliveries, d => d.Address == "ola@example.com");
    }

    [Fact]
    public async Task TurningAnotherFlowOff_LeavesThisOneSending()
    {
        await using var engine = await EngineHarness.StartAsync();
        await MuteAsync(engine, "ola", "task-overdue");

        await MakeOrderReadyAsync(engine, "M2");

        Assert.All(await engine.DeliveriesAsync("order", "M2"), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task RequiredFlow_ReachesEvenThoseWhoTurnedItOff()
    {
        await using var engine = await EngineHarness.StartAsync();
        var flows = engine.Services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync("order-ready", DemoFlows.OrderReady with { Required = true }, CancellationToken.None);
        await flows.PublishAsync("order-ready", moveWaitingReminders: false, CancellationToken.None);
        await MuteAsync(engine, "ola", "order-ready");

        await MakeOrderReadyAsync(engine, "M3");

        var deliveries = await engine.DeliveriesAsync("order", "M3");
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }
}
