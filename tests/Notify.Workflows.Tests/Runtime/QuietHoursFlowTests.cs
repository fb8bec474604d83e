using Notify.Domain.Messaging;
using Notify.Domain.Records;

namespace Notify.Workflows.Tests.Runtime;

public class QuietHoursFlowTests
{
    private static readonly Dictionary<string, string?> NightIsQuiet = new()
    {
        ["Notify:QuietHours:Start"] = "21:00",
        ["Notify:QuietHours:End"] = "08:00",
        ["Notify:QuietHours:TimeZone"] = "Europe/Oslo",
    };

    private static RecordState Order(string status) => new()
    {
        Status = status, Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
    };

    [Fact]
    public async Task OrderReadyLateInTheEvening_EmailGoesAtOnce_SmsWaitsUntilEightInTheMorning()
    {
        await using var engine = await EngineHarness.StartAsync(settings: NightIsQuiet);
        await engine.AdvanceAsync(TimeSpan.FromHours(14)); // 22:00 UTC = 23:00 in Oslo
        await engine.Ingest.UpsertRecordAsync("order", "QH1", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "QH1", Order("ready"), CancellationToken.None);

        await engine.RunAllAsync();
        var evening = await engine.DeliveriesAsync("order", "QH1");
        await engine.AdvanceAsync(new TimeSpan(8, 59, 0)); // 07:59 in Oslo
        var beforeEight = Assert.Single(await engine.DeliveriesAsync("order", "QH1"), d => d.Channel == Channel.Sms);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(evening, d => d.Channel == Channel.Email).Status);
        var heldSms = Assert.Single(evening, d => d.Channel == Channel.Sms);
        Assert.Equal(DeliveryStatus.Queued, heldSms.Status);
        Assert.Equal(new DateTime(2026, 11, 17, 7, 0, 0, DateTimeKind.Utc), heldSms.NextAttemptAt);
        Assert.StartsWith("Held for quiet hours", heldSms.Reason);
        Assert.Equal(DeliveryStatus.Queued, beforeEight.Status);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await engine.DeliveriesAsync("order", "QH1"), d => d.Channel == Channel.Sms).Status);
    }

    [Fact]
    public async Task OrderReadyInTheDay_SmsGoesAtOnce()
    {
        await using var engine = await EngineHarness.StartAsync(settings: NightIsQuiet);
        await engine.Ingest.UpsertRecordAsync("order", "QH2", Order("new"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "QH2", Order("ready"), CancellationToken.None);

        await engine.RunAllAsync();

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await engine.DeliveriesAsync("order", "QH2"), d => d.Channel == Channel.Sms).Status);
    }
}
