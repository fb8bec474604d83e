using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Condition;

namespace Notify.Workflows.Tests.Runtime;

public class OrderReadyFlowTests
{
    private static RecordState Order(string status, string customer = "ola") => new()
    {
        Status = status, Title = "Winter tyres", Contacts = new Dictionary<string, string> { ["customer"] = customer },
    };

    [Fact]
    public async Task StatusToReady_SendsEmailAndSmsToTheCustomer()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Ingest.UpsertRecordAsync("order", "AO462", Order("new"), CancellationToken.None);

        var result = await engine.Ingest.UpsertRecordAsync("order", "AO462", Order("ready"), CancellationToken.None);
        await engine.RunAllAsync();

        Assert.Equal([EventTypes.StatusChanged, EventTypes.Changed], result.Events.Select(x => x.Type));
        var e = result.Events[0];
        Assert.Equal(["order-ready"], e.StartedFlows);
        var deliveries = await engine.DeliveriesAsync("order", "AO462");
        Assert.Equal(2, deliveries.Count);
        var email = Assert.Single(deliveries, d => d.Channel == Channel.Email);
        Assert.Equal("ola@example.com", email.Address);
        Assert.Equal("Your order AO462 is ready", email.Subject);
        Assert.Equal(DeliveryStatus.Sent, email.Status);
        var sms = Assert.Single(deliveries, d => d.Channel == Channel.Sms);
        Assert.Equal("+4791234567", sms.Address);
        Assert.Equal("Hi Ola, your order AO462 is ready for pick-up.", sms.Body);
        Assert.Equal(1, sms.Segments);
    }

    [Fact]
    public async Task SameUpsertRepeated_StartsNoSecondRun()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Ingest.UpsertRecordAsync("order", "AO1", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "AO1", Order("ready"), CancellationToken.None);

        var again = await engine.Ingest.UpsertRecordAsync("order", "AO1", Order("ready"), CancellationToken.None);
        await engine.RunAllAsync();

        Assert.Empty(again.Events);
        Assert.Single(await engine.RunsAsync("order", "AO1"));
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "AO1")).Count);
    }

    [Fact]
    public async Task CustomerWithoutSmsConsent_IsSkippedWithTheReason()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Ingest.UpsertRecordAsync("order", "AO2", Order("new", "anna"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "AO2", Order("ready", "anna"), CancellationToken.None);
        await engine.RunAllAsync();

        var sms = Assert.Single(await engine.DeliveriesAsync("order", "AO2"), d => d.Channel == Channel.Sms);
        Assert.Equal(DeliveryStatus.Skipped, sms.Status);
        Assert.Equal("no SMS consent", sms.Reason);
    }

    [Fact]
    public async Task UnknownCustomer_IsSkippedAndTheJournalSaysWhy_AndTheRunEndsAsNobodyReached()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Ingest.UpsertRecordAsync("order", "AO3", Order("new", "nobody"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "AO3", Order("ready", "nobody"), CancellationToken.None);
        await engine.RunAllAsync();

        var deliveries = await engine.DeliveriesAsync("order", "AO3");
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Skipped, d.Status));
        Assert.All(deliveries, d => Assert.Contains("no contact with the key 'nobody'", d.Reason));
        var run = Assert.Single(await engine.RunsAsync("order", "AO3"));
        Assert.Equal(RunStatus.NobodyReached, run.Status);
        Assert.StartsWith("Nobody could be reached", run.Outcome, StringComparison.Ordinal);
        var journal = await engine.JournalAsync(run.Id);
        Assert.Contains(journal, j => j.StepId == "still-ready" && j.Verdict == JournalVerdict.ConditionMet && j.Message.Contains("record.Status='ready'"));
    }

    [Fact]
    public async Task StatusToReady_RunIsExecutedInTheUpsertsCommit_AndRunningItAgainAddsNothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Ingest.UpsertRecordAsync("order", "AO4", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "AO4", Order("ready"), CancellationToken.None);
        var run = Assert.Single(await engine.RunsAsync("order", "AO4"));
        var queuedAtIngest = await engine.DeliveriesAsync("order", "AO4");
        var runner = engine.Services.GetService(typeof(RunEngine)) as RunEngine;

        var again = await runner!.ExecuteAsync(run.Id, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(2, queuedAtIngest.Count);
        Assert.All(queuedAtIngest, d => Assert.Equal(run.Id, d.RunId));
        Assert.False(again);
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "AO4")).Count);
    }

    [Fact]
    public async Task ConditionThatThrows_FailsTheRunWithTheReason()
    {
        await using var engine = await EngineHarness.StartAsync();
        var flows = engine.Services.GetService(typeof(Notify.Workflows.Definitions.FlowService)) as Notify.Workflows.Definitions.FlowService;
        await flows!.SaveDraftAsync("order-ready", Demo.DemoFlows.OrderReady with
        {
            Steps = [new ConditionStepDefinition { Id = "c", Expression = "Convert.ToDecimal(record.Data[\"vip\"]) > 1" }],
        }, CancellationToken.None);
        await flows.PublishAsync("order-ready", false, CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "AO5", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "AO5", Order("ready"), CancellationToken.None);

        await engine.RunAllAsync();

        var run = Assert.Single(await engine.RunsAsync("order", "AO5"));
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("could not be evaluated", run.Outcome);
        Assert.Equal(2, run.FlowVersion);
        Assert.Empty(await engine.DeliveriesAsync("order", "AO5"));
    }

    [Fact]
    public async Task SmsProvider_TooLongMessage_FailsWithAClearReason()
    {
        await using var engine = await EngineHarness.StartAsync();
        await using (var db = await engine.Db())
        {
            db.Deliveries.Add(Delivery.Queue(new DeliveryDraft { DeliveryKey = "long", Channel = Channel.Sms, Address = "+4791234567", Body = new string('a', 1700) }, engine.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        await engine.RunAllAsync();

        await using var check = await engine.Db();
        var delivery = await check.Deliveries.SingleAsync(d => d.DeliveryKey == "long");
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Contains("1700 characters", delivery.Reason);
    }
}
