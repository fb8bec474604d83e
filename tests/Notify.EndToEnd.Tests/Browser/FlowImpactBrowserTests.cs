using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>
/// Before publishing, an admin compares the draft with the published version on the stored traffic, tries one of the
/// affected records, publishes, then takes the publish back by restoring version 1.
/// </summary>
public sealed class FlowImpactBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    private static object Flow(params string[] recipients) => new
    {
        name = "Collected notice",
        trigger = new { @event = "record.status_changed", recordTypes = new[] { "order" }, toStatuses = new[] { "collected" } },
        steps = new object[] { new { kind = "send", id = "tell", title = "Tell them", channels = new[] { "email" }, template = "order-ready", recipients } },
    };

    [Fact]
    public async Task ImpactPreview_ShowsTheManagerNewlyReached_TryItOpensTheRecord_ThenPublishAndRestoreVersionOne()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/flows/collected-notice", Flow("customer"))).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/flows/collected-notice/publish", null)).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/flows/collected-notice", Flow("customer", "manager"))).EnsureSuccessStatusCode();
        foreach (var (key, manager) in new[] { ("IMP-B1", "kari"), ("IMP-B2", "kari"), ("IMP-B3", (string?)null) })
        {
            var contacts = manager is null ? new Dictionary<string, string> { ["customer"] = "ola" } : new() { ["customer"] = "ola", ["manager"] = manager };
            var order = new { status = "new", title = $"Bike {key}", contacts };
            (await api.PutAsJsonAsync($"/api/v1/records/order/{key}", order)).EnsureSuccessStatusCode();
            (await api.PutAsJsonAsync($"/api/v1/records/order/{key}", order with { status = "collected" })).EnsureSuccessStatusCode();
        }

        var page = await browser.OpenAsync("/flows/collected-notice");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "What would change" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("impact-idle")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("impact-go").ClickAsync();

        var totals = page.GetByTestId("impact-totals");
        await Assertions.Expect(totals).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByTestId("impact-row-email").Locator("td").Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("impact-row-email").Locator("td").Nth(2)).ToHaveTextAsync("5");
        await Assertions.Expect(page.GetByTestId("impact-row-email").Locator("td").Nth(3)).ToHaveTextAsync("+2");
        await Assertions.Expect(page.GetByTestId("impact-row-people").Locator("td").Nth(3)).ToHaveTextAsync("+1");
        await Assertions.Expect(page.GetByTestId("impact-newly")).ToContainTextAsync("Kari Hansen");
        await Assertions.Expect(page.GetByTestId("impact-no-longer")).ToContainTextAsync("Nobody is left out.");
        await Assertions.Expect(page.GetByTestId("impact-summary")).ToContainTextAsync("2 messages more");
        await Assertions.Expect(page.GetByTestId("impact-record-IMP-B3")).ToHaveCountAsync(0); // no manager: unchanged

        await page.GetByTestId("impact-try-IMP-B1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.Locator("input[data-testid=dry-run-record]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("order IMP-B1"));
        await page.GetByTestId("dry-run-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-result")).ToContainTextAsync("kari@example.com", new() { Timeout = 30_000 });
        await page.GetByTestId("dry-run-email-toggle").First.ClickAsync();
        await Assertions.Expect(page.FrameLocator("[data-testid=dry-run-email]").Locator("body")).ToContainTextAsync("Your order IMP-B1 (Bike IMP-B1) is ready", new() { Timeout = 30_000 });

        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-impact")).ToContainTextAsync("the draft would send 2 messages more (5 instead of 3)", new() { Timeout = 30_000 });
        await page.GetByTestId("confirm-publish").ClickAsync();
        await Assertions.Expect(page.GetByText("Version 2 is live.")).ToBeVisibleAsync(Patient);

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Versions" }).ClickAsync();
        await page.GetByTestId("version-1-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("version-view").GetByTestId("canvas-read-only")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("version-1-restore").ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Restore", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Version 1 is the draft again.")).ToBeVisibleAsync(Patient);

        var flow = await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/collected-notice");
        Assert.Equal(["customer"], flow.GetProperty("definition").GetProperty("steps")[0].GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, flow.GetProperty("publishedVersion").GetInt32());
        var impact = await (await api.PostAsJsonAsync("/api/v1/flows/collected-notice/impact", new { days = 7 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, impact.GetProperty("newlyReached").GetArrayLength());
        Assert.Equal("kari", impact.GetProperty("noLongerReached")[0].GetProperty("key").GetString()); // the restored draft drops the manager again
    }
}
