using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Records;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Tests.Runtime;

public sealed class InlineExecutionTests
{
    [Fact]
    public async Task StepThrowsDuringTheUpsert_RecordIsStored_TheRunSaysItWillTryAgain_AndTheWorkerFinishesIt()
    {
        var flaky = new ThrowingSendStep { FailuresLeft = 0 };
        await using var engine = await EngineHarness.StartAsync(configure: flaky.Install);
        await engine.Ingest.UpsertRecordAsync("order", "IX1", Order("new"), CancellationToken.None);
        flaky.FailuresLeft = 1;

        var result = await engine.Ingest.UpsertRecordAsync("order", "IX1", Order("ready"), CancellationToken.None);
        var afterUpsert = Assert.Single(await engine.RunsAsync("order", "IX1"));
        var journalAfterUpsert = await engine.JournalAsync(afterUpsert.Id);
        var deliveriesAfterUpsert = await engine.DeliveriesAsync("order", "IX1");
        await engine.RunAllAsync();
        var beforeItsTime = Assert.Single(await engine.RunsAsync("order", "IX1"));
        await engine.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("ready", result.Record.Status);
        Assert.Equal(RunStatus.Running, afterUpsert.Status);
        Assert.Equal(1, afterUpsert.Attempts);
        var line = Assert.Single(journalAfterUpsert);
        Assert.Equal(JournalVerdict.Retrying, line.Verdict);
        Assert.Contains("connection lost", line.Message, StringComparison.Ordinal);
        Assert.Empty(deliveriesAfterUpsert);
        Assert.Equal(RunStatus.Running, beforeItsTime.Status);
        var run = Assert.Single(await engine.RunsAsync("order", "IX1"));
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(0, run.Attempts);
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "IX1")).Count);
        Assert.Equal(0, flaky.FailuresLeft);
    }

    private static RecordState Order(string status) => new()
    {
        Status = status, Title = "Summer tyres", Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
    };
}
