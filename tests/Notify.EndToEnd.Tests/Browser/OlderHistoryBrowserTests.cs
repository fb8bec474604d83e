using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.Domain.Messaging;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;
using Notify.Workflows.Retention;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>When retention has deleted a record's old messages and runs, its page and the API still say what there was.</summary>
public sealed class OlderHistoryBrowserTests(MovableClockBrowserFixture browser) : IClassFixture<MovableClockBrowserFixture>
{
    [Fact]
    public async Task ARecordPage_SaysWhatRetentionDeleted()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/records/order/AGED-1", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/order/AGED-1", new { status = "ready", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        var sent = await Eventually.GetAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=AGED-1&status=sent")).GetProperty("total").GetInt32(), n => n == 2);
        Assert.Equal(2, sent);
        int sms, emails, runs, events;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync())
        {
            var messages = await db.Deliveries.Where(d => d.RecordKey == "AGED-1").ToListAsync();
            (sms, emails) = (messages.Count(d => d.Channel == Channel.Sms), messages.Count(d => d.Channel == Channel.Email));
            runs = await db.Runs.CountAsync(r => r.RecordKey == "AGED-1");
            events = await db.Events.CountAsync(e => e.RecordKey == "AGED-1");
        }

        await browser.MoveClockForwardAsync(TimeSpan.FromDays(400));
        await browser.App.Services.GetRequiredService<RetentionSweeper>().SweepAsync(TimeSpan.Zero, CancellationToken.None);

        var page = await browser.OpenAsync("/records/order/AGED-1");
        var note = page.GetByTestId("older-history");
        await Assertions.Expect(note).ToContainTextAsync(
            $"Older history: {sms + emails} messages ({sms} SMS, {emails} email{(emails == 1 ? "" : "s")}), {runs} run{(runs == 1 ? "" : "s")} and {events} events on",
            new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(note).ToContainTextAsync("were deleted after 365 days");
        await Assertions.Expect(page.GetByText("No run is kept for this record")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No event is kept for this record")).ToBeVisibleAsync();
        await browser.SaveScreenshotAsync(page, "older-history-events");

        var record = await api.GetFromJsonAsync<JsonElement>("/api/v1/records/order/AGED-1");
        var older = record.GetProperty("olderHistory");
        Assert.Equal((sms + emails, sms, emails, runs, events, 0), (older.GetProperty("messages").GetInt32(), older.GetProperty("sms").GetInt32(),
            older.GetProperty("emails").GetInt32(), older.GetProperty("runs").GetInt32(), older.GetProperty("events").GetInt32(), older.GetProperty("replies").GetInt32()));
        Assert.True(events >= 2, $"{events} events: too few to test");
        Assert.Empty(record.GetProperty("events").EnumerateArray());
        Assert.Empty(record.GetProperty("deliveries").EnumerateArray());
    }
}
