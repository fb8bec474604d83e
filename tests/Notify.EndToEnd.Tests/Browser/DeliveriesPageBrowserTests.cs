using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        await page.Locator("input[data-testid=delivery-search]").FillAsync("your order ui-42"); // typed in any case

        var row = page.Locator("tr", new PageLocatorOptions { HasText = "Your order UI-42 is ready" })
            .Filter(new LocatorFilterOptions { HasText = "ola@example.com" });
        await Assertions.Expect(row).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("Sent");
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasText = "AO1000" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PageLeftOpen_NewDeliveriesAppearWithoutReloading_UntilLiveIsSwitchedOff()
    {
        var page = await browser.OpenAsync("/deliveries");
        await page.Locator("input[data-testid=delivery-search]").FillAsync("LIVE-");
        await Assertions.Expect(page.GetByTestId("deliveries-empty")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        using var api = browser.App.CreateApiClient();

        await MakeReadyAsync(api, "LIVE-1");

        var first = page.Locator("tr", new PageLocatorOptions { HasText = "Your order LIVE-1 is ready" }).First;
        await Assertions.Expect(first).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });

        await page.Locator("input[data-testid=delivery-live]").UntickAsync();
        await MakeReadyAsync(api, "LIVE-2");
        await page.WaitForTimeoutAsync(12_000); // more than two refresh periods
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasText = "Your order LIVE-2 is ready" })).ToHaveCountAsync(0);
    }

    private static async Task MakeReadyAsync(HttpClient api, string key)
    {
        (await api.PutAsJsonAsync($"/api/v1/records/order/{key}", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/records/order/{key}", new { status = "ready", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task NavigatingFromTheMenu_OpensTheDeliveriesPage()
    {
        var page = await browser.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Deliveries", Exact = true }).ClickAsync();

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
        // The demo order's SMS went out as the app started: today, as the organisation (Oslo) counts days.
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        var page = await browser.OpenAsync("/costs");
        var table = page.GetByTestId("cost-table");
        await Assertions.Expect(table).ToContainTextAsync(today.ToString("yyyy-MM-dd"), new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

        await page.GetByLabel("Per").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Month" }).ClickAsync();

        await Assertions.Expect(table).Not.ToContainTextAsync(today.ToString("yyyy-MM-dd"));
        await Assertions.Expect(table).ToContainTextAsync(today.ToString("yyyy-MM"));
    }

    [Fact]
    public async Task InDoubtDelivery_APersonSendsItAgain_AndScriptInTheTextStaysText()
    {
        var factory = browser.App.Services.GetRequiredService<IDbContextFactory<Notify.Workflows.Persistence.NotifyDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var delivery = Notify.Domain.Messaging.Delivery.Queue(new Notify.Domain.Messaging.DeliveryDraft
            {
                DeliveryKey = "doubt-1", Channel = Notify.Domain.Messaging.Channel.Email, Address = "doubt@example.com", RecipientName = "Doubt Person",
                Subject = "In doubt <script>alert(1)</script>", Body = "Body <b>not bold</b>",
            }, DateTime.UtcNow);
            delivery.MarkSending("smtp", DateTime.UtcNow);
            delivery.MarkInDoubt(DateTime.UtcNow);
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();
        }

        var page = await browser.OpenAsync("/deliveries");
        await page.Locator("input[data-testid=delivery-search]").FillAsync("doubt@example.com");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = "doubt@example.com" });
        await Assertions.Expect(row).ToContainTextAsync("In doubt <script>alert(1)</script>", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("Needs review");

        await row.ClickAsync();
        var attempt = page.GetByTestId("attempt");
        await Assertions.Expect(attempt).ToHaveCountAsync(1);
        await Assertions.Expect(attempt).ToContainTextAsync("Interrupted: the app stopped");
        await Assertions.Expect(attempt).ToContainTextAsync("Left for a person to decide");
        await Assertions.Expect(page.GetByTestId("preview-reason")).ToContainTextAsync("may or may not have gone out");
        await page.GetByTestId("resend").ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog).Filter(new LocatorFilterOptions { HasText = "may already have reached the person" });
        await question.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Send again", Exact = true }).ClickAsync();

        await Assertions.Expect(row).Not.ToContainTextAsync("Needs review", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        var sent = await Notify.Tests.Shared.Eventually.GetAsync(async () =>
        {
            var again = await browser.OpenAsync("/deliveries");
            await again.Locator("input[data-testid=delivery-search]").FillAsync("doubt@example.com");
            var text = await again.Locator("tr", new PageLocatorOptions { HasText = "doubt@example.com" }).InnerTextAsync();
            await again.CloseAsync();
            return text;
        }, text => text.Contains("Sent", StringComparison.Ordinal));
        Assert.Contains("Sent", sent);

        var after = await browser.OpenAsync("/deliveries");
        await after.Locator("input[data-testid=delivery-search]").FillAsync("doubt@example.com");
        var sentRow = after.Locator("tr", new PageLocatorOptions { HasText = "doubt@example.com" });
        await Assertions.Expect(sentRow).ToContainTextAsync("Sent", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await sentRow.ClickAsync();
        var attempts = after.GetByTestId("attempt");
        await Assertions.Expect(attempts).ToHaveCountAsync(2);
        await Assertions.Expect(attempts.Nth(1)).ToHaveAttributeAsync("data-outcome", new System.Text.RegularExpressions.Regex("^(Sent|Delivered)$"));
    }

    [Fact]
    public async Task SkippedDelivery_OpensWithItsReason_AndLinksToItsRunAndRecord()
    {
        using (var api = browser.App.CreateApiClient())
        {
            (await api.PutAsJsonAsync("/api/v1/contacts/no-phone", new { name = "Nora Nophone", consent = new { sms = true, email = true, inApp = true }, emails = new[] { "nora@example.com" } })).EnsureSuccessStatusCode();
            (await api.PutAsJsonAsync("/api/v1/records/order/SKIP-1", new { status = "new", contacts = new { customer = "no-phone" } })).EnsureSuccessStatusCode();
            (await api.PutAsJsonAsync("/api/v1/records/order/SKIP-1", new { status = "ready", contacts = new { customer = "no-phone" } })).EnsureSuccessStatusCode();
        }

        var page = await browser.OpenAsync("/deliveries");
        await page.Locator("input[data-testid=delivery-search]").FillAsync("Nora Nophone");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = "Nora Nophone" }).Filter(new LocatorFilterOptions { HasText = "Skipped" });
        await Assertions.Expect(row).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await row.ClickAsync();

        await Assertions.Expect(page.GetByTestId("preview-reason")).ToContainTextAsync("phone", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("preview-links")).ToContainTextAsync("Open its run (order-ready)");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open order SKIP-1" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/records/order/SKIP-1", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task Filters_AreKeptInTheAddress_SoAFilteredLogCanBeReopened()
    {
        using (var api = browser.App.CreateApiClient())
        {
            (await api.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "contact:kari" }, channels = new[] { "inApp" }, text = "The van is at gate 3." })).EnsureSuccessStatusCode();
        }

        var page = await browser.OpenAsync("/deliveries");
        await page.Locator("input[data-testid=delivery-search]").FillAsync("Kari");
        await page.WaitForURLAsync(url => url.Contains("text=Kari", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });

        var again = await browser.OpenAsync(new Uri(page.Url).PathAndQuery);

        await Assertions.Expect(again.Locator("input[data-testid=delivery-search]")).ToHaveValueAsync("Kari", new LocatorAssertionsToHaveValueOptions { Timeout = 30_000 });
        var rows = again.GetByTestId("deliveries-grid").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("Kari", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("Kari", text, StringComparison.Ordinal);
        }
    }
}
