using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>A person turns one kind of message off in their inbox; it stops, and the log says why.</summary>
public sealed class MessageChoicesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task TurningAFlowOffInTheInbox_StopsItsMessages_AndTheSendLogSaysWhy()
    {
        var page = await browser.OpenAsync("/inbox/per");
        var dueSoon = page.Locator("input[data-testid=pref-flow-task-due-soon]");
        await Assertions.Expect(dueSoon).ToBeCheckedAsync(new LocatorAssertionsToBeCheckedOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("flow-choices")).ToContainTextAsync("Task overdue");

        await dueSoon.UntickAsync();
        await page.GetByTestId("save-preferences").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preferences-saved")).ToBeVisibleAsync(Patient);

        var again = await browser.OpenAsync("/inbox/per");
        await Assertions.Expect(again.Locator("input[data-testid=pref-flow-task-due-soon]")).Not.ToBeCheckedAsync(new LocatorAssertionsToBeCheckedOptions { Timeout = 30_000 });
        await Assertions.Expect(again.Locator("input[data-testid=pref-flow-task-overdue]")).ToBeCheckedAsync();

        using var api = browser.App.CreateApiClient();
        var deadline = DateTimeOffset.UtcNow.AddHours(3).ToString("O");
        (await api.PutAsJsonAsync("/api/v1/records/task/QUIET-1", new { status = "open", title = "Service the pump", deadline, assignees = new[] { "per" } }))
            .EnsureSuccessStatusCode();

        // The reminder is due at once (the deadline is within 24 hours); the background worker runs it.
        var rows = new List<JsonElement>();
        for (var i = 0; i < 300 && rows.Count < 2; i++)
        {
            await Task.Delay(100);
            var log = await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=QUIET-1");
            rows = log.GetProperty("items").EnumerateArray().ToList();
        }

        Assert.Equal(2, rows.Count); // SMS and in-app, both decided and both skipped
        Assert.All(rows, r =>
        {
            Assert.Equal("skipped", r.GetProperty("status").GetString());
            Assert.Equal("turned off messages from the flow 'task-due-soon'", r.GetProperty("reason").GetString());
        });
        await Assertions.Expect(again.GetByTestId("inbox-item").Filter(new LocatorFilterOptions { HasText = "Service the pump" })).ToHaveCountAsync(0);

        var audit = await browser.OpenAsync("/settings/audit");
        await Assertions.Expect(audit.Locator("tr", new PageLocatorOptions { HasText = "changed message choices" })).ToContainTextAsync("task-due-soon",
            new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
    }
}
