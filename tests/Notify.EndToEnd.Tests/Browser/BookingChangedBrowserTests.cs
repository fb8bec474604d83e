using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>"Booking changed": an admin adds a second start to a confirmation flow in the designer, and a moved booking gets a new confirmation.</summary>
public sealed class BookingChangedBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    private static async Task PutBookingAsync(HttpClient api, string key, string start) =>
        (await api.PutAsJsonAsync($"/api/v1/records/booking/{key}", new
        {
            status = "confirmed", title = "Tyre change", contacts = new { customer = "ola" }, data = new { booking_start = start },
        })).EnsureSuccessStatusCode();

    [Fact]
    public async Task BookingMoved_AfterAddingABookingChangedStartInTheDesigner_SendsANewConfirmation_AndMarksTheOldOneOutOfDate()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/templates/booking-confirmed", new
        {
            name = "Booking confirmed",
            content = new { emailSubject = "Booking {{ record.key }} confirmed", emailText = "See you {{ record.data.booking_start }}." },
        })).EnsureSuccessStatusCode();
        await PutBookingAsync(api, "BK-SEEN", "01 Oct 08:00"); // a booking the designer has seen, so it offers its data fields
        (await api.PutAsJsonAsync("/api/v1/flows/booking-confirm", new
        {
            name = "Booking confirmation",
            trigger = new { @event = "record.created", recordTypes = new[] { "booking" } },
            steps = new object[] { new { kind = "send", id = "confirm", channels = new[] { "email" }, template = "booking-confirmed", recipients = new[] { "customer" } } },
        })).EnsureSuccessStatusCode();

        var page = await browser.OpenAsync("/flows/booking-confirm");
        await page.SetViewportSizeAsync(1440, 1100);
        await page.GetByTestId("node-trigger").ClickAsync();
        await page.GetByTestId("trigger-add").ClickAsync();
        await page.Locator("input[data-testid=trigger-field-data\\.booking_start-1]").TickAsync();
        await Assertions.Expect(page.GetByTestId("trigger-summary"))
            .ToHaveTextAsync("When a booking is created, or when a booking's booking start changes", new() { Timeout = 30_000 });
        await browser.SaveScreenshotAsync(page, "booking-two-starts");
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.PublishAsync(1);

        var flow = (await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/booking-confirm")).GetProperty("definition");
        var triggers = flow.GetProperty("triggers").EnumerateArray().ToList();
        Assert.Equal(["record.created", "record.changed"], triggers.Select(t => t.GetProperty("event").GetString()));
        Assert.Equal(["data.booking_start"], triggers[1].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        await PutBookingAsync(api, "BK-1", "06 Oct 10:00");
        await Eventually.GetAsync(() => api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=BK-1&status=sent"), j => j.GetProperty("total").GetInt32() == 1);
        await PutBookingAsync(api, "BK-1", "09 Oct 10:00"); // the booking moved
        var sent = await Eventually.GetAsync(() => api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=BK-1&status=sent"),
            j => j.GetProperty("total").GetInt32() == 2);
        Assert.Equal(["See you 09 Oct 10:00.", "See you 06 Oct 10:00."], sent.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("body").GetString()));

        var record = await browser.OpenAsync("/records/booking/BK-1");
        var stale = record.GetByTestId("delivery-stale");
        await Assertions.Expect(stale).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(stale).ToContainTextAsync("Out of date");
        var oldRow = record.Locator("tr", new PageLocatorOptions { HasText = "See you 06 Oct 10:00." });
        await Assertions.Expect(oldRow.GetByTestId("delivery-stale")).ToHaveCountAsync(1);
        await Assertions.Expect(record.Locator("tr", new PageLocatorOptions { HasText = "See you 09 Oct 10:00." }).GetByTestId("delivery-stale")).ToHaveCountAsync(0);
        await browser.SaveScreenshotAsync(record, "booking-moved-record");
    }

    [Fact]
    public async Task OnePerson_IsPickedFromASearch_NotTyped_AndSavedAsThatContact()
    {
        var page = await browser.OpenAsync("/flows/order-ready");
        await page.GetByTestId("outline-tell-customer").ClickAsync();
        await page.Locator("input[data-testid=step-1-add-person]").FillAsync("Kari");
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Kari Hansen (kari)" }).ClickAsync();

        await Assertions.Expect(page.Locator("input[data-testid='step-1-to-contact:kari']")).ToBeCheckedAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        using var api = browser.App.CreateApiClient();
        var flow = (await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/order-ready")).GetProperty("definition");
        var send = flow.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "tell-customer");
        Assert.Equal(["customer", "contact:kari"], send.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AnEmailWithFiles_OpensInTheSendLogNamingThem()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/flows/papers", new
        {
            name = "Papers",
            trigger = new { @event = "record.created", recordTypes = new[] { "visit" } },
            steps = new object[] { new { kind = "send", id = "papers", channels = new[] { "email" }, template = "order-ready", recipients = new[] { "customer" }, attach = true } },
        })).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/flows/papers/publish", null)).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/visit/FILES-1", new
        {
            status = "planned", contacts = new { customer = "ola" },
            data = new { attachments = new object[] { new { name = "checklist.pdf", url = "https://files.example.com/checklist.pdf" }, new { name = "map.txt", contentBase64 = "TWFw" } } },
        })).EnsureSuccessStatusCode();

        var page = await browser.OpenAsync("/deliveries?text=FILES-1");
        await page.GetByTestId("deliveries-grid").Locator("tbody tr", new LocatorLocatorOptions { HasText = "ola@example.com" }).First.ClickAsync(new() { Timeout = 30_000 });

        await Assertions.Expect(page.GetByTestId("preview-attachments")).ToContainTextAsync("With 2 files: checklist.pdf, map.txt", new() { Timeout = 30_000 });
    }
}
