using Notify.Domain.Messaging;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Runtime;

public class DeadlineReminderTests
{
    [Fact]
    public async Task DeadlineIn48Hours_RemindsAt24HoursBefore_AndEscalatesOneHourAfter()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deadline = engine.Clock.GetUtcNow().AddHours(48);
        var result = await engine.UpsertTaskAsync("T1", "open", deadline, "per");
        await engine.RunAllAsync();
        Assert.Contains(result.Events, e => e.Scheduled.Any(s => s.StartsWith("task-due-soon")));
        Assert.Empty(await engine.DeliveriesAsync("task", "T1"));

        await engine.AdvanceAsync(TimeSpan.FromHours(23));
        Assert.Empty(await engine.DeliveriesAsync("task", "T1"));

        await engine.AdvanceAsync(TimeSpan.FromHours(1));
        var dueSoon = await engine.DeliveriesAsync("task", "T1");
        Assert.Equal([Channel.Sms, Channel.InApp], dueSoon.Select(d => d.Channel).Order());
        Assert.All(dueSoon, d => Assert.Equal("per", d.ContactKey));

        await engine.AdvanceAsync(TimeSpan.FromHours(25));
        var all = await engine.DeliveriesAsync("task", "T1");
        var overdue = all.Where(d => d.FlowKey == "task-overdue").ToList();
        Assert.Equal(["kari", "per"], overdue.Select(d => d.ContactKey!).Order());
        Assert.All(overdue, d => Assert.Equal(Channel.Email, d.Channel));
    }

    [Fact]
    public async Task TaskDoneBeforeTheReminder_SendsNothingAndCancelsTheReminders()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deadline = engine.Clock.GetUtcNow().AddHours(48);
        await engine.UpsertTaskAsync("T2", "open", deadline, "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(10));

        await engine.UpsertTaskAsync("T2", "done", deadline, "per");
        await engine.AdvanceAsync(TimeSpan.FromDays(5));

        Assert.Empty(await engine.DeliveriesAsync("task", "T2"));
        var runs = await engine.RunsAsync("task", "T2");
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Cancelled, r.Status));
        Assert.All(runs, r => Assert.EndsWith("No reminder had gone out about it.", r.Outcome, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeadlineMovedLater_TheReminderMovesAndNothingGoesOutEarly()
    {
        await using var engine = await EngineHarness.StartAsync();
        var start = engine.Clock.GetUtcNow();
        await engine.UpsertTaskAsync("T3", "open", start.AddHours(48), "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(2));

        await engine.UpsertTaskAsync("T3", "open", start.AddHours(96), "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(30));

        Assert.Empty(await engine.DeliveriesAsync("task", "T3"));
        var dueSoon = Assert.Single(await engine.RunsAsync("task", "T3"), r => r.FlowKey == "task-due-soon");
        Assert.Equal(start.AddHours(72).UtcDateTime, dueSoon.ResumeAt);

        await engine.AdvanceAsync(TimeSpan.FromHours(41));
        Assert.Equal(2, (await engine.DeliveriesAsync("task", "T3")).Count(d => d.FlowKey == "task-due-soon"));
    }

    [Fact]
    public async Task TaskDoneAfterTheFirstReminder_StopsTheOverdueEmail()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deadline = engine.Clock.GetUtcNow().AddHours(30);
        await engine.UpsertTaskAsync("T4", "open", deadline, "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(7));
        Assert.NotEmpty(await engine.DeliveriesAsync("task", "T4"));

        await engine.UpsertTaskAsync("T4", "done", deadline, "per");
        await engine.AdvanceAsync(TimeSpan.FromDays(3));

        Assert.DoesNotContain(await engine.DeliveriesAsync("task", "T4"), d => d.FlowKey == "task-overdue");
        var withdrawn = Assert.Single(await engine.RunsAsync("task", "T4"), r => r.FlowKey == "task-overdue");
        Assert.Equal(RunStatus.Cancelled, withdrawn.Status);
        Assert.Equal("The task is done. The reminder was withdrawn before it went out. Reminders that went out before: \"Task due soon\" (2 messages).", withdrawn.Outcome);
    }

    [Fact]
    public async Task RecordDeleted_CancelsItsReminders()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.UpsertTaskAsync("T5", "open", engine.Clock.GetUtcNow().AddHours(48), "per");

        Assert.True(await engine.Ingest.DeleteRecordAsync("task", "T5", CancellationToken.None));
        await engine.AdvanceAsync(TimeSpan.FromDays(4));

        Assert.Empty(await engine.DeliveriesAsync("task", "T5"));
        Assert.All(await engine.RunsAsync("task", "T5"), r => Assert.Equal(RunStatus.Cancelled, r.Status));
    }

    [Fact]
    public async Task NewDoneStatus_DeclaredForTheType_StopsReminders()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.Ingest.SaveRecordTypeAsync("task", "Task", ["done", "cancelled", "archived"], CancellationToken.None);
        await engine.UpsertTaskAsync("T6", "open", engine.Clock.GetUtcNow().AddHours(48), "per");

        await engine.UpsertTaskAsync("T6", "archived", engine.Clock.GetUtcNow().AddHours(48), "per");
        await engine.AdvanceAsync(TimeSpan.FromDays(4));

        Assert.Empty(await engine.DeliveriesAsync("task", "T6"));
    }
}
