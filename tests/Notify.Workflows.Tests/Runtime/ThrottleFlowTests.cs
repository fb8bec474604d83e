using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>A flow that holds back its messages to a person who has had enough lately: counted per person and channel, in a sliding window, from this flow or every flow.</summary>
public class ThrottleFlowTests
{
    private static FlowDefinition Flow(string name, ThrottleDefinition? throttle) => new()
    {
        Name = name,
        Throttle = throttle,
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps = [new SendStepDefinition { Id = "tell", Channels = ["sms"], Template = "task-due-soon", Recipients = ["assignees"] }],
    };

    private static async Task PublishAsync(EngineHarness engine, string key, FlowDefinition flow)
    {
        var flows = engine.Services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync(key, flow, CancellationToken.None);
        await flows.PublishAsync(key, false, CancellationToken.None);
    }

    private static async Task<Delivery> SmsAsync(EngineHarness engine, string task, string flow) =>
        Assert.Single(await engine.DeliveriesAsync("task", task), d => d.FlowKey == flow && d.Channel == Channel.Sms);

    [Fact]
    public async Task AtMostTwoADay_TheThirdIsHeldBackWithTheReason_AndADayLaterOneGoesAgain()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("limited", Flow("Limited", new ThrottleDefinition { Max = 2, Per = new(1, TimeUnit.Days) }));
        foreach (var key in new[] { "TH-1", "TH-2", "TH-3" })
        {
            await engine.UpsertTaskAsync(key, "open", null, "per");
            engine.Clock.Advance(TimeSpan.FromHours(1));
        }

        await engine.RunAllAsync();
        Assert.Equal(DeliveryStatus.Sent, (await SmsAsync(engine, "TH-1", "limited")).Status);
        Assert.Equal(DeliveryStatus.Sent, (await SmsAsync(engine, "TH-2", "limited")).Status);
        var held = await SmsAsync(engine, "TH-3", "limited");
        Assert.Equal(DeliveryStatus.Skipped, held.Status);
        Assert.Equal("held back: already 2 sms messages from this flow in the last 1 day (at most 2 messages per person and channel in any 1 day)", held.Reason);
        var run = Assert.Single(await engine.RunsAsync("task", "TH-3"), r => r.FlowKey == "limited");
        Assert.Equal(RunStatus.NobodyReached, run.Status);

        engine.Clock.Advance(TimeSpan.FromHours(22)); // TH-1's SMS is now more than a day old; TH-2's is not
        await engine.UpsertTaskAsync("TH-4", "open", null, "per");
        await engine.UpsertTaskAsync("TH-5", "open", null, "per");
        await engine.RunAllAsync();
        Assert.Equal(DeliveryStatus.Sent, (await SmsAsync(engine, "TH-4", "limited")).Status);
        Assert.Equal(DeliveryStatus.Skipped, (await SmsAsync(engine, "TH-5", "limited")).Status);
    }

    [Fact]
    public async Task AcrossFlows_CountsEveryFlowsMessages_ButAFlowCountingOnlyItsOwnStillSends()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("first", Flow("First", null));
        await engine.UpsertTaskAsync("AX-1", "open", null, "per");
        await engine.UpsertTaskAsync("AX-2", "open", null, "per");
        await PublishAsync(engine, "limited-all", Flow("Limited across", new ThrottleDefinition { Max = 2, Per = new(12, TimeUnit.Hours), AcrossFlows = true }));
        await PublishAsync(engine, "limited-own", Flow("Limited own", new ThrottleDefinition { Max = 2, Per = new(12, TimeUnit.Hours) }));

        await engine.UpsertTaskAsync("AX-3", "open", null, "per");
        await engine.RunAllAsync();

        Assert.Equal(DeliveryStatus.Sent, (await SmsAsync(engine, "AX-3", "first")).Status);
        var across = await SmsAsync(engine, "AX-3", "limited-all");
        Assert.Equal(DeliveryStatus.Skipped, across.Status);
        Assert.StartsWith("held back: already ", across.Reason);
        Assert.DoesNotContain("from this flow", across.Reason);
        Assert.Equal(DeliveryStatus.Sent, (await SmsAsync(engine, "AX-3", "limited-own")).Status);
    }

    [Fact]
    public async Task Folding_TheMessagesOverTheLimitGoTogetherAsOneAWindowLater()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("limited",
            Flow("Limited", new ThrottleDefinition { Max = 1, Per = new(1, TimeUnit.Hours), Fold = true }) with
            {
                Steps = [new SendStepDefinition { Id = "tell", Channels = ["inApp"], Template = "task-due-soon", Recipients = ["assignees"] }],
            });
        var start = engine.Clock.GetUtcNow().UtcDateTime;
        foreach (var key in new[] { "FO-1", "FO-2", "FO-3" })
        {
            await engine.UpsertTaskAsync(key, "open", null, "per");
            await engine.AdvanceAsync(TimeSpan.FromMinutes(5));
        }

        async Task<List<Delivery>> MessagesAsync()
        {
            await using var db = await engine.Db();
            return db.Deliveries.Where(d => d.FlowKey == "limited" && d.Channel == Channel.InApp).OrderBy(d => d.CreatedAt).ToList();
        }

        Assert.Equal(["FO-1"], (await MessagesAsync()).Select(d => d.RecordKey));
        var second = Assert.Single(await engine.RunsAsync("task", "FO-2"), r => r.FlowKey == "limited");
        Assert.Contains(await engine.JournalAsync(second.Id), j => j.Message.Contains("1 over the flow's limit folded into one later message"));

        await engine.AdvanceAsync(TimeSpan.FromMinutes(45)); // 1:00 now; FO-2 came 5 minutes in, so its window ends at 1:05
        Assert.Single(await MessagesAsync());
        await engine.AdvanceAsync(TimeSpan.FromMinutes(5));

        var messages = await MessagesAsync();
        Assert.Equal(["FO-1", "FO-3"], messages.Select(d => d.RecordKey)); // one message for FO-2 and FO-3, about the last of them
        Assert.Equal(start.AddMinutes(65), messages[1].CreatedAt);
        await engine.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Equal(2, (await MessagesAsync()).Count);
    }

    [Fact]
    public async Task DryRun_SaysTheMessageWouldBeHeldBack()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("limited", Flow("Limited", new ThrottleDefinition { Max = 1, Per = new(1, TimeUnit.Days) }));
        await engine.UpsertTaskAsync("DT-1", "open", null, "per");
        await engine.RunAllAsync();

        var result = await engine.Services.GetRequiredService<DryRunner>().RunAsync("limited", null,
            new DryRunRequest(new DryRunRecord("task", "DT-1"), new DryRunEvent(EventTypes.Created)), CancellationToken.None);

        Assert.Empty(result.Messages);
        Assert.StartsWith("held back: already 1 sms message from this flow", Assert.Single(result.Skipped).Reason);
    }

    [Theory]
    [InlineData(0, 1, "throttle.max")]
    [InlineData(3, 0, "throttle.per.amount")]
    public async Task Saving_ALimitThatCannotWork_NamesTheField(int max, int amount, string field)
    {
        await using var engine = await EngineHarness.StartAsync();
        var error = await Assert.ThrowsAsync<Notify.Domain.Common.ValidationException>(() => engine.Services.GetRequiredService<FlowService>()
            .SaveDraftAsync("broken", Flow("Broken", new ThrottleDefinition { Max = max, Per = new(amount, TimeUnit.Hours) }), CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Field == field);
    }
}
