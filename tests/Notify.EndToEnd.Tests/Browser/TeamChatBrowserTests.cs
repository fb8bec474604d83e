using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>Team chat about a record: staff write to everyone on it, a person answers from their inbox, and the record shows the thread.</summary>
public sealed class TeamChatBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task MessageToEveryoneOnARecord_IsAnsweredFromTheInbox_AndTheRecordShowsTheThread()
    {
        using (var api = browser.App.CreateApiClient())
        {
            (await api.PutAsJsonAsync("/api/v1/records/task/CHAT-1",
                new { status = "open", title = "Boiler service", assignees = new[] { "per" }, contacts = new { manager = "kari" } })).EnsureSuccessStatusCode();
        }

        var worker = await browser.OpenInAsync(await browser.SignInAsRecipientAsync("per"), "/inbox/per");
        await Assertions.Expect(worker.GetByText("Per Olsen's inbox")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var page = await browser.OpenAsync("/records/task/CHAT-1");
        await page.GetByTestId("record-send-message").ClickAsync();
        await page.Locator("#notify-app[data-interactive=true]").WaitForAsync();
        await page.GetByTestId("message-add-record-people").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message-chips")).ToContainTextAsync("Per Olsen (per)");
        await page.Locator("input[data-testid=message-inapp]").TickAsync();
        await page.Locator("input[data-testid=message-sms]").UntickAsync();
        await page.Locator("textarea[data-testid=message-text]").FillAsync("Who can take the boiler at Storgata 1 tomorrow?");
        await page.GetByTestId("message-send").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).Filter(new LocatorFilterOptions { HasText = "Send it now?" })
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("message-sent")).ToContainTextAsync("Sent to 2 people", Patient);

        // It arrives live, with the badge, in the worker's open inbox; the worker answers in place.
        var item = worker.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "boiler at Storgata 1" });
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(worker.GetByTestId("unread-count")).ToContainTextAsync("1 unread", Patient);
        await item.Locator("input[data-testid=reply-text]").FillAsync("I can, after 10:00.");
        await item.GetByTestId("reply-send").ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("Per Olsen: I can, after 10:00.", Patient);

        var record = await browser.OpenAsync("/records/task/CHAT-1");
        var thread = record.GetByTestId("record-thread").Filter(new LocatorFilterOptions { HasText = "I can, after 10:00." });
        await Assertions.Expect(thread).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(thread.GetByTestId("record-thread-message")).ToHaveTextAsync("Who can take the boiler at Storgata 1 tomorrow?");
        await Assertions.Expect(thread).ToContainTextAsync($"In-app to Per Olsen, sent by {Notify.Tests.Shared.NotifyAppFactory.AdminEmail}");
        await Assertions.Expect(thread.GetByTestId("record-thread-reply")).ToContainTextAsync("Per Olsen: I can, after 10:00.");
        await browser.SaveScreenshotAsync(record, "team-chat-record");
    }
}
