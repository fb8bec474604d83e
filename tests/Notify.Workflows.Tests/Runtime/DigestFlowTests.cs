using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>A send step that collects: per person and channel, the messages of a window go as one, whose template lists them all.</summary>
public class DigestFlowTests
{
    private static FlowDefinition Flow(DigestDefinition digest) => new()
    {
        Name = "New tasks, in one message",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps = [new SendStepDefinition { Id = "tell", Channels = ["inApp"], Template = "task-digest", Recipients = ["assignees"], Digest = digest }],
    };

    private static async Task<EngineHarness> StartAsync(DigestDefinition digest)
    {
        var engine = await EngineHarness.StartAsync();
        await engine.AddTemplateAsync("task-digest", "Task digest", new TemplateContent
        {
            InApp = "{{ digest.count }} new: {% for e in digest.events %}{{ e.record.title }}{% unless forloop.last %}, {% endunless %}{% endfor %}",
        });
        await engine.PublishAsync("digest", Flow(digest));
        return engine;
    }

    private static async Task<List<Delivery>> DigestsAsync(EngineHarness engine)
    {
        await using var db = await engine.Db();
        return db.Deliveries.Where(d => d.FlowKey == "digest").OrderBy(d => d.CreatedAt).ToList();
    }

    private static Task TaskAsync(EngineHarness engine, string key, params string[] assignees) =>
        engine.Ingest.UpsertRecordAsync("task", key, new RecordState { Status = "open", Title = $"Fix {key}", Assignees = assignees }, CancellationToken.None);

    [Fact]
    public async Task ThreeTasksInHalfAnHour_OneMessageListingThree_PerPerson_AndNothingBeforeTheWindowEnds()
    {
        await using var engine = await StartAsync(new DigestDefinition { Window = new(30, TimeUnit.Minutes) });
        await TaskAsync(engine, "D-1", "per");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(10));
        await TaskAsync(engine, "D-2", "per", "kari");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(10));
        await TaskAsync(engine, "D-3", "per");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Empty(await DigestsAsync(engine));
        var run = Assert.Single(await engine.RunsAsync("task", "D-3"), r => r.FlowKey == "digest");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Contains(await engine.JournalAsync(run.Id), j => j.Message.StartsWith("1 collected into digests (30 minutes), the first going at 2026-11-16 08:30 UTC"));

        await engine.AdvanceAsync(TimeSpan.FromMinutes(1)); // 30 minutes after the first: Per's digest goes
        var per = Assert.Single(await DigestsAsync(engine));
        Assert.Equal(("per", "3 new: Fix D-1, Fix D-2, Fix D-3", DeliveryStatus.Delivered), (per.ContactKey, per.Body, per.Status));

        await engine.AdvanceAsync(TimeSpan.FromMinutes(10)); // Kari's began 10 minutes later
        await engine.AdvanceAsync(TimeSpan.FromHours(3));
        var all = await DigestsAsync(engine);
        Assert.Equal([("per", "3 new: Fix D-1, Fix D-2, Fix D-3"), ("kari", "1 new: Fix D-2")], all.Select(d => (d.ContactKey!, d.Body)));
    }

    [Fact]
    public async Task NobodyCouldBeReached_TheDigestCollectsNothing_AndSendsNothing()
    {
        await using var engine = await StartAsync(new DigestDefinition { Window = new(30, TimeUnit.Minutes) });
        await engine.Ingest.UpsertRecordAsync("task", "D-4", new RecordState { Status = "open", Title = "Fix D-4", Assignees = ["nobody-known"] }, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.DoesNotContain(await DigestsAsync(engine), d => d.Status != DeliveryStatus.Skipped);
        await using var db = await engine.Db();
        Assert.Empty(db.DigestItems);
    }

    [Fact]
    public async Task AKeyedDigest_CollectsPerKey()
    {
        await using var engine = await StartAsync(new DigestDefinition { Window = new(1, TimeUnit.Hours), Key = "{{ record.data.site }}" });
        foreach (var (key, site) in new[] { ("K-1", "north"), ("K-2", "south"), ("K-3", "north") })
        {
            await engine.Ingest.UpsertRecordAsync("task", key, new RecordState
            {
                Status = "open", Title = $"Fix {key}", Assignees = ["per"],
                Data = new Dictionary<string, System.Text.Json.JsonElement> { ["site"] = System.Text.Json.JsonSerializer.SerializeToElement(site) },
            }, CancellationToken.None);
            engine.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await engine.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(["1 new: Fix K-2", "2 new: Fix K-1, Fix K-3"], (await DigestsAsync(engine)).Select(d => d.Body).Order());
    }

    [Fact]
    public async Task DryRun_ShowsTheMessageAsTheDigestWouldSendItAlone_AtItsTime()
    {
        await using var engine = await StartAsync(new DigestDefinition { Until = "16:00", WorkingDays = true });
        await TaskAsync(engine, "D-5", "per");

        var result = await engine.Services.GetRequiredService<DryRunner>().RunAsync("digest",
            new DryRunRequest(new DryRunRecord("task", "D-5"), new DryRunEvent(EventTypes.Created)), CancellationToken.None);

        var message = Assert.Single(result.Messages);
        Assert.Equal("1 new: Fix D-5", message.Body);
        Assert.Equal(new DateTime(2026, 11, 16, 15, 0, 0, DateTimeKind.Utc), message.HeldUntil); // 16:00 in Oslo
    }

    [Theory]
    [InlineData("2026-11-20T16:30:00Z", "2026-11-23T15:00:00Z")] // Friday 17:30 in Oslo: Monday 16:00
    [InlineData("2026-11-19T09:00:00Z", "2026-11-19T15:00:00Z")] // Thursday 10:00: the same day
    [InlineData("2026-11-21T09:00:00Z", "2026-11-23T15:00:00Z")] // Saturday: Monday
    public void UntilFourOnWorkingDays_GoesAtTheNextFourOClockOnAWorkingDay(string first, string due)
    {
        var digest = new DigestDefinition { Until = "16:00", WorkingDays = true };
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

        Assert.Equal(DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            digest.DueAfter(DateTime.Parse(first, null, System.Globalization.DateTimeStyles.AdjustToUniversal), new WorkCalendar(), oslo));
    }

    [Theory]
    [InlineData(null, null, "steps[0].digest.window")]
    [InlineData(null, "4pm", "steps[0].digest.until")]
    [InlineData(0, null, "steps[0].digest.window.amount")]
    public async Task Saving_ADigestThatCannotWork_NamesTheField(int? minutes, string? until, string field)
    {
        await using var engine = await EngineHarness.StartAsync();
        var error = await Assert.ThrowsAsync<Notify.Domain.Common.ValidationException>(() => engine.Services.GetRequiredService<FlowService>()
            .SaveDraftAsync("broken", Flow(new DigestDefinition { Window = minutes is { } m ? new(m, TimeUnit.Minutes) : null, Until = until }) with
            {
                Steps = [new SendStepDefinition { Id = "tell", Channels = ["inApp"], Template = "task-due-soon", Recipients = ["assignees"],
                    Digest = new DigestDefinition { Window = minutes is { } m2 ? new(m2, TimeUnit.Minutes) : null, Until = until } }],
            }, CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Field == field);
    }
}
