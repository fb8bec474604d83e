using Notify.Domain.Records;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Runtime;

public sealed class PoisonRunTests
{
    [Fact]
    public async Task StepThatAlwaysThrows_IsTriedWithBackoff_ThenFaultedWithTheReason_AndAPersonsRetryFinishesIt()
    {
        var poison = new ThrowingSendStep { PoisonPrefix = "P" };
        await using var engine = await EngineHarness.StartAsync(configure: poison.Install);
        await engine.Ingest.UpsertRecordAsync("order", "P1", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "P1", Order("ready"), CancellationToken.None);

        var statuses = new List<(RunStatus Status, int Attempts)>();
        foreach (var wait in new[] { 10, 60, 300, 900 })
        {
            await engine.AdvanceAsync(TimeSpan.FromSeconds(wait));
            var run = Assert.Single(await engine.RunsAsync("order", "P1"));
            statuses.Add((run.Status, run.Attempts));
        }

        var faulted = Assert.Single(await engine.RunsAsync("order", "P1"));
        var journal = await engine.JournalAsync(faulted.Id);
        var callsWhenFaulted = poison.Calls;
        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        var callsADayLater = poison.Calls;

        Assert.Equal([(RunStatus.Running, 2), (RunStatus.Running, 3), (RunStatus.Running, 4), (RunStatus.Faulted, 5)], statuses);
        Assert.Equal(RunStatus.Faulted, faulted.Status);
        Assert.Null(faulted.ResumeAt);
        Assert.Contains("the step cannot handle P1", faulted.Outcome, StringComparison.Ordinal);
        Assert.Equal(4, journal.Count(j => j.Verdict == JournalVerdict.Retrying));
        Assert.Equal(JournalVerdict.Faulted, journal[^1].Verdict);
        Assert.Empty(await engine.DeliveriesAsync("order", "P1"));
        Assert.Equal(callsWhenFaulted, callsADayLater);
    }

    [Fact]
    public async Task RetriedByAPersonAfterTheCauseIsFixed_TheRunGoesOnFromWhereItStopped()
    {
        var poison = new ThrowingSendStep { PoisonPrefix = "R" };
        await using var engine = await EngineHarness.StartAsync(configure: poison.Install);
        await engine.Ingest.UpsertRecordAsync("order", "R1", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "R1", Order("ready"), CancellationToken.None);
        foreach (var wait in new[] { 10, 60, 300, 900 })
        {
            await engine.AdvanceAsync(TimeSpan.FromSeconds(wait));
        }

        var faulted = Assert.Single(await engine.RunsAsync("order", "R1"));
        var runs = (RunEngine)engine.Services.GetService(typeof(RunEngine))!;
        poison.PoisonPrefix = null; // the cause is fixed

        await runs.RetryAsync(faulted.Id, "kari@example.com", CancellationToken.None);
        await engine.RunAllAsync();

        Assert.Equal(RunStatus.Faulted, faulted.Status);
        var run = Assert.Single(await engine.RunsAsync("order", "R1"));
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "R1")).Count);
        var journal = await engine.JournalAsync(run.Id);
        Assert.Contains(journal, j => j.Verdict == JournalVerdict.Retried && j.Message.Contains("kari@example.com", StringComparison.Ordinal));
        Assert.Contains(journal, j => j.Verdict == JournalVerdict.Sent);
    }

    [Fact]
    public async Task ManyPoisonRunsDueFirst_DoNotStarveAHealthyRunDueAfterThem()
    {
        var poison = new ThrowingSendStep { PoisonPrefix = "P" };
        await using var engine = await EngineHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Notify:Engine:Execution"] = "AfterCommit", ["Notify:Engine:BatchSize"] = "50" }, configure: poison.Install);
        for (var i = 0; i < 130; i++)
        {
            await engine.Ingest.UpsertRecordAsync("order", $"P{i}", Order("new"), CancellationToken.None);
            await engine.Ingest.UpsertRecordAsync("order", $"P{i}", Order("ready"), CancellationToken.None);
        }

        await engine.Ingest.UpsertRecordAsync("order", "HEALTHY", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "HEALTHY", Order("ready"), CancellationToken.None);

        await engine.RunAllAsync();

        var healthy = Assert.Single(await engine.RunsAsync("order", "HEALTHY"));
        Assert.Equal(RunStatus.Completed, healthy.Status);
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "HEALTHY")).Count);
        await using var db = await engine.Db();
        Assert.Equal(130, db.Runs.Count(r => r.RecordKey.StartsWith("P") && r.Attempts == 1 && r.Status == RunStatus.Running));
    }

    [Fact]
    public async Task APersonCancelsAWaitingReminder_ItNeverGoesOut_AndAnEndedRunCannotBeCancelled()
    {
        await using var engine = await EngineHarness.StartAsync();
        var runs = (RunEngine)engine.Services.GetService(typeof(RunEngine))!;
        await engine.UpsertTaskAsync("C1", "open", engine.Clock.GetUtcNow().AddHours(30), "per");
        var reminder = Assert.Single(await engine.RunsAsync("task", "C1"), r => r.FlowKey == "task-due-soon");

        await runs.CancelAsync(reminder.Id, "kari@example.com", CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromHours(8));

        var cancelled = Assert.Single(await engine.RunsAsync("task", "C1"), r => r.FlowKey == "task-due-soon");
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("Cancelled by kari@example.com.", cancelled.Outcome);
        Assert.DoesNotContain(await engine.DeliveriesAsync("task", "C1"), d => d.FlowKey == "task-due-soon");
        var again = await Assert.ThrowsAsync<Notify.Domain.Common.ValidationException>(() => runs.CancelAsync(reminder.Id, "kari@example.com", CancellationToken.None));
        Assert.Contains("Cancelled run cannot be cancelled", again.Message, StringComparison.Ordinal);
    }

    private static RecordState Order(string status) => new()
    {
        Status = status, Title = "Winter tyres", Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
    };
}
