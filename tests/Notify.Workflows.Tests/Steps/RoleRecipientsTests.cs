using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Steps;

/// <summary><c>role:NAME</c> in a send step reaches every contact whose own roles include NAME; nobody with it is a plain reason in the journal.</summary>
public sealed class RoleRecipientsTests
{
    private static FlowDefinition Flow(string recipient) => new()
    {
        Name = "Tell the technicians",
        Trigger = new TriggerDefinition { Event = "record.status_changed", RecordTypes = ["order"], ToStatuses = ["ready"] },
        Steps = [new SendStepDefinition { Id = "tell", Channels = ["email", "sms"], Template = "order-ready", Recipients = [recipient] }],
    };

    private static async Task MakeReadyAsync(EngineHarness engine, string key)
    {
        var order = new RecordState { Status = "new" };
        await engine.Ingest.UpsertRecordAsync("order", key, order, CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", key, order with { Status = "ready" }, CancellationToken.None);
        await engine.RunAllAsync();
    }

    [Fact]
    public async Task RoleTechnician_ReachesPerAndAnna_WithAnnasSmsSkippedForConsent()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("tech", Flow("role:Technician"));

        await MakeReadyAsync(engine, "ROLE-1");

        var mine = (await engine.DeliveriesAsync("order", "ROLE-1")).Where(d => d.FlowKey == "tech").ToList();
        Assert.Equal(["anna:email", "anna:sms", "per:email", "per:sms"], mine.Select(d => $"{d.ContactKey}:{d.Channel.ToName()}").Order());
        Assert.Equal(DeliveryStatus.Skipped, mine.Single(d => d.ContactKey == "anna" && d.Channel == Channel.Sms).Status);
        Assert.Equal(3, mine.Count(d => d.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task ARoleNobodyHas_ReachesNobody_AndTheJournalSaysSo()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("tech", Flow("role:plumber"));

        await MakeReadyAsync(engine, "ROLE-2");

        var run = Assert.Single(await engine.RunsAsync("order", "ROLE-2"), r => r.FlowKey == "tech");
        var journal = await engine.JournalAsync(run.Id);
        Assert.Contains(journal, j => j.StepId == "tell" && j.Message.Contains("nobody has the role 'plumber'", StringComparison.Ordinal));
        Assert.DoesNotContain(await engine.DeliveriesAsync("order", "ROLE-2"), d => d.FlowKey == "tech");
    }
}
