using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Workflows.Ingest;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Ingest;

public class CustomEventTests
{
    private static CustomEvent Booking() => new("booking.confirmed", "order", "AO462",
        new Dictionary<string, JsonElement> { ["at"] = JsonSerializer.SerializeToElement("2026-12-01T10:00") });

    [Fact]
    public async Task SameIdempotencyKeyPostedConcurrently_StoresOneEventAndAnswersTheSame()
    {
        await using var engine = await EngineHarness.StartAsync();
        var flows = (Notify.Workflows.Definitions.FlowService)engine.Services.GetService(typeof(Notify.Workflows.Definitions.FlowService))!;
        await flows.SaveDraftAsync("booking", new Notify.Workflows.Definitions.FlowDefinition
        {
            Name = "Booking confirmed",
            Trigger = new Notify.Workflows.Definitions.TriggerDefinition { Event = "booking.confirmed", RecordTypes = ["order"] },
            Steps = [new SendStepDefinition { Id = "s", Channels = ["inApp"], Template = "order-ready", Recipients = ["contact:ola"] }],
        }, CancellationToken.None);
        await flows.PublishAsync("booking", false, CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => engine.Ingest.PostEventAsync(Booking(), "req-1", CancellationToken.None)));

        Assert.Single(answers.Select(a => a.EventId).Distinct());
        Assert.Equal(7, answers.Count(a => a.Duplicate));
        await using var db = await engine.Db();
        Assert.Equal(1, await db.Events.CountAsync(e => e.Type == "booking.confirmed"));
        Assert.Equal(1, await db.Runs.CountAsync(r => r.FlowKey == "booking"));
        Assert.All(answers, a => Assert.Equal(["booking"], a.StartedFlows));
    }

    [Fact]
    public async Task BuiltInTypeAsCustomEvent_IsRefusedNamingTheField()
    {
        await using var engine = await EngineHarness.StartAsync(seedDemo: false);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            engine.Ingest.PostEventAsync(Booking() with { Type = "record.created" }, null, CancellationToken.None));

        Assert.Equal("type", Assert.Single(ex.Errors).Field);
    }
}
