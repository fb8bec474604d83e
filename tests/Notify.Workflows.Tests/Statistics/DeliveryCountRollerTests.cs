using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Workflows.Statistics;

namespace Notify.Workflows.Tests.Statistics;

/// <summary>The dashboard's counts per day, channel, flow and outcome equal a count of the messages themselves, after messages change status.</summary>
public sealed class DeliveryCountRollerTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public async Task TheCounts_EqualARecount_AfterSendsReadsFailuresAndWithdrawals_OverSeveralDays()
    {
        await using var engine = await EngineHarness.StartAsync();
        var roller = engine.Services.GetRequiredService<DeliveryCountRoller>();
        for (var i = 0; i < 4; i++)
        {
            await MakeReadyAsync(engine, $"CNT-{i}");
        }

        await roller.RollUpAsync(CancellationToken.None);
        await AssertCountsEqualARecountAsync(engine);

        engine.Clock.Advance(TimeSpan.FromHours(15)); // 08:00 UTC + 15 h: past midnight in Oslo, a new day
        await MakeReadyAsync(engine, "CNT-NEXT-DAY");
        await using (var db = await engine.Db())
        {
            var now = engine.Clock.GetUtcNow().UtcDateTime;
            var sms = await db.Deliveries.Where(d => d.Channel == Channel.Sms && d.RecordKey!.StartsWith("CNT-")).OrderBy(d => d.RecordKey).ToListAsync();
            sms[0].ApplyProviderStatus(DeliveryStatus.Delivered, null, now); // a message of yesterday changes today
            sms[1].ApplyProviderStatus(DeliveryStatus.Failed, "Twilio 30003: Unreachable destination handset.", now);
            var held = Delivery.Queue(new DeliveryDraft { DeliveryKey = "cnt-held", Channel = Channel.Sms, Address = "+4790000002", Body = "Holdt tilbake", Segments = 1,
                NotBefore = now.AddYears(1) }, now);
            db.Deliveries.Add(held);
            db.Deliveries.Add(Delivery.Skip(new DeliveryDraft { DeliveryKey = "cnt-skipped", Channel = Channel.Email, Body = "Ingen adresse" },
                "No email address. " + new string('x', 300), now));
            await db.SaveChangesAsync();
            held.Cancel("Withdrawn by a person.", now.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        var counted = await roller.RollUpAsync(CancellationToken.None);

        Assert.Equal(2, counted); // yesterday (its SMS changed) and today
        await AssertCountsEqualARecountAsync(engine);
        await using var check = await engine.Db();
        Assert.Contains(await check.DeliveryDayCounts.ToListAsync(), c => c.Status == DeliveryStatus.Delivered && c.FlowKey == "order-ready" && c.Messages == 1);
        Assert.Contains(await check.DeliveryDayReasons.ToListAsync(), r => r.Status == DeliveryStatus.Failed && r.Reason.StartsWith("Twilio 30003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APassWithNothingChanged_CountsNoDay_AndTheFirstPassCountsEveryDay()
    {
        await using var engine = await EngineHarness.StartAsync();
        await MakeReadyAsync(engine, "CNT-A");
        engine.Clock.Advance(TimeSpan.FromDays(3));
        await MakeReadyAsync(engine, "CNT-B");
        var roller = engine.Services.GetRequiredService<DeliveryCountRoller>();

        Assert.True(await roller.RollUpAsync(CancellationToken.None) >= 2);
        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await roller.RollUpAsync(CancellationToken.None)); // within the minute's slack of the last pass: today once more
        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await roller.RollUpAsync(CancellationToken.None));
        await AssertCountsEqualARecountAsync(engine);
    }

    [Fact]
    public async Task AfterTheTimeZoneChanged_EveryDayIsCountedAgainOnce_OnTheNewZonesDays()
    {
        await using var engine = await EngineHarness.StartAsync();
        await MakeReadyAsync(engine, "CNT-TZ-1"); // Monday 08:00 UTC: 09:00 in Oslo, 03:00 in New York
        engine.Clock.Advance(TimeSpan.FromHours(15));
        await MakeReadyAsync(engine, "CNT-TZ-2"); // 23:00 UTC: Tuesday in Oslo, still Monday in New York
        await engine.Services.GetRequiredService<DeliveryCountRoller>().RollUpAsync(CancellationToken.None);
        await AssertCountsEqualARecountAsync(engine);
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        DeliveryCountRoller Restarted() => new(engine.Services.GetRequiredService<IDbContextFactory<Notify.Workflows.Persistence.NotifyDbContext>>(), engine.Clock,
            Microsoft.Extensions.Options.Options.Create(new Notify.Workflows.Organisation.OrganisationOptions { TimeZone = "America/New_York" }));

        var counted = await Restarted().RollUpAsync(CancellationToken.None);

        Assert.True(counted >= 2, $"counted {counted} days");
        await AssertCountsEqualARecountAsync(engine, newYork);
        await using (var db = await engine.Db())
        {
            Assert.All(await db.DeliveryDayCounts.ToListAsync(), c => Assert.Equal(newYork.Id, c.Zone));
        }

        Assert.True(await Restarted().RollUpAsync(CancellationToken.None) <= 1); // counted in this zone already: only the last minute's day again
    }

    private static async Task AssertCountsEqualARecountAsync(EngineHarness engine, TimeZoneInfo? zone = null)
    {
        zone ??= Oslo;
        await using var db = await engine.Db();
        var messages = await db.Deliveries.AsNoTracking().ToListAsync();
        var recount = messages
            .GroupBy(d => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(d.CreatedAt, zone)), d.Channel, FlowKey: d.FlowKey ?? "", d.Status))
            .Select(g => $"{g.Key.Day:yyyy-MM-dd} {g.Key.Channel} {g.Key.FlowKey} {g.Key.Status}: {g.Count()} / {g.Sum(d => d.Segments)}")
            .Order().ToList();
        var counts = (await db.DeliveryDayCounts.AsNoTracking().ToListAsync())
            .Where(c => c.Messages > 0)
            .Select(c => $"{c.Day:yyyy-MM-dd} {c.Channel} {c.FlowKey} {c.Status}: {c.Messages} / {c.Segments}")
            .Order().ToList();
        Assert.NotEmpty(recount);
        Assert.Equal(recount, counts);

        string Short(string reason) => reason.Length > DeliveryDayReason.MaxReason ? reason[..DeliveryDayReason.MaxReason] : reason;
        var reasonRecount = messages.Where(d => d.Reason is not null && d.Status is DeliveryStatus.Failed or DeliveryStatus.Skipped)
            .GroupBy(d => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(d.CreatedAt, zone)), d.Status, Reason: Short(d.Reason!)))
            .Select(g => $"{g.Key.Day:yyyy-MM-dd} {g.Key.Status} {g.Key.Reason}: {g.Count()}").Order().ToList();
        var reasons = (await db.DeliveryDayReasons.AsNoTracking().ToListAsync()).Select(r => $"{r.Day:yyyy-MM-dd} {r.Status} {r.Reason}: {r.Messages}").Order().ToList();
        Assert.Equal(reasonRecount, reasons);
    }

    private static Task MakeReadyAsync(EngineHarness engine, string key) => Channels.TwilioOrders.MakeReadyAsync(engine, key);
}
