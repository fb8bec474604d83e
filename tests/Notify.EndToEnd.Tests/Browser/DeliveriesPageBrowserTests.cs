using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

public sealed class DeliveriesPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OrderMadeReady_TheDeliveryIsListedAndCanBeFound()
    {
        using var api = browser.App.CreateApiClient();
        await api.PutAsJsonAsync("/api/v1/records/order/UI-42", new { status = "new", title = "Chain", contacts = new { customer = "ola" } });
        await api.PutAsJsonAsync("/api/v1/records/order/UI-42", new { status = "ready", title = "Chain", contacts = new { customer = "ola" } });

        var page = await browser.OpenAsync("/deliveries");
        await page.Locator("input[data-testid=delivery-search]").FillAsync("UI-42");

        var row = page.Locator("tr", new PageLocatorOptions { HasText = "Your order UI-42 is ready" })
            .Filter(new LocatorFilterOptions { HasText = "ola@example.com" });
        await Assertions.Expect(row).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("Sent");
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasText = "AO1000" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task NavigatingFromTheMenu_OpensTheDeliveriesPage()
    {
        var page = await browser.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Deliveries" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Deliveries" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasText = "AO1000" }).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task SandboxOutbox_ShowsTheSmsWithEncodingAndSegments_AndTheEmailAsRendered()
    {
        var page = await browser.OpenAsync("/sandbox");
        await Assertions.Expect(page.GetByText("Email and SMS both go to the sandbox")).ToBeVisibleAsync();

        await page.Locator("tr", new PageLocatorOptions { HasText = "your order AO1000 is ready for pick-up" }).Filter(new LocatorFilterOptions { HasText = "SMS" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-sms-info")).ToContainTextAsync("GSM-7 · 1 segment", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Close" }).ClickAsync();

        await page.Locator("tr", new PageLocatorOptions { HasText = "Your order AO1000 is ready" }).Filter(new LocatorFilterOptions { HasText = "ola@example.com" }).First.ClickAsync();
        var frame = page.FrameLocator("iframe[data-testid=preview-email]");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Storgata 1, Oslo", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task SmsCost_ShowsTodaysSegments_AndRegroupsByMonth()
    {
        var page = await browser.OpenAsync("/costs");
        var table = page.GetByTestId("cost-table");
        await Assertions.Expect(table).ToContainTextAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"), new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

        await page.GetByLabel("Per").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Month" }).ClickAsync();

        await Assertions.Expect(table).Not.ToContainTextAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await Assertions.Expect(table).ToContainTextAsync(DateTime.UtcNow.ToString("yyyy-MM"));
    }
}
