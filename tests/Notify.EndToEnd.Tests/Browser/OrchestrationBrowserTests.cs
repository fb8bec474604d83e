using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>
/// The orchestration steps in Chromium: an admin draws "in-app to the assignee; if unread after 2 hours, SMS the manager"
/// with the mouse, tries it, publishes it and watches it escalate when the clock moves on; switches a send to fail over;
/// limits a flow; gives a person their own quiet hours; and sets up a webhook that a flow calls.
/// </summary>
public sealed class OrchestrationBrowserTests(MovableClockBrowserFixture browser) : IClassFixture<MovableClockBrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientText = new() { Timeout = 30_000 };

    private static ILocator Node(IPage page, string id) => Canvas.Node(page, id);

    private static ILocator Head(IPage page, string id) => Canvas.Head(page, id);

    private static async Task PickAsync(IPage page, string select, string optionPattern)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex(optionPattern) }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    private async Task<List<(string Record, string Channel, string To, string Status)>> SentAsync()
    {
        using var api = browser.App.CreateApiClient();
        return (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?flow=unread-task-escalates")).GetProperty("items").EnumerateArray()
            .Select(d => (d.GetProperty("recordKey").GetString()!, d.GetProperty("channel").GetString()!, d.GetProperty("contactKey").GetString()!, d.GetProperty("status").GetString()!))
            .OrderBy(d => d.Item1).ThenBy(d => d.Item2).ToList();
    }

    [Fact]
    public async Task UnreadAfterTwoHours_SmsToTheManager_DrawnTriedPublishedAndWatched()
    {
        var page = await browser.OpenAsync("/flows");
        await page.SetViewportSizeAsync(1440, 1100);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New flow" }).ClickAsync();
        await page.Locator("input[data-testid=new-flow-name]").FillAsync("Unread task escalates");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(Node(page, "trigger")).ToBeVisibleAsync(Patient);
        await Node(page, "trigger").ClickAsync();
        await page.GetByLabel("A record is created").TickAsync();
        await page.Locator("input[data-testid=trigger-type-task]").TickAsync();

        // In-app to the assignees, wait for it to be read, SMS to the manager.
        await page.GetByTestId("palette-send").ClickAsync();
        await Assertions.Expect(Node(page, "send-1")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("palette-wait-for").ClickAsync();
        await Assertions.Expect(Node(page, "wait-for-1")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("palette-send").ClickAsync();
        await Assertions.Expect(Node(page, "send-2")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("palette-stop").ClickAsync();
        await Assertions.Expect(Node(page, "stop-1")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("canvas-fit").ClickAsync();

        await Node(page, "send-1").ClickAsync();
        await page.Locator("input[data-testid=step-0-channel-email]").UntickAsync();
        await page.Locator("input[data-testid=step-0-channel-inApp]").TickAsync();
        await PickAsync(page, "step-0-template", "task-due-soon");
        await page.Locator("input[data-testid=step-0-to-assignees]").TickAsync();

        await Node(page, "wait-for-1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("node-wait-for-1-errors")).ToBeVisibleAsync(Patient); // which message, not yet said
        await Assertions.Expect(page.GetByText("is required: the send step whose message to wait for.").First).ToBeVisibleAsync(Patient);
        await PickAsync(page, "step-1-step", @"\(send-1\)");
        await Assertions.Expect(page.GetByTestId("node-wait-for-1-errors")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await browser.SaveScreenshotAsync(page, "escalation-wait-editor");
        await Assertions.Expect(page.Locator("input[data-testid=step-1-amount]")).ToHaveValueAsync("2");

        await Node(page, "send-2").ClickAsync();
        await page.Locator("input[data-testid=step-2-channel-email]").UntickAsync();
        await page.Locator("input[data-testid=step-2-channel-sms]").TickAsync();
        await PickAsync(page, "step-2-template", "task-due-soon");
        await page.Locator("input[data-testid=step-2-to-manager]").TickAsync();

        // The in-app message leads to the wait; "timed out" leads to the SMS, "happened" to a stop: arrows drawn with the mouse.
        await Canvas.DragAsync(page, Node(page, "send-1").Locator(".exit-next"), Head(page, "wait-for-1"));
        await Canvas.DragAsync(page, Node(page, "wait-for-1").Locator(".exit-timedOut"), Head(page, "send-2"));
        await Canvas.DragAsync(page, Node(page, "wait-for-1").Locator(".exit-happened"), Head(page, "stop-1"));
        await Assertions.Expect(page.GetByTestId("outline-send-1")).ToContainTextAsync("→ Wait for something (wait-for-1)", PatientText);
        await Assertions.Expect(page.GetByTestId("outline-wait-for-1")).ToContainTextAsync("timed out → Send a message (send-2)", PatientText);
        await Assertions.Expect(page.GetByTestId("flow-checks")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(Node(page, "wait-for-1")).ToContainTextAsync("Wait up to 2 hours for the message of 'send-1' to be read; if it happens, go to 'stop-1'; if not, go to 'send-2'");
        await browser.SaveScreenshotAsync(page, "escalation-designer");

        // Saved as a draft, and tried on the demo task before publishing: the wait, the time-out, and the SMS to Kari.
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByTestId("dry-run-open").ClickAsync();
        await FlowDryRunBrowserTests.PickRecordAsync(page, "T-100");
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-wait")).ToContainTextAsync("at most 2 hours for the message of 'send-1' to be read", PatientText);
        await Assertions.Expect(page.GetByTestId("dry-run-message-inApp")).ToContainTextAsync("to per");
        await Assertions.Expect(page.GetByTestId("dry-run-message-sms")).ToContainTextAsync("kari");
        await Assertions.Expect(page.GetByTestId("node-wait-for-1-trace")).ToContainTextAsync("Would time out");
        await browser.SaveScreenshotAsync(page, "escalation-dry-run");

        await page.PublishAsync(1);

        // Two tasks for Per: he reads one at once; nobody reads the other.
        using var api = browser.App.CreateApiClient();
        foreach (var key in new[] { "ESC-READ", "ESC-UNREAD" })
        {
            (await api.PutAsJsonAsync($"/api/v1/records/task/{key}", new
            {
                status = "open", title = $"Boiler check {key}", assignees = new[] { "per" }, contacts = new { manager = "kari" },
            })).EnsureSuccessStatusCode();
        }

        await Eventually.GetAsync(SentAsync, s => s.Count(d => d.Channel == "inApp" && d.Status == "delivered") == 2);
        var inbox = await browser.OpenAsync("/inbox/per");
        var item = inbox.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "Boiler check ESC-READ" });
        await item.GetByTestId("mark-read").ClickAsync();
        await Eventually.GetAsync(SentAsync, s => s.Any(d => d.Record == "ESC-READ" && d.Status == "read"));

        await browser.MoveClockForwardAsync(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var sent = await Eventually.GetAsync(SentAsync, s => s.Any(d => d.Channel == "sms" && d.Status != "queued"));
        Assert.Equal([("ESC-READ", "inApp", "per", "read"), ("ESC-UNREAD", "inApp", "per", "delivered"), ("ESC-UNREAD", "sms", "kari", "sent")], sent);

        // The run says why, in words.
        var runs = (await api.GetFromJsonAsync<JsonElement>("/api/v1/runs?flow=unread-task-escalates")).GetProperty("items").EnumerateArray().ToList();
        var unread = runs.Single(r => r.GetProperty("recordKey").GetString() == "ESC-UNREAD").GetProperty("id").GetString();
        var run = await browser.OpenAsync($"/runs/{unread}");
        await Assertions.Expect(run.GetByText("Timed out").First).ToBeVisibleAsync(Patient);
        await Assertions.Expect(run.GetByText("it did not happen, so going to 'send-2'", new() { Exact = false }).First).ToBeVisibleAsync(Patient);
        await browser.SaveScreenshotAsync(run, "escalation-run");
        var read = runs.Single(r => r.GetProperty("recordKey").GetString() == "ESC-READ").GetProperty("id").GetString();
        var readRun = await browser.OpenAsync($"/runs/{read}");
        await Assertions.Expect(readRun.GetByText("Per Olsen read the message of 'send-1'", new() { Exact = false }).First).ToBeVisibleAsync(Patient);
    }

    [Fact]
    public async Task OrderReady_SwitchedToSmsFirstThenEmail_SendsTheEmailOnlyWhenTheSmsIsNotDeliveredInTime()
    {
        var page = await browser.OpenAsync("/flows/order-ready");
        await page.SetViewportSizeAsync(1440, 1100);
        await Node(page, "tell-customer").ClickAsync();
        await page.Locator("input[data-testid=step-1-channels-failover]").TickAsync();
        await Assertions.Expect(page.GetByTestId("step-1-channels-order")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"1\. Email\s*2\. SMS"), new() { Timeout = 30_000 });
        await page.GetByTestId("step-1-channels-up-sms").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-1-channels-order")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"1\. SMS\s*2\. Email"), new() { Timeout = 30_000 });
        await page.Locator("input[data-testid=step-1-channels-after]").TickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=step-1-channels-after-amount]")).ToHaveValueAsync("2", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("flow-in-words")).ToContainTextAsync("by sms, else email to customer (the next channel when not read or delivered within 2 hours)", PatientText);
        await browser.SaveScreenshotAsync(page, "failover-editor");

        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        using var api = browser.App.CreateApiClient();
        var send = (await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/order-ready")).GetProperty("definition").GetProperty("steps")[1];
        Assert.True(send.GetProperty("failover").GetBoolean());
        Assert.Equal(["sms", "email"], send.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((2, "hours"), (send.GetProperty("failoverAfter").GetProperty("amount").GetInt32(), send.GetProperty("failoverAfter").GetProperty("unit").GetString()));

        await page.PublishAsync(2);

        foreach (var status in new[] { "new", "ready" })
        {
            (await api.PutAsJsonAsync("/api/v1/records/order/FAILOVER-1", new { status, title = "Roof box", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        }

        async Task<List<(string Channel, string Status)>> SentAsync() =>
            (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?flow=order-ready&recordKey=FAILOVER-1")).GetProperty("items").EnumerateArray()
                .Select(d => (d.GetProperty("channel").GetString()!, d.GetProperty("status").GetString()!)).OrderBy(d => d.Item1).ToList();
        Assert.Equal([("sms", "sent")], await Eventually.GetAsync(SentAsync, s => s.Count > 0 && s.All(d => d.Status == "sent")));

        await browser.MoveClockForwardAsync(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1)); // the sandbox never reports an SMS delivered
        Assert.Equal([("email", "sent"), ("sms", "sent")], await Eventually.GetAsync(SentAsync, s => s.Count == 2 && s.All(d => d.Status == "sent")));

        var record = await browser.OpenAsync("/records/order/FAILOVER-1");
        await Assertions.Expect(record.GetByTestId("in-place-of")).ToContainTextAsync("In place of the SMS message: not delivered within 2 hours", PatientText);
        await browser.SaveScreenshotAsync(record, "failover-record");
    }

    [Fact]
    public async Task TaskDueSoon_LimitedToOneSmsADayAcrossFlows_IsSavedAndSaidInWords()
    {
        var page = await browser.OpenAsync("/flows/task-due-soon");
        await page.SetViewportSizeAsync(1440, 1100);
        await Node(page, "trigger").ClickAsync();
        await page.Locator("input[data-testid=flow-throttle]").TickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=flow-throttle-max]")).ToHaveValueAsync("3", new() { Timeout = 30_000 });
        await page.Locator("input[data-testid=flow-throttle-max]").FillAsync("1");
        await page.Locator("input[data-testid=flow-throttle-max]").PressAsync("Tab");
        await page.Locator("input[data-testid=flow-throttle-across]").TickAsync();
        await page.Locator("input[data-testid=flow-throttle-fold]").TickAsync();
        await Assertions.Expect(page.GetByTestId("flow-limit")).ToHaveTextAsync(
            "Limit: at most 1 message per person and channel in any 1 day, counting every flow; the rest go together as one message a window later.", new() { Timeout = 30_000 });
        await browser.SaveScreenshotAsync(page, "throttle-editor");
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        using var api = browser.App.CreateApiClient();
        var throttle = (await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/task-due-soon")).GetProperty("definition").GetProperty("throttle");
        Assert.Equal((1, 1, "days", true, true), (throttle.GetProperty("max").GetInt32(), throttle.GetProperty("per").GetProperty("amount").GetInt32(),
            throttle.GetProperty("per").GetProperty("unit").GetString(), throttle.GetProperty("acrossFlows").GetBoolean(), throttle.GetProperty("fold").GetBoolean()));
    }

    [Fact]
    public async Task APersonInTokyo_WithQuietHoursOfTheirOwn_GetsTheNightsSmsAtSevenTheirTime()
    {
        var page = await browser.OpenAsync("/contacts");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Edit Anna Berg" }).ClickAsync();
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[data-testid=contact-time-zone]").FillAsync("tokyo");
            try
            {
                await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Asia/Tokyo" }).ClickAsync(new LocatorClickOptions { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.Locator("input[data-testid=contact-time-zone]").FillAsync(""); // the search was typed before the field listened: type it again
            }
        }

        await page.Locator("input[data-testid=contact-quiet-start]").FillAsync("10pm");
        await page.Locator("input[data-testid=contact-quiet-end]").FillAsync("07:00");
        await page.GetByTestId("save-contact").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error", new PageLocatorOptions { HasText = "must be a 24-hour time such as 22:00." }))
            .ToBeVisibleAsync(Patient);
        await page.Locator("input[data-testid=contact-quiet-start]").FillAsync("22:00");
        await browser.SaveScreenshotAsync(page, "contact-send-window");
        await page.GetByTestId("save-contact").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-contact")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        using var api = browser.App.CreateApiClient();
        var anna = await api.GetFromJsonAsync<JsonElement>("/api/v1/contacts/anna");
        Assert.Equal(("Asia/Tokyo", "22:00", "07:00"), (anna.GetProperty("timeZone").GetString(),
            anna.GetProperty("quietHours").GetProperty("start").GetString(), anna.GetProperty("quietHours").GetProperty("end").GetString()));

        (await api.PutAsJsonAsync("/api/v1/flows/night-email", new
        {
            name = "Night email",
            trigger = new { @event = "record.created", recordTypes = new[] { "task" } },
            steps = new object[] { new { kind = "send", id = "tell", channels = new[] { "email" }, template = "order-ready", recipients = new[] { "assignees" } } },
        })).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/flows/night-email/publish", null)).EnsureSuccessStatusCode();

        // Forward to 23:00 in Tokyo, inside her own window: the email waits until 07:00 there (quiet hours hold email and SMS in this app).
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var local = TimeZoneInfo.ConvertTime(browser.Clock.GetUtcNow(), tokyo);
        var eleven = new DateTimeOffset(local.Date.AddHours(23), tokyo.GetUtcOffset(local.Date.AddHours(23)));
        await browser.MoveClockForwardAsync((eleven > local ? eleven : eleven.AddDays(1)) - local);
        (await api.PutAsJsonAsync("/api/v1/records/task/NIGHT-1", new { status = "open", title = "Night task", assignees = new[] { "anna" } })).EnsureSuccessStatusCode();

        async Task<JsonElement> EmailAsync() => (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?flow=night-email")).GetProperty("items").EnumerateArray().Single();
        var held = await Eventually.GetAsync(EmailAsync, d => d.GetProperty("status").GetString() == "queued");
        Assert.Contains("Held for quiet hours", held.GetProperty("reason").GetString());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("queued", (await EmailAsync()).GetProperty("status").GetString());

        await browser.MoveClockForwardAsync(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1)); // 07:01 in Tokyo
        await Eventually.GetAsync(EmailAsync, d => d.GetProperty("status").GetString() == "sent");
    }

    [Fact]
    public async Task AWebhookSetUpOnTheChannelsPage_IsCalledByAFlowDrawnOnTheCanvas_Signed()
    {
        var receiver = browser.Receiver;
        var settings = await browser.OpenAsync("/settings/channels");
        await settings.GetByTestId("webhook-add").ClickAsync();
        await settings.Locator("input[data-testid=webhook-name]").FillAsync("Team chat");
        await settings.Locator("input[data-testid=webhook-key]").FillAsync("teams");
        await settings.Locator("input[data-testid=webhook-url]").FillAsync(receiver.Url);
        await settings.Locator("input[data-testid=webhook-secret]").FillAsync("short");
        await settings.GetByTestId("save-webhook").ClickAsync();
        await Assertions.Expect(settings.GetByText("must be at least 16 characters.")).ToBeVisibleAsync(Patient);
        await settings.Locator("input[data-testid=webhook-secret]").FillAsync(MovableClockBrowserFixture.WebhookSecret);
        await settings.GetByTestId("save-webhook").ClickAsync();
        await Assertions.Expect(settings.GetByTestId("webhook-teams")).ToContainTextAsync(receiver.Url, PatientText);
        await browser.SaveScreenshotAsync(settings, "webhooks-settings");

        var page = await browser.OpenAsync("/flows");
        await page.SetViewportSizeAsync(1440, 1100);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New flow" }).ClickAsync();
        await page.Locator("input[data-testid=new-flow-name]").FillAsync("Tell the team");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(Node(page, "trigger")).ToBeVisibleAsync(Patient);
        await Node(page, "trigger").ClickAsync();
        await page.GetByLabel("A record is created").TickAsync();
        await page.Locator("input[data-testid=trigger-type-task]").TickAsync();
        await page.GetByTestId("palette-webhook").ClickAsync();
        await Assertions.Expect(Node(page, "webhook-1")).ToBeVisibleAsync(Patient);
        await Node(page, "webhook-1").ClickAsync();
        await PickAsync(page, "step-0-endpoint", @"Team chat \(teams\)");
        await page.Locator("textarea[data-testid=step-0-text]").FillAsync("New task: {{ record.title }}");
        await page.Locator("textarea[data-testid=step-0-text]").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("flow-checks")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        await page.GetByTestId("dry-run-open").ClickAsync();
        await FlowDryRunBrowserTests.PickRecordAsync(page, "T-100");
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-message-webhook")).ToContainTextAsync("New task: Inspect heat pump at Storgata 1", PatientText);
        await browser.SaveScreenshotAsync(page, "webhook-dry-run");
        Assert.Empty(receiver.Calls);

        await page.PublishAsync(1);
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/records/task/HOOK-1", new { status = "open", title = "Replace the valve" })).EnsureSuccessStatusCode();

        var call = Assert.Single(await Eventually.GetAsync(() => Task.FromResult(receiver.Calls.ToList()), c => c.Count > 0));
        Assert.True(call.Signed);
        Assert.Equal("New task: Replace the valve", JsonDocument.Parse(call.Body).RootElement.GetProperty("text").GetString());
        await Eventually.GetAsync(async () => (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?flow=tell-the-team")).GetProperty("items")[0].GetProperty("status").GetString(),
            status => status == "sent");
        var record = await browser.OpenAsync("/records/task/HOOK-1");
        await Assertions.Expect(record.GetByText("Webhook", new() { Exact = true }).First).ToBeVisibleAsync(Patient);
        await Assertions.Expect(record.GetByText("Team chat").First).ToBeVisibleAsync(Patient);
        await Assertions.Expect(record.GetByTestId("webhook-answer")).ToContainTextAsync("The receiver answered HTTP 200: {\"accepted\":true}", PatientText);
    }

    [Fact]
    public async Task TaskOverdue_SwitchedToADigestAtFourOnWorkingDays_IsSavedAndSaidInWords()
    {
        var page = await browser.OpenAsync("/flows/task-overdue");
        await page.SetViewportSizeAsync(1440, 1100);
        await Node(page, "escalate").ClickAsync();
        await page.Locator("input[data-testid=step-1-send-digest]").TickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=step-1-send-digest-amount]")).ToHaveValueAsync("30", new() { Timeout = 30_000 });
        await page.GetByTestId("step-1-send-digest-until").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=step-1-send-digest-at]")).ToHaveValueAsync("16:00", new() { Timeout = 30_000 });
        await page.Locator("input[data-testid=step-1-send-digest-working-days]").TickAsync();
        await page.Locator("input[data-testid=step-1-send-digest-at]").FillAsync("4pm");
        await page.Locator("input[data-testid=step-1-send-digest-at]").PressAsync("Tab");
        await Assertions.Expect(page.GetByText("must be a 24-hour time such as 16:00.").First).ToBeVisibleAsync(Patient);
        await page.Locator("input[data-testid=step-1-send-digest-at]").FillAsync("15:30");
        await page.Locator("input[data-testid=step-1-send-digest-at]").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("flow-in-words")).ToContainTextAsync("as one digest per person (until 15:30 on working days)", PatientText);
        await browser.SaveScreenshotAsync(page, "digest-editor");
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edits-not-saved")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        using var api = browser.App.CreateApiClient();
        var digest = (await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/task-overdue")).GetProperty("definition").GetProperty("steps")[1].GetProperty("digest");
        Assert.Equal(("15:30", true), (digest.GetProperty("until").GetString(), digest.GetProperty("workingDays").GetBoolean()));
        Assert.False(digest.TryGetProperty("window", out var window) && window.ValueKind != JsonValueKind.Null);
    }
}
