using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>An admin tries a flow on a real record before publishing: the path lights up on the canvas, the messages read as sent, and nothing goes out.</summary>
public sealed class FlowDryRunBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    private async Task<(int Runs, int Deliveries)> CountsAsync(string key)
    {
        using var api = browser.App.CreateApiClient();
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/records/task/{key}");
        return (record.GetProperty("runs").GetArrayLength(), record.GetProperty("deliveries").GetArrayLength());
    }

    [Fact]
    public async Task TaskDueSoon_TriedOnTheDemoTask_23HoursBeforeItsDeadline_ShowsTheSmsAndTheInAppMessage_AndSendsNothing()
    {
        var before = await CountsAsync("T-100");
        var page = await browser.OpenAsync("/flows/task-due-soon");
        await page.SetViewportSizeAsync(1440, 1100);

        await page.GetByTestId("dry-run-open").ClickAsync();
        await PickRecordAsync(page, "T-100");
        await page.Locator("input[data-testid=dry-run-hours]").FillAsync("23");
        await page.GetByTestId("dry-run-go").ClickAsync();

        var sms = page.GetByTestId("dry-run-message-sms");
        await Assertions.Expect(sms).ToContainTextAsync("Reminder: 'Inspect heat pump at Storgata 1' (T-100) is due", new() { Timeout = 30_000 });
        await Assertions.Expect(sms).ToContainTextAsync("GSM-7, 1 segment");
        await Assertions.Expect(page.GetByTestId("dry-run-message-inApp")).ToContainTextAsync("'Inspect heat pump at Storgata 1' is due");
        await Assertions.Expect(page.GetByTestId("dry-run-wait")).ToContainTextAsync("would wait until");
        await Assertions.Expect(page.GetByTestId("dry-run-wait")).ToContainTextAsync(", 24 hours before the deadline, and the trial carried on");
        await Assertions.Expect(page.GetByTestId("dry-run-result")).ToContainTextAsync("nothing was stored, sent or scheduled");

        // The canvas shows the way the trial went: each node it passed says what it decided.
        await Assertions.Expect(page.GetByTestId("node-not-done-trace")).ToContainTextAsync("Condition met");
        await Assertions.Expect(page.GetByTestId("node-remind-assignees-trace")).ToContainTextAsync("2 messages");

        Assert.Equal(before, await CountsAsync("T-100"));
        var outbox = await browser.OpenAsync("/sandbox");
        await Assertions.Expect(outbox.GetByText("Email and SMS both go to the sandbox")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(outbox.GetByText("Reminder: 'Inspect heat pump at Storgata 1'")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OrderReady_TriedOnAnOrderThatDoesNotBecomeReady_SaysWhyItWouldNotStart()
    {
        var page = await browser.OpenAsync("/flows/order-ready");
        await page.GetByTestId("dry-run-open").ClickAsync();
        await PickRecordAsync(page, "AO1001");
        await page.Locator("input[data-testid=dry-run-to]").FillAsync("cancelled");
        await page.GetByTestId("dry-run-go").ClickAsync();

        await Assertions.Expect(page.GetByTestId("dry-run-step-trigger")).ToContainTextAsync("Condition not met", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("dry-run-result")).ToContainTextAsync("would send nothing");
        await Assertions.Expect(page.GetByTestId("node-tell-customer")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("off-path"));
    }

    [Fact]
    public async Task OrderReady_ReplayingTheOrdersStoredReadyEvent_ShowsTheEmailAndTheSms()
    {
        var page = await browser.OpenAsync("/flows/order-ready");
        await page.GetByTestId("dry-run-open").ClickAsync();
        await PickRecordAsync(page, "AO1000");
        await page.GetByTestId("dry-run-event").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("Status new → ready") }).ClickAsync();
        await Assertions.Expect(page.GetByText("The stored event is replayed as it happened.")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("dry-run-go").ClickAsync();

        await Assertions.Expect(page.GetByTestId("dry-run-message-email")).ToContainTextAsync("Your order AO1000 is ready", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("dry-run-message-sms")).ToContainTextAsync("AO1000");
        await Assertions.Expect(page.GetByTestId("dry-run-step-trigger")).ToContainTextAsync("Condition met");
    }

    [Fact]
    public async Task ACustomEventFlow_TriedWithDataTypedIn_OffersTheStoredFields_RefusesAWrongNumber_AndTheValueDecides()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/flows/parts-arrived", new
        {
            name = "Parts arrived",
            trigger = new { @event = "parts.arrived", recordTypes = new[] { "order" } },
            steps = new object[]
            {
                new { kind = "condition", id = "enough", title = "Enough parts", expression = "event.Has(\"count\") && event.Number(\"count\") > 2" },
                new { kind = "send", id = "tell", channels = new[] { "sms" }, template = "order-ready", recipients = new[] { "customer" } },
            },
        })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/order/PARTS-1", new { status = "new", title = "Gear set", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/events", new { type = "parts.arrived", record = new { type = "order", key = "PARTS-1" }, data = new { count = 1 } })).EnsureSuccessStatusCode();

        var page = await browser.OpenAsync("/flows/parts-arrived");
        await page.GetByTestId("dry-run-open").ClickAsync();
        await PickRecordAsync(page, "PARTS-1");
        await Assertions.Expect(page.Locator("input[data-testid=dry-run-data-key-0]")).ToHaveValueAsync("count", new() { Timeout = 30_000 });

        var value = page.Locator("input[data-testid=dry-run-data-value-0]");
        await value.FillAsync("three");
        await Assertions.Expect(page.GetByTestId("dry-run-data-0")).ToContainTextAsync("is not a number");
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-problem")).ToContainTextAsync("the field says why");

        await value.FillAsync("3");
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-step-enough")).ToContainTextAsync("Condition met", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("dry-run-message-sms")).ToContainTextAsync("Hi Ola, your order PARTS-1 is ready for pick-up.");

        await value.FillAsync("2");
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-step-enough")).ToContainTextAsync("Condition not met", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("dry-run-message-sms")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAssignedFlow_TriedAsIfAssignedToSomeoneTyped_TellsThatPerson_AndEmptyTellsItsAssignees()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/flows/tell-new-assignee", new
        {
            name = "Tell the new assignee",
            trigger = new { @event = "record.assigned", recordTypes = new[] { "task" } },
            steps = new object[] { new { kind = "send", id = "tell", channels = new[] { "inApp" }, template = "task-due-soon", recipients = new[] { "newAssignees" } } },
        })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/task/ASSIGN-1", new { status = "open", title = "Fit the pump", deadline = DateTimeOffset.UtcNow.AddDays(3), assignees = new[] { "per" } })).EnsureSuccessStatusCode();

        var page = await browser.OpenAsync("/flows/tell-new-assignee");
        await page.GetByTestId("dry-run-open").ClickAsync();
        await PickRecordAsync(page, "ASSIGN-1");
        await page.Locator("input[data-testid=dry-run-assigned]").FillAsync("anna");
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-message-inApp")).ToContainTextAsync("to anna", new() { Timeout = 30_000 });

        await page.Locator("input[data-testid=dry-run-assigned]").FillAsync("");
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-message-inApp")).ToContainTextAsync("to per", new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Picks the record in the trial's search box. Under load a click on the option can land while the list is redrawn
    /// and be lost; then the Try button stays disabled, and the pick is made again.
    /// </summary>
    internal static async Task PickRecordAsync(IPage page, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[data-testid=dry-run-record]").FillAsync(key);
            await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex(key) }).ClickAsync();
            try
            {
                await Assertions.Expect(page.GetByTestId("dry-run-go")).ToBeEnabledAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is PlaywrightException or TimeoutException)
            {
                // the pick was lost: make it again
            }
        }
    }
}
