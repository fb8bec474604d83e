using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

public class DelayUntilDeadlineTests
{
    private static FlowDefinition Flow() => new()
    {
        Name = "Prepare the visit",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps =
        [
            new DelayStepDefinition { Id = "wait", Amount = 2, Unit = TimeUnit.Hours, Until = "deadline", Direction = OffsetDirection.Before },
            new SendStepDefinition { Id = "remind", Channels = ["inApp"], Template = "task-due-soon", Recipients = ["assignees"] },
        ],
    };

    private static Task<EngineHarness> StartAsync() => EngineHarness.StartWithFlowAsync("prep", Flow());

    private static async Task<int> PrepDeliveriesAsync(EngineHarness engine, string key) =>
        (await engine.DeliveriesAsync("task", key)).Count(d => d.FlowKey == "prep");

    [Fact]
    public async Task DeadlineMovedLater_TheWaitMovesWithIt_AndSendsOnceAtTheNewTime()
    {
        await using var engine = await StartAsync();
        var start = engine.Clock.GetUtcNow();
        await engine.UpsertTaskAsync("D1", "open", start.AddHours(10), "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(5));

        await engine.UpsertTaskAsync("D1", "open", start.AddHours(20), "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(4)); // past the old time (8 h)
        var atOldTime = await PrepDeliveriesAsync(engine, "D1");
        await engine.AdvanceAsync(TimeSpan.FromHours(9)); // 18 h: two hours before the new deadline
        var atNewTime = await PrepDeliveriesAsync(engine, "D1");
        await engine.AdvanceAsync(TimeSpan.FromHours(10));

        Assert.Equal(0, atOldTime);
        Assert.Equal(1, atNewTime);
        Assert.Equal(1, await PrepDeliveriesAsync(engine, "D1"));
        var run = Assert.Single(await engine.RunsAsync("task", "D1"), r => r.FlowKey == "prep");
        Assert.Equal(RunStatus.Completed, run.Status);
        var journal = await engine.JournalAsync(run.Id);
        Assert.Contains(journal, j => j.Verdict == JournalVerdict.Moved && j.Message.Contains("worked out again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeadlineMovedEarlier_SendsAtTheEarlierTime()
    {
        await using var engine = await StartAsync();
        var start = engine.Clock.GetUtcNow();
        await engine.UpsertTaskAsync("D2", "open", start.AddHours(10), "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        await engine.UpsertTaskAsync("D2", "open", start.AddHours(4), "per");
        await engine.RunAllAsync();
        var beforeNewTime = await PrepDeliveriesAsync(engine, "D2");
        await engine.AdvanceAsync(TimeSpan.FromHours(1)); // 2 h: two hours before the new deadline

        Assert.Equal(0, beforeNewTime);
        Assert.Equal(1, await PrepDeliveriesAsync(engine, "D2"));
    }

    [Fact]
    public async Task DeadlineRemoved_TheWaitingRunEndsWithoutSending()
    {
        await using var engine = await StartAsync();
        var start = engine.Clock.GetUtcNow();
        await engine.UpsertTaskAsync("D3", "open", start.AddHours(10), "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        await engine.UpsertTaskAsync("D3", "open", null, "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(12));

        Assert.Equal(0, await PrepDeliveriesAsync(engine, "D3"));
        var run = Assert.Single(await engine.RunsAsync("task", "D3"), r => r.FlowKey == "prep");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("The record has no deadline to wait for.", run.Outcome);
    }
}
