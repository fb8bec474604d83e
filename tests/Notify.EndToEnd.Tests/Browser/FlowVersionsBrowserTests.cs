using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>An admin reads a flow's history, opens an older version on a read-only canvas, and takes a publish back by restoring it.</summary>
public sealed class FlowVersionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    private static object Flow(string status) => new
    {
        name = "Pick-up notice",
        trigger = new { @event = "record.status_changed", recordTypes = new[] { "order" }, toStatuses = new[] { status } },
        steps = new object[] { new { kind = "send", id = "tell", title = "Tell the customer", channels = new[] { "email" }, template = "order-ready", recipients = new[] { "customer" } } },
    };

    [Fact]
    public async Task History_SaysWhatEachVersionChanged_AnOldOneOpensReadOnly_AndRestoringItMakesItTheDraft()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/flows/pick-up-notice", Flow("ready"))).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/flows/pick-up-notice/publish", null)).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/flows/pick-up-notice", Flow("collected"))).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/flows/pick-up-notice/publish", null)).EnsureSuccessStatusCode();

        var page = await browser.OpenAsync("/flows/pick-up-notice");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Versions" }).ClickAsync();
        var history = page.GetByTestId("flow-versions");
        await Assertions.Expect(history).ToContainTextAsync("The trigger is now \"When an order's status changes to collected\"", new() { Timeout = 30_000 });
        await Assertions.Expect(history).ToContainTextAsync("The first version.");

        await page.GetByTestId("version-1-open").ClickAsync();
        var view = page.GetByTestId("version-view");
        await Assertions.Expect(view.GetByTestId("canvas-read-only")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(view).ToContainTextAsync("changes to ready");
        await Assertions.Expect(view.GetByTestId("palette-send")).ToHaveCountAsync(0);

        await page.GetByTestId("version-1-restore").ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Restore", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Version 1 is the draft again.")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByTestId("flow-in-words")).ToContainTextAsync("changes to ready", new() { Timeout = 30_000 });

        var flow = await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/pick-up-notice");
        Assert.Equal("ready", flow.GetProperty("definition").GetProperty("trigger").GetProperty("toStatuses")[0].GetString());
        Assert.True(flow.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.Equal(2, flow.GetProperty("publishedVersion").GetInt32());
    }
}
