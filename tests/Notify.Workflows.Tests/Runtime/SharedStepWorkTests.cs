using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>
/// The runs of a batch share what they work out alike (condition input, recipients, template model, used fields) only
/// when they judge the same event on the same record: the events one upsert derives share its record snapshot, and
/// each run still sees its own event.
/// </summary>
public sealed class SharedStepWorkTests
{
    [Theory]
    [InlineData("InCommit")]
    [InlineData("AfterCommit")]
    public async Task TwoEventsOfOneUpsert_EachRunJudgesAndWritesItsOwnEvent(string policy)
    {
        await using var engine = await StartAsync(policy, ("on-created", EventTypes.Created), ("on-assigned", EventTypes.Assigned));

        var result = await engine.Ingest.UpsertRecordAsync("errand", "E-1", Errand("open", "per"), CancellationToken.None);
        await engine.RunAllAsync();

        Assert.Equal([EventTypes.Created, EventTypes.Assigned], result.Events.Select(e => e.Type));
        var runs = await engine.RunsAsync("errand", "E-1");
        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        var deliveries = await engine.DeliveriesAsync("errand", "E-1");
        Assert.Equal(
            ["on-assigned: record.assigned for per (open)", "on-created: record.created for per (open)"],
            deliveries.Select(d => $"{d.FlowKey}: {d.Body}").Order());
        foreach (var run in runs)
        {
            var condition = Assert.Single(await engine.JournalAsync(run.Id), j => j.StepId == "own-event");
            Assert.Equal(JournalVerdict.ConditionMet, condition.Verdict);
        }
    }

    [Fact]
    public async Task ManyFlowsOnOneEvent_EachGetsTheSameMessage_AsOneFlowAlone()
    {
        await using var alone = await StartAsync("InCommit", ("only", EventTypes.Created));
        await using var many = await StartAsync("InCommit", ("first", EventTypes.Created), ("second", EventTypes.Created), ("third", EventTypes.Created));

        await alone.Ingest.UpsertRecordAsync("errand", "E-2", Errand("open", "per"), CancellationToken.None);
        await many.Ingest.UpsertRecordAsync("errand", "E-2", Errand("open", "per"), CancellationToken.None);

        var expected = Assert.Single(await alone.DeliveriesAsync("errand", "E-2"));
        var got = await many.DeliveriesAsync("errand", "E-2");
        Assert.Equal(3, got.Count);
        Assert.All(got, d =>
        {
            Assert.Equal(expected.Body, d.Body);
            Assert.Equal(expected.UsedFieldsJson, d.UsedFieldsJson);
            Assert.Equal(expected.Address, d.Address);
            Assert.Equal(DeliveryStatus.Queued, d.Status);
        });
    }

    private static RecordState Errand(string status, params string[] assignees) => new() { Status = status, Title = "Fetch the keys", Assignees = assignees };

    /// <summary>The engine with a template that names its event, and a flow per (key, event) that checks and sends it.</summary>
    private static async Task<EngineHarness> StartAsync(string policy, params (string Key, string Event)[] flows)
    {
        var engine = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Notify:Engine:Execution"] = policy });
        await engine.AddTemplateAsync("which-event", "Which event", new TemplateContent { InApp = "{{ event.type }} for {{ recipient.key }} ({{ record.status }})" });
        foreach (var (key, e) in flows)
        {
            await engine.PublishAsync(key, new FlowDefinition
            {
                Name = key,
                Trigger = new TriggerDefinition { Event = e, RecordTypes = ["errand"] },
                Steps =
                [
                    new ConditionStepDefinition { Id = "own-event", Expression = $"event.Type == \"{e}\"" },
                    new SendStepDefinition { Id = "tell", Channels = ["inApp"], Template = "which-event", Recipients = ["assignees"] },
                ],
            });
        }

        return engine;
    }
}
