using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>A run whose send steps left everybody out is a warning (nobody reached), not a plain completion — even across a wait.</summary>
public class NobodyReachedTests
{
    private static FlowDefinition Flow() => new()
    {
        Name = "Two tries",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["order"] },
        Steps =
        [
            new SendStepDefinition { Id = "customer-sms", Channels = ["sms"], Template = "order-ready", Recipients = ["customer"] },
            new DelayStepDefinition { Id = "later", Amount = 1, Unit = TimeUnit.Hours },
            new SendStepDefinition { Id = "manager-email", Channels = ["email"], Template = "order-ready", Recipients = ["manager"] },
        ],
    };

    private static RecordState Order(string customer, string manager) => new()
    {
        Status = "new", Contacts = new Dictionary<string, string> { ["customer"] = customer, ["manager"] = manager },
    };

    [Fact]
    public async Task EverySendSkipped_EndsAsNobodyReached_WithTheReasonInTheJournal()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("two-tries", Flow());
        await engine.Ingest.UpsertRecordAsync("order", "NR-1", Order("anna", "nobody"), CancellationToken.None); // Anna: no SMS consent
        await engine.RunAllAsync();
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        var run = Assert.Single(await engine.RunsAsync("order", "NR-1"));
        Assert.Equal(RunStatus.NobodyReached, run.Status);
        Assert.False(run.Reached);
        var journal = await engine.JournalAsync(run.Id);
        Assert.Contains(journal, j => j.StepId == "customer-sms" && j.Verdict == JournalVerdict.NobodyReached && j.Message.Contains("no SMS consent"));
        Assert.Contains(journal, j => j.StepId == "manager-email" && j.Verdict == JournalVerdict.NobodyReached && j.Message.Contains("'nobody'"));
    }

    [Fact]
    public async Task TheFirstSendSkipped_ButTheOneAfterTheWaitReachesSomeone_IsCompleted()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("two-tries", Flow());
        await engine.Ingest.UpsertRecordAsync("order", "NR-2", Order("anna", "kari"), CancellationToken.None);
        await engine.RunAllAsync();
        var waiting = Assert.Single(await engine.RunsAsync("order", "NR-2"));
        Assert.Equal((RunStatus.Waiting, (bool?)false), (waiting.Status, waiting.Reached));

        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        var run = Assert.Single(await engine.RunsAsync("order", "NR-2"));
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.True(run.Reached);
    }

    [Fact]
    public async Task AFlowWithoutASendStepThatEnds_IsCompleted()
    {
        var flow = new FlowDefinition
        {
            Name = "Only waits",
            Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["order"] },
            Steps = [new DelayStepDefinition { Id = "later", Amount = 1, Unit = TimeUnit.Minutes }],
        };
        await using var engine = await EngineHarness.StartWithFlowAsync("only-waits", flow);
        await engine.Ingest.UpsertRecordAsync("order", "NR-3", Order("ola", "kari"), CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        var run = Assert.Single(await engine.RunsAsync("order", "NR-3"), r => r.FlowKey == "only-waits");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Null(run.Reached);
    }
}
