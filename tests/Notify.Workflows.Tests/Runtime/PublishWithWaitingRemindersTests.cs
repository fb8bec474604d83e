using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Runtime;

public class PublishWithWaitingRemindersTests
{
    private static FlowDefinition TwoDaysBefore() => DemoFlows.TaskDueSoon with
    {
        Trigger = DemoFlows.TaskDueSoon.Trigger with { Deadline = new DeadlineOffset(2, TimeUnit.Days, OffsetDirection.Before) },
    };

    [Fact]
    public async Task PublishMovingReminders_WaitingReminderTakesTheNewVersionAndItsOffset()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deadline = engine.Clock.GetUtcNow().AddDays(5);
        await engine.UpsertTaskAsync("P1", "open", deadline, "per");
        var flows = (FlowService)engine.Services.GetService(typeof(FlowService))!;
        await flows.SaveDraftAsync("task-due-soon", TwoDaysBefore(), CancellationToken.None);
        var waiting = await engine.WaitingRemindersAsync("task-due-soon");

        var published = await flows.PublishAsync("task-due-soon", moveWaitingReminders: true, CancellationToken.None);

        Assert.Equal(waiting, published.MovedReminders);
        var run = Assert.Single(await engine.RunsAsync("task", "P1"), r => r.FlowKey == "task-due-soon");
        Assert.Equal(published.Version, run.FlowVersion);
        Assert.Equal(deadline.AddDays(-2).UtcDateTime, run.ResumeAt);
        await engine.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Equal(2, (await engine.DeliveriesAsync("task", "P1")).Count(d => d.FlowKey == "task-due-soon"));
    }

    [Fact]
    public async Task PublishLeavingReminders_WaitingReminderKeepsItsVersionAndTime()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deadline = engine.Clock.GetUtcNow().AddDays(5);
        await engine.UpsertTaskAsync("P2", "open", deadline, "per");
        var flows = (FlowService)engine.Services.GetService(typeof(FlowService))!;
        await flows.SaveDraftAsync("task-due-soon", TwoDaysBefore(), CancellationToken.None);

        var published = await flows.PublishAsync("task-due-soon", moveWaitingReminders: false, CancellationToken.None);

        Assert.Equal(0, published.MovedReminders);
        var run = Assert.Single(await engine.RunsAsync("task", "P2"), r => r.FlowKey == "task-due-soon");
        Assert.Equal(published.Version - 1, run.FlowVersion);
        Assert.Equal(deadline.AddDays(-1).UtcDateTime, run.ResumeAt);
    }
}
