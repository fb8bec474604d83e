using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Domain.Records;

namespace Notify.Workflows.Tests.Runtime;

public sealed class RequiredFieldsTests
{
    [Fact]
    public async Task RequiredFieldEmptyAtSendTime_EachMessageIsSkippedWithTheReason_AndSentOnceTheRecordHasIt()
    {
        await using var engine = await EngineHarness.StartAsync();
        await using (var db = await engine.Db())
        {
            var template = await db.Templates.SingleAsync(t => t.Key == "order-ready");
            template.Require(["record.data.pickup_place"]);
            await db.SaveChangesAsync();
        }

        await engine.Ingest.UpsertRecordAsync("order", "REQ1", Order("new", null), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "REQ1", Order("ready", null), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "REQ2", Order("new", "Bryggen 3"), CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", "REQ2", Order("ready", "Bryggen 3"), CancellationToken.None);
        await engine.RunAllAsync();

        var without = await engine.DeliveriesAsync("order", "REQ1");
        Assert.Equal(2, without.Count);
        Assert.All(without, d => Assert.Equal(DeliveryStatus.Skipped, d.Status));
        Assert.All(without, d => Assert.Equal("missing pickup place", d.Reason));
        var with = await engine.DeliveriesAsync("order", "REQ2");
        Assert.Equal(2, with.Count);
        Assert.All(with, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    private static RecordState Order(string status, string? pickup) => new()
    {
        Status = status, Title = "Winter tyres", Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
        Data = pickup is null ? new Dictionary<string, JsonElement>() : new Dictionary<string, JsonElement> { ["pickup_place"] = JsonSerializer.SerializeToElement(pickup) },
    };
}
