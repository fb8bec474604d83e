using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Branch;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Steps.Stop;

namespace Notify.Workflows.Tests.Runtime;

public class BranchAndDelayFlowTests
{
    private static FlowDefinition Flow() => new()
    {
        Name = "VIP follow-up",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["order"] },
        Steps =
        [
            new BranchStepDefinition { Id = "is-vip", Expression = "record.Data.ContainsKey(\"vip\")", Then = "wait", Else = "plain" },
            new DelayStepDefinition { Id = "wait", Amount = 2, Unit = TimeUnit.Hours },
            new SendStepDefinition { Id = "vip-mail", Channels = ["email"], Template = "order-ready", Recipients = ["customer"], Next = "end" },
            new SendStepDefinition { Id = "plain", Channels = ["inApp"], Template = "order-ready", Recipients = ["customer"] },
            new StopStepDefinition { Id = "end", Reason = "done" },
        ],
    };

    private static Task<EngineHarness> StartAsync() => EngineHarness.StartWithFlowAsync("vip", Flow());

    private static RecordState Order(bool vip) => new()
    {
        Status = "new",
        Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
        Data = vip ? new Dictionary<string, System.Text.Json.JsonElement> { ["vip"] = System.Text.Json.JsonSerializer.SerializeToElement(true) } : [],
    };

    [Fact]
    public async Task YesPath_WaitsTwoHoursThenEmails_AndSkipsTheNoPath()
    {
        await using var engine = await StartAsync();
        await engine.Ingest.UpsertRecordAsync("order", "VIP-1", Order(vip: true), CancellationToken.None);
        await engine.RunAllAsync();

        var run = Assert.Single(await engine.RunsAsync("order", "VIP-1"), r => r.FlowKey == "vip");
        Assert.Equal(RunStatus.Waiting, run.Status);
        Assert.Equal(engine.Clock.GetUtcNow().UtcDateTime.AddHours(2), run.ResumeAt);
        Assert.Empty(await engine.DeliveriesAsync("order", "VIP-1"));

        await engine.AdvanceAsync(TimeSpan.FromHours(2));

        var delivery = Assert.Single(await engine.DeliveriesAsync("order", "VIP-1"));
        Assert.Equal(Channel.Email, delivery.Channel);
        run = Assert.Single(await engine.RunsAsync("order", "VIP-1"), r => r.FlowKey == "vip");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("done", run.Outcome);
        var journal = await engine.JournalAsync(run.Id);
        Assert.Equal(["is-vip", "wait", "vip-mail", "end"], journal.Select(j => j.StepId));
    }

    [Fact]
    public async Task NoPath_GoesStraightToTheInAppStep_WhichSaysTheTemplateHasNoInAppText()
    {
        await using var engine = await StartAsync();

        await engine.Ingest.UpsertRecordAsync("order", "VIP-2", Order(vip: false), CancellationToken.None);
        await engine.RunAllAsync();

        var delivery = Assert.Single(await engine.DeliveriesAsync("order", "VIP-2"));
        Assert.Equal(Channel.InApp, delivery.Channel);
        Assert.Equal(DeliveryStatus.Skipped, delivery.Status);
        Assert.Equal("the template 'order-ready' has no inApp text", delivery.Reason);
    }
}
