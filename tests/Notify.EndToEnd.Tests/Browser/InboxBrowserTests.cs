using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

public sealed class InboxBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task MessageArrivesLive_BadgeCounts_ReplyIsStoredOnTheRecord()
    {
        var page = await browser.OpenAsync("/inbox/per");
        await Assertions.Expect(page.GetByTestId("unread-count")).ToContainTextAsync("All read", Patient);

        using var api = browser.App.CreateApiClient();
        var deadline = DateTimeOffset.UtcNow.AddHours(3).ToString("O");
        (await api.PutAsJsonAsync("/api/v1/records/task/INBOX-1", new
        {
            status = "open", title = "Check <script>alert(1)</script> valve", deadline, assignees = new[] { "per" },
        })).EnsureSuccessStatusCode();

        var item = page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "valve" });
        await Assertions.Expect(item).ToContainTextAsync("<script>alert(1)</script>", Patient);
        await Assertions.Expect(page.GetByTestId("unread-count")).ToContainTextAsync("1 unread");

        await item.GetByTestId("mark-read").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unread-count")).ToContainTextAsync("All read", Patient);

        await item.Locator("input[data-testid=reply-text]").FillAsync("On my way, there at 14:00");
        await item.GetByTestId("reply-send").ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("Per Olsen: On my way, there at 14:00", Patient);

        var record = await browser.OpenAsync("/records/task/INBOX-1");
        await Assertions.Expect(record.GetByTestId("record-replies")).ToContainTextAsync("On my way, there at 14:00", Patient);
    }
}
