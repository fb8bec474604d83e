using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>"Booking changed" flows: record.changed narrowed to watched fields, and several triggers on one flow.</summary>
public sealed class RecordChangedFlowTests
{
    /// <summary>Confirm a booking when it is made, and again when its start moves.</summary>
    private static FlowDefinition Confirmation(params string[] watched) => new()
    {
        Name = "Booking confirmation",
        Triggers =
        [
            new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["booking"] },
            new TriggerDefinition { Event = EventTypes.Changed, RecordTypes = ["booking"], Fields = watched },
        ],
        Steps = [new SendStepDefinition { Id = "confirm", Channels = ["email"], Template = "order-ready", Recipients = ["customer"] }],
    };

    private static RecordState Booking(string start, string title = "Tyre change", string status = "confirmed") => new()
    {
        Status = status, Title = title, Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
        Data = new Dictionary<string, JsonElement> { ["booking_start"] = JsonSerializer.SerializeToElement(start) },
    };

    private static async Task<List<string>> StartedAsync(EngineHarness engine, string key, RecordState state)
    {
        var result = await engine.Ingest.UpsertRecordAsync("booking", key, state, CancellationToken.None);
        await engine.RunAllAsync();
        return result.Events.SelectMany(e => e.StartedFlows.Select(f => $"{e.Type}:{f}")).ToList();
    }

    [Fact]
    public async Task CreatedOrBookingStartChanged_EachStartsOneRun_AndAnUnwatchedChangeStartsNone()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("booking-confirmation", Confirmation("data.booking_start"));

        var created = await StartedAsync(engine, "B1", Booking("2026-10-06T09:00"));
        var retitled = await StartedAsync(engine, "B1", Booking("2026-10-06T09:00", title: "Tyre change and wash"));
        var moved = await StartedAsync(engine, "B1", Booking("2026-10-09T09:00", title: "Tyre change and wash"));
        var movedAndStatus = await StartedAsync(engine, "B1", Booking("2026-10-10T09:00", title: "Tyre change and wash", status: "moved"));

        Assert.Equal(["record.created:booking-confirmation"], created);
        Assert.Empty(retitled);
        Assert.Equal(["record.changed:booking-confirmation"], moved);
        Assert.Equal(["record.changed:booking-confirmation"], movedAndStatus); // one run for one upsert, not one per event
        Assert.Equal(3, (await engine.DeliveriesAsync("booking", "B1")).Count(d => d.Status == Notify.Domain.Messaging.DeliveryStatus.Sent));
    }

    [Fact]
    public async Task ChangedWithoutFields_StartsOnAnyChange_OnceAnUpsert()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("any-change", Confirmation());

        await StartedAsync(engine, "B2", Booking("2026-10-06T09:00"));
        var retitled = await StartedAsync(engine, "B2", Booking("2026-10-06T09:00", title: "Wash"));
        var same = await StartedAsync(engine, "B2", Booking("2026-10-06T09:00", title: "Wash"));

        Assert.Equal(["record.changed:any-change"], retitled);
        Assert.Empty(same);
    }

    [Fact]
    public async Task ExplainedEvent_SaysWhichFieldsTheFlowWatches_AndWhatChanged()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("booking-confirmation", Confirmation("data.booking_start", "deadline"));
        await StartedAsync(engine, "B3", Booking("2026-10-06T09:00"));
        var result = await engine.Ingest.UpsertRecordAsync("booking", "B3", Booking("2026-10-06T09:00", title: "Wash"), CancellationToken.None);
        var changed = Assert.Single(result.Events, e => e.Type == EventTypes.Changed);

        var explanation = await engine.Services.GetRequiredService<EventExplainer>().ExplainAsync(changed.EventId, CancellationToken.None);

        var verdict = Assert.Single(explanation!.Flows, f => f.FlowKey == "booking-confirmation");
        Assert.False(verdict.Started);
        Assert.Contains("watches data.booking_start, deadline, and this change was to title", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedWithTriggers_ReadsBackWithTheFirstAsTrigger_AndSaysThemAllInWords()
    {
        await using var engine = await EngineHarness.StartAsync(seedDemo: true);
        var flows = engine.Services.GetRequiredService<FlowService>();

        var saved = await flows.SaveDraftAsync("booking-confirmation", Confirmation("data.booking_start"), CancellationToken.None);
        var draft = saved.Draft();

        Assert.Equal(EventTypes.Created, draft.Trigger.Event);
        Assert.Equal(2, draft.Triggers!.Count);
        Assert.Equal("When a booking is created, or when a booking's booking start changes", FlowDescriber.Triggers(draft));
        var single = await flows.SaveDraftAsync("one", Confirmation() with { Triggers = [new TriggerDefinition { Event = EventTypes.Created }] }, CancellationToken.None);
        Assert.Null(single.Draft().Triggers);
        Assert.Equal(EventTypes.Created, single.Draft().Trigger.Event);
    }

    [Theory]
    [InlineData("colour", "triggers[1].fields[0]")]
    [InlineData("data.", "triggers[1].fields[0]")]
    public async Task AFieldThatCannotBeWatched_IsRefusedNamingIt(string field, string path)
    {
        await using var engine = await EngineHarness.StartAsync(seedDemo: true);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            engine.Services.GetRequiredService<FlowService>().SaveDraftAsync("bad", Confirmation(field), CancellationToken.None));

        Assert.Equal([path], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task FieldsOnAnotherKindOfTrigger_AndTwoDeadlineTriggers_AreRefused()
    {
        await using var engine = await EngineHarness.StartAsync(seedDemo: true);
        var flows = engine.Services.GetRequiredService<FlowService>();
        var deadline = new TriggerDefinition { Event = EventTypes.Deadline, Deadline = new DeadlineOffset(1, TimeUnit.Days, OffsetDirection.Before) };

        var fields = await Assert.ThrowsAsync<ValidationException>(() => flows.SaveDraftAsync("bad", Confirmation() with
        {
            Triggers = [new TriggerDefinition { Event = EventTypes.Created, Fields = ["status"] }],
        }, CancellationToken.None));
        var twoDeadlines = await Assert.ThrowsAsync<ValidationException>(() =>
            flows.SaveDraftAsync("bad", Confirmation() with { Triggers = [deadline, deadline with { Deadline = new DeadlineOffset(2, TimeUnit.Hours, OffsetDirection.After) }] }, CancellationToken.None));

        Assert.Equal(["triggers[0].fields"], fields.Errors.Select(e => e.Field));
        Assert.Equal(["triggers"], twoDeadlines.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task DryRun_OfABookingChange_UsesTheWatchedFields()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("booking-confirmation", Confirmation("data.booking_start"));
        await StartedAsync(engine, "B4", Booking("2026-10-06T09:00"));
        var runner = engine.Services.GetRequiredService<DryRunner>();

        var watched = await runner.RunAsync("booking-confirmation", null,
            new DryRunRequest(new DryRunRecord("booking", "B4"), new DryRunEvent(EventTypes.Changed)), CancellationToken.None);
        var other = await runner.RunAsync("booking-confirmation", null,
            new DryRunRequest(new DryRunRecord("booking", "B4"), new DryRunEvent(EventTypes.Changed, Fields: ["title"])), CancellationToken.None);

        Assert.True(watched.Started);
        Assert.True(watched.Messages.Count == 1, string.Join(" | ", watched.Path.Select(p => p.Reason).Concat(watched.Skipped.Select(s => s.Reason))));
        Assert.False(other.Started);
        Assert.Contains("watches data.booking_start", other.Path[0].Reason, StringComparison.Ordinal);
    }
}
