using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Tests.Shared;
using Notify.Web.Features.Costs;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Costs;

public sealed class SmsCostServiceTests : IDisposable
{
    private readonly NotifyAppFactory _app = new(seedDemo: false, new Dictionary<string, string?> { ["Notify:Sms:PricePerSegment"] = "0.45" });

    private async Task AddSmsAsync(string key, int segments, DateTime at, bool sent = true)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        var draft = new DeliveryDraft { DeliveryKey = key, Channel = Channel.Sms, Address = "+4791234567", Body = "x", Segments = segments };

        // One never sent is skipped, not queued: the app's own dispatcher would send a queued one while the test runs.
        var delivery = sent ? Delivery.Queue(draft, at) : Delivery.Skip(draft, "no SMS consent", at);
        if (sent)
        {
            delivery.MarkSending("twilio", at);
            delivery.MarkSent("SM" + key, at);
        }

        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Summarize_CountsSegmentsOfSentSmsPerPeriod_WithThePrice()
    {
        var monday = new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);
        await AddSmsAsync("a", 1, monday);
        await AddSmsAsync("b", 3, monday.AddDays(1));
        await AddSmsAsync("c", 2, monday.AddDays(7));
        await AddSmsAsync("skipped", 5, monday, sent: false);
        var costs = _app.Services.GetRequiredService<SmsCostService>();

        var byDay = await costs.SummarizeAsync(monday.Date, monday.Date.AddDays(14), CostPeriod.Day, CancellationToken.None);
        var byWeek = await costs.SummarizeAsync(monday.Date, monday.Date.AddDays(14), CostPeriod.Week, CancellationToken.None);

        Assert.Equal(["2026-11-16", "2026-11-17", "2026-11-23"], byDay.Rows.Select(r => r.Period));
        Assert.Equal(6, byDay.Segments);
        Assert.Equal(3, byDay.Messages);
        Assert.Equal(2.70m, byDay.Price);
        Assert.Equal([4, 2], byWeek.Rows.Select(r => r.Segments));
        Assert.StartsWith("Week 47", byWeek.Rows[0].Period);
    }

    public void Dispose() => _app.Dispose();
}
