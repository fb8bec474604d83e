using Notify.Domain.Records;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>A run's first pass judges the record as its own event left it, whatever later upserts in the same group commit made of it.</summary>
public sealed class OwnEventSnapshotTests
{
    [Theory]
    [InlineData("InCommit")]
    [InlineData("AfterCommit")]
    public async Task ReadyThenPickedUpInOneGroupCommit_TheOrderReadyRunSeesReady_AndSends(string policy)
    {
        await using var engine = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Notify:Engine:Execution"] = policy });
        await engine.Ingest.UpsertRecordAsync("order", "SNAP1", Order("new"), CancellationToken.None);

        var results = await engine.Ingest.CommitGroupAsync([("order", "SNAP1", Order("ready")), ("order", "SNAP1", Order("picked_up"))]);
        await engine.RunAllAsync();

        Assert.Equal(["ready", "picked_up"], results.Select(r => r.Record.Status));
        var run = Assert.Single(await engine.RunsAsync("order", "SNAP1"));
        Assert.Equal(RunStatus.Completed, run.Status);
        var journal = await engine.JournalAsync(run.Id);
        var condition = Assert.Single(journal, j => j.StepId == "still-ready");
        Assert.Equal(JournalVerdict.ConditionMet, condition.Verdict);
        Assert.Contains("record.Status='ready'", condition.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "SNAP1")).Count);
    }

    [Fact]
    public async Task AfterAWait_TheRunSeesTheRecordAsItIsThen()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deadline = engine.Clock.GetUtcNow().AddHours(30);
        await engine.UpsertTaskAsync("SNAP2", "open", deadline, "per");

        await engine.UpsertTaskAsync("SNAP2", "in_progress", deadline, "per");
        await engine.AdvanceAsync(TimeSpan.FromHours(7));

        var reminder = Assert.Single(await engine.RunsAsync("task", "SNAP2"), r => r.FlowKey == "task-due-soon");
        var journal = await engine.JournalAsync(reminder.Id);
        Assert.Contains(journal, j => j.Verdict == JournalVerdict.DeadlineReached && j.Message.Contains("status is 'in_progress'", StringComparison.Ordinal));
    }

    private static RecordState Order(string status) => new()
    {
        Status = status, Title = "Winter tyres", Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
    };
}
