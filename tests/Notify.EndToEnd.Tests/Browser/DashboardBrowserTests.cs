using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.Domain.Messaging;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;
using Notify.Workflows.Statistics;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The overview draws the messages of a chosen period from the daily counts; the send log says how far back it reaches.</summary>
public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task TheOverview_ChartsWhatWasSent_AndRegroupsForAnotherPeriod()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/records/order/DASH-1", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/order/DASH-1", new { status = "ready", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        await Eventually.GetAsync(() => api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/deliveries?recordKey=DASH-1&status=sent"),
            j => j.GetProperty("total").GetInt32() == 2);
        await browser.App.Services.GetRequiredService<DeliveryCountRoller>().RollUpAsync(CancellationToken.None);
        int sent, fromOrderReady;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync())
        {
            var shown = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Delivered || d.Status == DeliveryStatus.Read).ToListAsync();
            (sent, fromOrderReady) = (shown.Count, shown.Count(d => d.FlowKey == "order-ready"));
        }

        var page = await browser.OpenAsync("/");

        await Assertions.Expect(page.GetByTestId("chart-sent")).ToContainTextAsync($"Sent: {sent:N0}", Patient);
        await Assertions.Expect(page.GetByTestId("chart-sent").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("top-flows")).ToContainTextAsync($"order-ready{fromOrderReady:N0}");
        await Assertions.Expect(page.GetByTestId("chart-sms")).ToContainTextAsync("SMS segments:");
        await Assertions.Expect(page.GetByTestId("dashboard-runs")).ToContainTextAsync("due runs are on time");
        await browser.SaveScreenshotAsync(page, "dashboard");

        await page.PickAsync("dashboard-period", "Last 12 months");
        await page.PickAsync("dashboard-by", "Month");

        var month = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo")).ToString("MMM yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("chart-sent")).ToContainTextAsync(month, Patient);
        await Assertions.Expect(page.GetByTestId("chart-sent")).ToContainTextAsync($"Sent: {sent:N0}");
    }

    [Fact]
    public async Task TheSendLog_SaysHowLongMessagesAreKept()
    {
        var page = await browser.OpenAsync("/deliveries");

        await Assertions.Expect(page.GetByTestId("retention-note")).ToContainTextAsync("Messages are kept for 365 days", Patient);
        await Assertions.Expect(page.GetByTestId("retention-note")).ToContainTextAsync("The oldest message here is from");
    }

}
