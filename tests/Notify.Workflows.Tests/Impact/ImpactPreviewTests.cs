using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Impact;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Impact;

public class ImpactPreviewTests
{
    private static FlowDefinition Flow(string condition) => new()
    {
        Name = "Big orders",
        Trigger = new TriggerDefinition { Event = EventTypes.StatusChanged, RecordTypes = ["order"], ToStatuses = ["ready"] },
        Steps =
        [
            new ConditionStepDefinition { Id = "amount", Expression = condition },
            new SendStepDefinition { Id = "tell", Channels = ["sms", "email"], Template = "order-ready", Recipients = ["customer"] },
        ],
    };

    private const string Published = "record.Has(\"amount\") && record.Number(\"amount\") > 1000";
    private const string Draft = "record.Has(\"amount\") && record.Number(\"amount\") > 500 && record.Number(\"amount\") < 2000";

    private static async Task<EngineHarness> StartAsync()
    {
        var engine = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Notify:Sms:PricePerSegment"] = "0.5", ["Notify:Sms:Currency"] = "NOK" });
        var flows = engine.Services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync("big", Flow(Published), CancellationToken.None);
        await flows.PublishAsync("big", false, CancellationToken.None);
        await flows.SaveDraftAsync("big", Flow(Draft), CancellationToken.None);
        return engine;
    }

    private static async Task MakeReadyAsync(EngineHarness engine, string key, string customer, decimal amount)
    {
        var order = new RecordState
        {
            Status = "new", Title = $"Order {key}", Contacts = new Dictionary<string, string> { ["customer"] = customer },
            Data = new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement(amount) },
        };
        await engine.Ingest.UpsertRecordAsync("order", key, order, CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", key, order with { Status = "ready" }, CancellationToken.None);
    }

    [Fact]
    public async Task PreviewAsync_AConditionChange_RemovesOneRecipientAndAddsTwo_WithExactCounts_AndStoresNothing()
    {
        await using var engine = await StartAsync();
        await MakeReadyAsync(engine, "IMP-OLD", "kari", 1500); // older than the window: not counted
        await engine.AdvanceAsync(TimeSpan.FromDays(8));
        await MakeReadyAsync(engine, "IMP-1", "ola", 1500);    // both versions
        await MakeReadyAsync(engine, "IMP-2", "kari", 3000);   // published only: Kari is no longer reached
        await MakeReadyAsync(engine, "IMP-3", "per", 700);     // draft only: Per is newly reached
        await MakeReadyAsync(engine, "IMP-4", "anna", 800);    // draft only, by email: Anna has no SMS consent
        await MakeReadyAsync(engine, "IMP-5", "ola", 100);     // neither
        await engine.RunAllAsync();
        var before = await CountRowsAsync(engine);

        var impact = await engine.Services.GetRequiredService<ImpactPreviewer>().PreviewAsync("big", new ImpactRequest(7), CancellationToken.None);

        Assert.Equal(1, impact.PublishedVersion);
        Assert.Equal(new ImpactTotals(5, 5, new ImpactMessages(2, 2, 0), 2, 1.0m, 2), impact.Published);
        Assert.Equal(new ImpactTotals(5, 5, new ImpactMessages(2, 3, 0), 2, 1.0m, 3), impact.Draft);
        Assert.Equal(["Anna Berg", "Per Olsen"], impact.NewlyReached.Select(p => p.Name));
        Assert.Equal(["anna", "per"], impact.NewlyReached.Select(p => p.Key));
        Assert.Equal("Kari Hansen", Assert.Single(impact.NoLongerReached).Name);
        Assert.Equal(3, impact.RecordsAffected);
        Assert.Equal(
            [new ImpactRecord("order", "IMP-2", "Order IMP-2", 0, 2), new ImpactRecord("order", "IMP-3", "Order IMP-3", 2, 0), new ImpactRecord("order", "IMP-4", "Order IMP-4", 1, 0)],
            impact.Records);
        Assert.Equal("NOK", impact.Currency);
        Assert.Equal(before, await CountRowsAsync(engine));
    }

    [Fact]
    public async Task PreviewAsync_OverTenDays_AlsoCountsTheOlderEvent()
    {
        await using var engine = await StartAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(3)); // the demo's own ready event stays outside ten days
        await MakeReadyAsync(engine, "IMP-OLD", "kari", 1500);
        await engine.AdvanceAsync(TimeSpan.FromDays(8));
        await MakeReadyAsync(engine, "IMP-1", "ola", 1500);

        var impact = await engine.Services.GetRequiredService<ImpactPreviewer>().PreviewAsync("big", new ImpactRequest(10), CancellationToken.None);

        Assert.Equal(2, impact.Draft.Events);
        Assert.Equal(new ImpactMessages(2, 2, 0), impact.Draft.Messages);
        Assert.Equal(2, impact.Draft.People);
        Assert.Empty(impact.NewlyReached);
        Assert.Empty(impact.NoLongerReached);
    }

    [Fact]
    public async Task PreviewAsync_ADeadlineFlow_MakesOneReminderPerRecord_AndNoneForADoneOne()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(8)); // the demo's own events leave the window
        var deadline = engine.Clock.GetUtcNow().AddDays(3);
        await engine.UpsertTaskAsync("IMP-T1", "open", deadline, "per");
        await engine.UpsertTaskAsync("IMP-T1", "in_progress", deadline, "per");
        await engine.UpsertTaskAsync("IMP-T2", "open", deadline, "anna");
        await engine.UpsertTaskAsync("IMP-T3", "open", deadline, "per");
        await engine.UpsertTaskAsync("IMP-T3", "done", deadline, "per");

        var impact = await engine.Services.GetRequiredService<ImpactPreviewer>().PreviewAsync("task-due-soon", new ImpactRequest(), CancellationToken.None);

        await using (var db = await engine.Db())
        {
            Assert.Equal(await db.Events.CountAsync(e => e.RecordKey.StartsWith("IMP-T")), impact.Published.Events); // every change is looked at
        }

        Assert.Equal(2, impact.Published.Runs); // T1 once though it changed twice, T2; T3 is done
        Assert.Equal(new ImpactMessages(1, 0, 2), impact.Published.Messages); // Anna has no SMS consent
        Assert.Equal(impact.Published, impact.Draft);
        Assert.Empty(impact.Records);
    }

    [Fact]
    public async Task PreviewAsync_OutOfRangeDays_NamesTheField_AndAMissingFlowIsNotFound()
    {
        await using var engine = await StartAsync();
        var previewer = engine.Services.GetRequiredService<ImpactPreviewer>();

        var tooMany = await Assert.ThrowsAsync<ValidationException>(() => previewer.PreviewAsync("big", new ImpactRequest(91), CancellationToken.None));
        var none = await Assert.ThrowsAsync<ValidationException>(() => previewer.PreviewAsync("big", new ImpactRequest(0), CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => previewer.PreviewAsync("no-such-flow", new ImpactRequest(), CancellationToken.None));

        Assert.Equal("days", Assert.Single(tooMany.Errors).Field);
        Assert.Equal("days", Assert.Single(none.Errors).Field);
    }

    private static async Task<(int, int, int, int, int)> CountRowsAsync(EngineHarness engine)
    {
        await using var db = await engine.Db();
        return (await db.Runs.CountAsync(), await db.Deliveries.CountAsync(), await db.Runs.SumAsync(r => r.JournalJson.Length), await db.Events.CountAsync(), await db.Records.CountAsync());
    }
}
