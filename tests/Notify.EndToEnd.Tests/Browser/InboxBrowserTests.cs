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

    [Fact]
    public async Task RecipientOnAPhone_SeesTheirInbox_WithoutAMenuOrAWrappedHeader_AndAnswersInPlace()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/messages", new
        {
            to = new[] { "contact:kari" }, channels = new[] { "inApp" },
            text = "The technician comes tomorrow between 08:00 and 10:00. Reply here if that does not suit you.",
        })).EnsureSuccessStatusCode();
        var phone = await browser.SignInAsRecipientAsync("kari", viewport: new ViewportSize { Width = 390, Height = 844 });

        var page = await browser.OpenInAsync(phone, "/");

        await page.WaitForURLAsync(url => url.EndsWith("/inbox/kari", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        var item = page.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "technician comes tomorrow" });
        await Assertions.Expect(item).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Toggle menu" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("nav, .mud-drawer")).ToHaveCountAsync(0);
        var signOut = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" });
        var bar = await page.Locator("header").BoundingBoxAsync();
        var button = await signOut.BoundingBoxAsync();
        Assert.True(bar!.Height <= 64, $"the header is {bar.Height}px high: it wrapped");
        Assert.True(button!.Height <= 40 && button.X + button.Width <= 390, $"Sign out is {button.Width}x{button.Height} at {button.X}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await browser.SaveScreenshotAsync(page, "inbox-390");

        await item.Locator("input[data-testid=reply-text]").FillAsync("Fine, see you then");
        await item.GetByTestId("reply-send").ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync(": Fine, see you then", Patient);
        var replyBox = await item.Locator("input[data-testid=reply-text]").BoundingBoxAsync();
        Assert.True(replyBox!.X + replyBox.Width <= 390, "the reply field runs off the screen");
    }
}
