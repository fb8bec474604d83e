using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Workflows.Access;
using Notify.Workflows.Persistence;
using Notify.Workflows.Retention;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Retention;

/// <summary>
/// Retention deletes finished messages, ended runs, events no kept run points at, replies and sent digest items older
/// than the setting, in chunks, and nothing else.
/// </summary>
public sealed class RetentionSweeperTests
{
    private static readonly Dictionary<string, string?> ThirtyDays = new() { ["Notify:Retention:Days"] = "30", ["Notify:Retention:ChunkSize"] = "3" };

    [Fact]
    public async Task OlderThanTheSetting_FinishedMessagesAndEndedRunsGo_EverythingElseStays()
    {
        await using var engine = await EngineHarness.StartAsync(settings: ThirtyDays);
        var start = engine.Clock.GetUtcNow().UtcDateTime;
        await MakeReadyAsync(engine, "OLD-1");
        await MakeReadyAsync(engine, "OLD-2");
        await engine.UpsertTaskAsync("WAITS", "open", engine.Clock.GetUtcNow().AddDays(90), "kari"); // its reminders wait months
        Guid held;
        await using (var db = await engine.Db())
        {
            var queued = Delivery.Queue(new DeliveryDraft
            {
                DeliveryKey = "held-for-years", Channel = Channel.Sms, Address = "+4790000001", Body = "Luke 13 venter", NotBefore = start.AddYears(3),
            }, start);
            db.Deliveries.Add(queued);
            held = queued.Id;
            db.ConsentChanges.AddRange(ConsentChange.Between("ola", ChannelConsent.All, ChannelConsent.None, "test", "api", start));
            engine.Services.GetRequiredService<AuditLog>().Record(db, "changed", "contact", "ola");
            db.Replies.Add(Reply.To(queued, "Ola", Channel.Sms, "Takk!", start));
            db.DigestItems.AddRange(DigestItem("sent-in-a-digest", start.AddHours(-1), flushed: start), DigestItem("still-collecting", start, flushed: null));
            await db.SaveChangesAsync();
        }

        var before = await CountsAsync(engine);
        Assert.True(before.Deliveries >= 5 && before.Runs >= 3 && before.Attempts >= 4, $"too little to sweep: {before}");

        engine.Clock.Advance(TimeSpan.FromDays(29));
        await MakeReadyAsync(engine, "NEW-1"); // 29 days younger than the old ones: inside the window when they leave it
        engine.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var beforeSweep = await CountsAsync(engine);
        var cutoff = engine.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        List<Notify.Domain.Records.RecordEvent> eventsBefore;
        await using (var db = await engine.Db())
        {
            db.Replies.Add(Reply.To(await db.Deliveries.FirstAsync(d => d.RecordKey == "NEW-1"), "Ola", Channel.Sms, "Kommer i morgen", engine.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            eventsBefore = await db.Events.AsNoTracking().ToListAsync();
        }

        var swept = await engine.Services.GetRequiredService<RetentionSweeper>().SweepAsync(TimeSpan.Zero, CancellationToken.None);

        var after = await CountsAsync(engine);
        await using var check = await engine.Db();
        var left = await check.Deliveries.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(left, d => d.RecordKey is "OLD-1" or "OLD-2");
        Assert.Equal(2, left.Count(d => d.RecordKey == "NEW-1"));
        Assert.Contains(left, d => d.Id == held); // still queued: never deleted, whatever its age
        Assert.Empty(await check.Runs.Where(r => r.RecordKey == "OLD-1" || r.RecordKey == "OLD-2").ToListAsync());
        Assert.Single(await check.Runs.Where(r => r.RecordKey == "NEW-1").ToListAsync());
        var reminders = await check.Runs.Where(r => r.RecordKey == "WAITS").ToListAsync(); // due soon and overdue, months ahead
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(RunStatus.Waiting, r.Status));
        Assert.Empty(await check.DeliveryAttempts.Where(a => !check.Deliveries.Any(d => d.Id == a.DeliveryId)).ToListAsync());
        Assert.Equal((beforeSweep.Audit, beforeSweep.Consent, beforeSweep.Records), (after.Audit, after.Consent, after.Records));
        Assert.Equal(beforeSweep.Deliveries - after.Deliveries, swept.Deliveries);
        Assert.Equal(beforeSweep.Runs - after.Runs, swept.Runs);
        Assert.True(swept.Runs >= 2 && swept.Attempts >= 4, swept.ToString());

        // Events: the young ones stay, and an old one stays while a kept run (the waiting reminders) started from it.
        var keptRuns = await check.Runs.AsNoTracking().Select(r => r.EventId).ToListAsync();
        var expectedEvents = eventsBefore.Where(e => e.OccurredAt >= cutoff || keptRuns.Contains(e.Id)).Select(e => e.Id).Order().ToList();
        Assert.Equal(expectedEvents, (await check.Events.AsNoTracking().Select(e => e.Id).ToListAsync()).Order().ToList());
        Assert.Contains(eventsBefore, e => e.OccurredAt < cutoff && keptRuns.Contains(e.Id)); // the case is there to test
        Assert.Equal(eventsBefore.Count - expectedEvents.Count, swept.Events);
        Assert.True(swept.Events >= 4, swept.ToString());

        Assert.Equal(["Kommer i morgen"], await check.Replies.AsNoTracking().Select(r => r.Body).ToListAsync());
        Assert.Equal(1, swept.Replies);
        Assert.Equal(["still-collecting"], await check.DigestItems.AsNoTracking().Select(i => i.BucketKey).ToListAsync());
        Assert.Equal(1, swept.DigestItems);
    }

    [Fact]
    public async Task EachRecord_KeepsASummaryOfWhatWasDeleted_AddedUpOverSweeps()
    {
        await using var engine = await EngineHarness.StartAsync(settings: ThirtyDays);
        var sweeper = engine.Services.GetRequiredService<RetentionSweeper>();
        await MakeReadyAsync(engine, "SUM-1");
        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        await ReplyAsync(engine, "SUM-1", "Takk, jeg kommer");
        engine.Clock.Advance(TimeSpan.FromDays(10));
        await MakeReadyAsync(engine, "SUM-2");
        await engine.UpsertTaskAsync("SUM-2", "new", null); // an order key on a task: summaries are per record type and key
        engine.Clock.Advance(TimeSpan.FromDays(21));
        var firstWave = await HistoryAsync(engine, "order", "SUM-1");
        var secondWave = await HistoryAsync(engine, "order", "SUM-2");
        Assert.True(firstWave.Messages.Count >= 2 && firstWave.Runs.Count >= 1 && firstWave.Events.Count >= 2 && firstWave.Replies.Count == 1, "nothing to sweep");

        await sweeper.SweepAsync(TimeSpan.Zero, CancellationToken.None);
        var afterFirst = await DeletedHistoryAsync(engine, "order", "SUM-1");

        Assert.NotNull(afterFirst);
        AssertSummarises(firstWave, afterFirst);
        Assert.Null(await DeletedHistoryAsync(engine, "order", "SUM-2")); // 21 days old: kept
        Assert.Null(await DeletedHistoryAsync(engine, "task", "SUM-2"));

        await sweeper.SweepAsync(TimeSpan.Zero, CancellationToken.None); // nothing more to delete: nothing counted twice
        AssertSummarises(firstWave, (await DeletedHistoryAsync(engine, "order", "SUM-1"))!);

        await MakeReadyAsync(engine, "SUM-1"); // more messages for the same record, deleted later: added to the same summary
        var more = await HistoryAsync(engine, "order", "SUM-1");
        engine.Clock.Advance(TimeSpan.FromDays(31));
        await sweeper.SweepAsync(TimeSpan.Zero, CancellationToken.None);

        AssertSummarises(new History([.. firstWave.Messages, .. more.Messages], [.. firstWave.Runs, .. more.Runs], [.. firstWave.Events, .. more.Events], firstWave.Replies),
            (await DeletedHistoryAsync(engine, "order", "SUM-1"))!);
        AssertSummarises(secondWave, (await DeletedHistoryAsync(engine, "order", "SUM-2"))!);
        Assert.Empty(await engine.DeliveriesAsync("order", "SUM-1"));
    }

    private static async Task<RecordHistorySummary?> DeletedHistoryAsync(EngineHarness engine, string type, string key)
    {
        await using var db = await engine.Db();
        return await db.RecordHistorySummaries.AsNoTracking().FirstOrDefaultAsync(s => s.RecordType == type && s.RecordKey == key);
    }

    private sealed record History(List<Delivery> Messages, List<FlowRun> Runs, List<Notify.Domain.Records.RecordEvent> Events, List<Reply> Replies);

    private static async Task<History> HistoryAsync(EngineHarness engine, string type, string key)
    {
        await using var db = await engine.Db();
        return new History(
            await db.Deliveries.AsNoTracking().Where(d => d.RecordType == type && d.RecordKey == key).ToListAsync(),
            await db.Runs.AsNoTracking().Where(r => r.RecordType == type && r.RecordKey == key).ToListAsync(),
            await db.Events.AsNoTracking().Where(e => e.RecordType == type && e.RecordKey == key).ToListAsync(),
            await db.Replies.AsNoTracking().Where(r => r.RecordType == type && r.RecordKey == key).ToListAsync());
    }

    private static async Task ReplyAsync(EngineHarness engine, string key, string body)
    {
        await using var db = await engine.Db();
        db.Replies.Add(Reply.To(await db.Deliveries.FirstAsync(d => d.RecordKey == key), "Ola", Channel.Sms, body, engine.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    private static void AssertSummarises(History deleted, RecordHistorySummary summary)
    {
        Assert.Equal(deleted.Messages.Count, summary.Messages);
        Assert.Equal(deleted.Messages.Count(d => d.Channel == Channel.Sms), summary.Sms);
        Assert.Equal(deleted.Messages.Count(d => d.Channel == Channel.Email), summary.Emails);
        Assert.Equal(deleted.Messages.Count(d => d.Channel == Channel.InApp), summary.InApp);
        Assert.Equal(deleted.Messages.Count(d => d.Status == DeliveryStatus.Failed), summary.Failed);
        Assert.Equal(deleted.Messages.Count(d => d.Status is DeliveryStatus.Skipped or DeliveryStatus.Cancelled), summary.Skipped);
        Assert.Equal(deleted.Runs.Count, summary.Runs);
        Assert.Equal(deleted.Events.Count, summary.Events);
        Assert.Equal(deleted.Replies.Count, summary.Replies);
        var times = deleted.Messages.Select(d => d.CreatedAt).Concat(deleted.Runs.Select(r => r.CreatedAt))
            .Concat(deleted.Events.Select(e => e.OccurredAt)).Concat(deleted.Replies.Select(r => r.At)).ToList();
        Assert.Equal((times.Min(), times.Max()), (summary.From, summary.To));
    }

    [Fact]
    public async Task TheSearchIndex_ForgetsTheDeletedMessages()
    {
        await using var engine = await EngineHarness.StartAsync(settings: ThirtyDays);
        await MakeReadyAsync(engine, "GONE-77");
        engine.Clock.Advance(TimeSpan.FromDays(31));
        await MakeReadyAsync(engine, "KEPT-77");

        await engine.Services.GetRequiredService<RetentionSweeper>().SweepAsync(TimeSpan.Zero, CancellationToken.None);

        await using var db = await engine.Db();
        var found = await db.Deliveries.AsNoTracking().Containing(db, "-77", DeliveryText.Everything).Select(d => d.RecordKey).Distinct().ToListAsync();
        Assert.Equal(["KEPT-77"], found);
        Assert.Equal(await db.Deliveries.CountAsync(d => d.Body.Contains("-77")), await db.Deliveries.Containing(db, "-77", DeliveryText.Everything).CountAsync());
    }

    [Fact]
    public async Task ZeroDays_KeepsEverything()
    {
        await using var engine = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Notify:Retention:Days"] = "0" });
        await MakeReadyAsync(engine, "FOREVER-1");
        engine.Clock.Advance(TimeSpan.FromDays(3650));

        var swept = await engine.Services.GetRequiredService<RetentionSweeper>().SweepAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new RetentionSwept(0, 0, 0), swept);
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "FOREVER-1")).Count);
    }

    private static Notify.Workflows.Digests.DigestItem DigestItem(string bucket, DateTime at, DateTime? flushed) => new()
    {
        Id = Guid.NewGuid(), BucketKey = bucket, RunId = Guid.NewGuid(), FlowKey = "digest", StepId = "collect", Channel = Channel.Email,
        Address = "ola@example.com", TemplateKey = "order-ready", CreatedAt = at, DueAt = at.AddHours(1), FlushedAt = flushed,
    };

    private static Task MakeReadyAsync(EngineHarness engine, string key) => Channels.TwilioOrders.MakeReadyAsync(engine, key);

    private sealed record Counts(int Deliveries, int Attempts, int Runs, int Audit, int Consent, int Records, int Events);

    private static async Task<Counts> CountsAsync(EngineHarness engine)
    {
        await using var db = await engine.Db();
        return new Counts(await db.Deliveries.CountAsync(), await db.DeliveryAttempts.CountAsync(), await db.Runs.CountAsync(), await db.Audit.CountAsync(),
            await db.ConsentChanges.CountAsync(), await db.Records.CountAsync(), await db.Events.CountAsync());
    }
}
