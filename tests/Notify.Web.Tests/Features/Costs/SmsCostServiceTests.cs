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

        var byDay = await costs.SummarizeAsync(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 29), CostPeriod.Day, CancellationToken.None);
        var byWeek = await costs.SummarizeAsync(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 29), CostPeriod.Week, CancellationToken.None);

        Assert.Equal(["2026-11-16", "2026-11-17", "2026-11-23"], byDay.Rows.Select(r => r.Period));
        Assert.Equal(6, byDay.Segments);
        Assert.Equal(3, byDay.Messages);
        Assert.Equal(2.70m, byDay.Price);
        Assert.Equal([4, 2], byWeek.Rows.Select(r => r.Segments));
        Assert.StartsWith("Week 47", byWeek.Rows[0].Period);
    }

    [Fact]
    public async Task Summarize_PutsEachSmsOnTheOrganisationsDay_NotTheUtcDay()
    {
        // 23:30 UTC on 30 November is 00:30 on 1 December in Oslo: a December SMS, on the first day asked for.
        await AddSmsAsync("late", 2, new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc));
        await AddSmsAsync("early", 1, new DateTime(2026, 11, 30, 22, 30, 0, DateTimeKind.Utc));
        var costs = _app.Services.GetRequiredService<SmsCostService>();

        var december = await costs.SummarizeAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), CostPeriod.Month, CancellationToken.None);
        var byDay = await costs.SummarizeAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), CostPeriod.Day, CancellationToken.None);

        Assert.Equal(["2026-12"], december.Rows.Select(r => r.Period));
        Assert.Equal(2, december.Segments);
        Assert.Equal([("2026-11-30", 1), ("2026-12-01", 2)], byDay.Rows.Select(r => (r.Period, r.Segments)));
    }

    [Fact]
    public async Task Summarize_UsesThePriceSavedOnTheChannelsPage_OverTheConfiguration()
    {
        await AddSmsAsync("a", 4, new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc));
        var channels = _app.Services.GetRequiredService<Notify.Workflows.Channels.ChannelSettingsStore>();
        await channels.SaveAsync(new Notify.Workflows.Channels.ChannelSettingsInput { SmsPricePerSegment = 0.6m, SmsCurrency = "sek" }, CancellationToken.None);
        var costs = _app.Services.GetRequiredService<SmsCostService>();

        var summary = await costs.SummarizeAsync(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 16), CostPeriod.Day, CancellationToken.None);

        Assert.Equal(2.40m, summary.Price);
        Assert.Equal("SEK", summary.Currency);
    }

    [Theory]
    [InlineData(-1, null, "smsPricePerSegment")]
    [InlineData(1001, null, "smsPricePerSegment")]
    [InlineData(0.5, "kroner", "smsCurrency")]
    [InlineData(0.5, "N1K", "smsCurrency")]
    public async Task SavingAPriceOrCurrencyOutOfBounds_NamesTheField_AndKeepsTheOldPrice(double price, string? currency, string field)
    {
        var channels = _app.Services.GetRequiredService<Notify.Workflows.Channels.ChannelSettingsStore>();

        var error = await Assert.ThrowsAsync<Notify.Domain.Common.ValidationException>(() => channels.SaveAsync(
            new Notify.Workflows.Channels.ChannelSettingsInput { SmsPricePerSegment = (decimal)price, SmsCurrency = currency }, CancellationToken.None));

        Assert.Equal([field], error.Errors.Select(e => e.Field));
        Assert.Equal(0.45m, channels.Sms.PricePerSegment);
    }

    public void Dispose() => _app.Dispose();
}
